package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.util.function.Function;

/**
 * The ECDSA signing loop both secp256k1 backends share: RFC 6979 nonce k (fed the unreduced hash, as libsecp256k1
 * does), R = k·G by the backend, s = k⁻¹(e + r·d) with a constant-time inverse, low S, and the
 * recovery id from R.
 */
final class RecoverableSigning {

    private static final BigInteger N = Secp256k1.N;

    /** R = k·G as its affine x coordinate and the parity of its y coordinate. */
    record NoncePoint(BigInteger x, boolean yOdd) {
    }

    private RecoverableSigning() {
    }

    static Ecdsa.RecoverableSignature sign(byte[] hash32, byte[] secretKey32,
                                           Function<BigInteger, NoncePoint> multiplyG) {
        BigInteger d = Secp256k1.secretScalar(secretKey32);
        BigInteger e = new BigInteger(1, hash32);
        DSAKCalculator nonces = new Rfc6979Nonces();
        nonces.init(N, d, hash32);
        while (true) {
            BigInteger k = nonces.nextK();
            NoncePoint point = multiplyG.apply(k);
            BigInteger r = point.x().mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = (point.yOdd() ? 1 : 0) | (point.x().compareTo(N) >= 0 ? 2 : 0);
            if (!Secp256k1.isLowS(s)) {
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            return new Ecdsa.RecoverableSignature(r, s, recoveryId);
        }
    }
}
