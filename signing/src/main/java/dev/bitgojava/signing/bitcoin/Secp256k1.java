package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.internal.EcBackends;
import dev.bitgojava.signing.bitcoin.internal.PublicGMultiplier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;

/**
 * The secp256k1 curve (Bouncy Castle's optimised implementation with the GLV endomorphism) and the point and
 * scalar helpers Bitcoin needs: x-only keys, {@code lift_x}, compressed encodings, fast multiplication of G.
 */
public final class Secp256k1 {

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

    /** The curve. */
    public static final ECCurve CURVE = PARAMS.getCurve();
    /** The generator G. */
    public static final ECPoint G = PARAMS.getG();
    /** The group order n. */
    public static final BigInteger N = PARAMS.getN();
    /** The field size p. */
    public static final BigInteger P = CURVE.getField().getCharacteristic();
    /** Domain parameters for Bouncy Castle's signers. */
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE, G, N, PARAMS.getH());

    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final ECMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** k·G, normalised, using a precomputed comb table for G. */
    public static ECPoint multiplyG(BigInteger k) {
        return BASE_MULTIPLIER.multiply(G, k).normalize();
    }

    /**
     * k·G + q, normalised once, for a <em>public</em> scalar k in [0, n) such as a BIP32 public-derivation
     * step or a taproot tweak. Variable time (a byte-indexed table of multiples of G): never pass a secret.
     * The result may be the point at infinity.
     */
    public static ECPoint multiplyGAndAddVarTime(BigInteger k, ECPoint q) {
        return PublicGMultiplier.multiply(k).add(q).normalize();
    }

    /** k·point, normalised. */
    public static ECPoint multiply(ECPoint point, BigInteger k) {
        return point.multiply(k).normalize();
    }

    /** a + b, normalised. */
    public static ECPoint add(ECPoint a, ECPoint b) {
        return a.add(b).normalize();
    }

    /** a·G + b·Q, normalised, in one pass (Shamir's trick with the GLV endomorphism). */
    public static ECPoint sumOfTwoMultiplies(BigInteger a, ECPoint q, BigInteger b) {
        return ECAlgorithms.sumOfTwoMultiplies(G, a, q, b).normalize();
    }

    /** Whether a normalised, finite point has an even y coordinate. */
    public static boolean hasEvenY(ECPoint point) {
        return !point.getAffineYCoord().testBitZero();
    }

    /** The 32-byte x coordinate of a normalised, finite point (BIP 340's {@code bytes(P)}). */
    public static byte[] xOnly(ECPoint point) {
        return point.getAffineXCoord().getEncoded();
    }

    /** The 33-byte compressed encoding of a point. */
    public static byte[] compressed(ECPoint point) {
        return point.getEncoded(true);
    }

    /** The point with x coordinate {@code x32} and even y (BIP 340's {@code lift_x}), or null if none exists. */
    public static ECPoint liftX(byte[] x32) {
        if (x32 == null || x32.length != 32) {
            return null;
        }
        BigInteger x = new BigInteger(1, x32);
        if (x.compareTo(P) >= 0) {
            return null;
        }
        byte[] encoded = new byte[33];
        encoded[0] = 0x02;
        System.arraycopy(x32, 0, encoded, 1, 32);
        try {
            return CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Decodes a public key, 33 bytes compressed or 65 bytes uncompressed, checking that it lies on the curve.
     *
     * @throws SigningException when the bytes are no valid point
     */
    public static ECPoint decodePoint(byte[] encoded) {
        if (encoded == null || !((encoded.length == 33 && (encoded[0] == 2 || encoded[0] == 3))
                || (encoded.length == 65 && encoded[0] == 4))) {
            throw new SigningException("a public key must be 33 bytes (02/03 prefix) or 65 bytes (04 prefix)");
        }
        try {
            ECPoint point = CURVE.decodePoint(encoded);
            if (point.isInfinity()) {
                throw new SigningException("the public key is the point at infinity");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw new SigningException("the public key is not a point on secp256k1", e);
        }
    }

    /**
     * Reads a 32-byte secret key as a scalar in [1, n-1].
     *
     * @throws SigningException when the key has the wrong length or is out of range
     */
    public static BigInteger secretScalar(byte[] secretKey32) {
        if (secretKey32 == null || secretKey32.length != 32) {
            throw new SigningException("a private key must be 32 bytes");
        }
        BigInteger d = new BigInteger(1, secretKey32);
        if (d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new SigningException("the private key is not in the range [1, n-1]");
        }
        return d;
    }

    /** Whether s is at most n/2 (the low-S form Bitcoin's standardness rules require). */
    public static boolean isLowS(BigInteger s) {
        return s.compareTo(HALF_N) <= 0;
    }

    /** The scalar as 32 big-endian bytes. */
    public static byte[] toBytes32(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == 32) {
            return raw;
        }
        byte[] out = new byte[32];
        if (raw.length > 32) {
            System.arraycopy(raw, raw.length - 32, out, 0, 32);
        } else {
            System.arraycopy(raw, 0, out, 32 - raw.length, raw.length);
        }
        return out;
    }

    /** The 33-byte compressed public key of a 32-byte secret key. */
    public static byte[] publicKey(byte[] secretKey32) {
        secretScalar(secretKey32);
        return EcBackends.get().publicKey(secretKey32);
    }
}
