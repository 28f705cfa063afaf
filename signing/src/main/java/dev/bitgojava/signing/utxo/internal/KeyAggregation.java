package dev.bitgojava.signing.utxo.internal;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.TaggedHash;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Arrays;

/** The two taproot internal-key aggregations of BitGo wallets: legacy MuSig (chains 30/31) and BIP327 KeyAgg (40/41). */
public final class KeyAggregation {

    private KeyAggregation() {
    }

    /**
     * BitGo's legacy MuSig aggregation: the x-only keys are sorted bytewise, lifted to even y, weighted with
     * the KeyAgg coefficients (the second distinct key weighs 1) and added; returns the sum's x coordinate.
     */
    public static byte[] legacyMusig(byte[] compressedA, byte[] compressedB) {
        byte[] a = Arrays.copyOfRange(compressedA, 1, 33);
        byte[] b = Arrays.copyOfRange(compressedB, 1, 33);
        byte[][] keys = Arrays.compareUnsigned(a, b) <= 0 ? new byte[][] {a, b} : new byte[][] {b, a};
        ECPoint[] points = {lift(keys[0]), lift(keys[1])};
        return aggregate(keys, points);
    }

    /** BIP327 KeyAgg of 33-byte compressed keys in the given order (no sorting); returns the x-only key. */
    public static byte[] musig2(byte[]... compressedKeys) {
        ECPoint[] points = new ECPoint[compressedKeys.length];
        for (int i = 0; i < compressedKeys.length; i++) {
            points[i] = Secp256k1.decodePoint(compressedKeys[i]);
        }
        return aggregate(compressedKeys, points);
    }

    private static byte[] aggregate(byte[][] keys, ECPoint[] points) {
        byte[] list = TaggedHash.of("KeyAgg list", keys);
        byte[] second = null;
        for (int i = 1; i < keys.length; i++) {
            if (!Arrays.equals(keys[i], keys[0])) {
                second = keys[i];
                break;
            }
        }
        ECPoint sum = null;
        for (int i = 0; i < keys.length; i++) {
            BigInteger coefficient = second != null && Arrays.equals(keys[i], second)
                    ? BigInteger.ONE
                    : new BigInteger(1, TaggedHash.of("KeyAgg coefficient", list, keys[i])).mod(Secp256k1.N);
            ECPoint term = Secp256k1.multiply(points[i], coefficient);
            sum = sum == null ? term : Secp256k1.add(sum, term);
        }
        ECPoint q = sum.normalize();
        if (q.isInfinity()) {
            throw new SigningException("aggregated key is the point at infinity");
        }
        return Secp256k1.xOnly(q);
    }

    private static ECPoint lift(byte[] x) {
        ECPoint p = Secp256k1.liftX(x);
        if (p == null) {
            throw new SigningException("x-only key is not on the curve");
        }
        return p;
    }
}
