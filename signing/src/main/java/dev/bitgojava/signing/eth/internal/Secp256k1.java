package dev.bitgojava.signing.eth.internal;

import dev.bitgojava.signing.eth.InvalidEthInputException;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The single place where the Ethereum code makes secp256k1 signatures: RFC 6979 deterministic nonces
 * (HMAC-SHA256), low-S, with the recovery id. A faster implementation can replace {@link #sign} without
 * touching its callers.
 */
public final class Secp256k1 {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final ECPoint G = CURVE.getG();
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** A signature with its recovery id (0..3): r and s as 32-byte big-endian words. */
    public record RecoverableSignature(byte[] r, byte[] s, int recoveryId) {
    }

    /**
     * Signs a 32-byte hash as it is (no message prefix) with a 32-byte private key.
     *
     * @throws InvalidEthInputException when the hash is not 32 bytes or the key is not in 1 .. n-1
     */
    public static RecoverableSignature sign(byte[] hash, byte[] privateKey) {
        if (hash == null || hash.length != 32) {
            throw new InvalidEthInputException("the hash to sign must be 32 bytes");
        }
        BigInteger d = privateKeyScalar(privateKey);
        BigInteger e = new BigInteger(1, hash);
        DSAKCalculator nonces = e.compareTo(N) >= 0 ? new UnreducedHashNonces() : new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, d, hash);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = MULTIPLIER.multiply(G, k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(N).multiply(e.add(d.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            return new RecoverableSignature(EthBytes.toBytes32(r), EthBytes.toBytes32(s), recoveryId);
        }
    }

    /** The 20-byte Ethereum address of a private key: the last 20 bytes of keccak256(X ‖ Y). */
    public static byte[] address(byte[] privateKey) {
        ECPoint point = MULTIPLIER.multiply(G, privateKeyScalar(privateKey)).normalize();
        byte[] xy = new byte[64];
        byte[] encoded = point.getEncoded(false);
        System.arraycopy(encoded, 1, xy, 0, 64);
        byte[] hash = Keccak.hash(xy);
        return Arrays.copyOfRange(hash, 12, 32);
    }

    private static BigInteger privateKeyScalar(byte[] privateKey) {
        if (privateKey == null || privateKey.length != 32) {
            throw new InvalidEthInputException("a secp256k1 private key must be 32 bytes");
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new InvalidEthInputException("the private key is outside the secp256k1 range");
        }
        return d;
    }

    /**
     * RFC 6979 with HMAC-SHA256, but fed the hash bytes as they are instead of the hash reduced mod n. That is what
     * libsecp256k1 (behind ethereumjs-util's ecsign, and so BitGo's Ethereum signatures) does; it differs from plain
     * RFC 6979 only for the (astronomically rare) hashes of n or more.
     */
    private static final class UnreducedHashNonces implements DSAKCalculator {
        private final HMac mac = new HMac(new SHA256Digest());
        private final byte[] k = new byte[32];
        private final byte[] v = new byte[32];
        private BigInteger n;
        private boolean retry;

        @Override
        public boolean isDeterministic() {
            return true;
        }

        @Override
        public void init(BigInteger n, SecureRandom random) {
            throw new IllegalStateException("deterministic nonces only");
        }

        @Override
        public void init(BigInteger n, BigInteger d, byte[] message) {
            this.n = n;
            this.retry = false;
            byte[] x = EthBytes.toBytes32(d);
            Arrays.fill(v, (byte) 1);
            Arrays.fill(k, (byte) 0);
            try {
                update((byte) 0, x, message);
                update((byte) 1, x, message);
            } finally {
                Arrays.fill(x, (byte) 0);
            }
        }

        private void update(byte separator, byte[] x, byte[] message) {
            mac.init(new KeyParameter(k));
            mac.update(v, 0, v.length);
            mac.update(separator);
            mac.update(x, 0, x.length);
            mac.update(message, 0, message.length);
            mac.doFinal(k, 0);
            mac.init(new KeyParameter(k));
            mac.update(v, 0, v.length);
            mac.doFinal(v, 0);
        }

        @Override
        public BigInteger nextK() {
            while (true) {
                if (retry) {
                    mac.init(new KeyParameter(k));
                    mac.update(v, 0, v.length);
                    mac.update((byte) 0);
                    mac.doFinal(k, 0);
                    mac.init(new KeyParameter(k));
                    mac.update(v, 0, v.length);
                    mac.doFinal(v, 0);
                }
                retry = true;
                mac.init(new KeyParameter(k));
                mac.update(v, 0, v.length);
                mac.doFinal(v, 0);
                BigInteger candidate = new BigInteger(1, v);
                if (candidate.signum() > 0 && candidate.compareTo(n) < 0) {
                    return candidate;
                }
            }
        }
    }
}
