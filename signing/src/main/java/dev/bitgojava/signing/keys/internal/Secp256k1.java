package dev.bitgojava.signing.keys.internal;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The secp256k1 curve (Bouncy Castle's optimised implementation) and the hashes BIP32 needs. */
public final class Secp256k1 {

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    /** The curve. */
    public static final ECCurve CURVE = PARAMS.getCurve();
    /** The generator. */
    public static final ECPoint G = PARAMS.getG();
    /** The group order n. */
    public static final BigInteger N = PARAMS.getN();

    private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** k·G, normalised (affine). */
    public static ECPoint multiplyG(BigInteger k) {
        return BASE_MULTIPLIER.multiply(G, k).normalize();
    }

    /**
     * The point of a 33-byte compressed or 65-byte uncompressed encoding.
     *
     * @throws IllegalArgumentException when the bytes encode no point of the curve
     */
    public static ECPoint decode(byte[] encoded) {
        ECPoint p = CURVE.decodePoint(encoded);
        if (p.isInfinity() || !p.isValid()) {
            throw new IllegalArgumentException("not a point of secp256k1");
        }
        return p.normalize();
    }

    /** HMAC-SHA512(key, data). */
    public static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }

    /** RIPEMD160(SHA-256(data)), Bitcoin's key identifier. */
    public static byte[] hash160(byte[] data) {
        byte[] sha = sha256(data);
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return out;
    }

    /** SHA-256(data). */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 32-byte big-endian form of a scalar below 2^256. */
    public static byte[] toBytes32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        if (raw.length > 32) {
            System.arraycopy(raw, raw.length - 32, out, 0, 32);
        } else {
            System.arraycopy(raw, 0, out, 32 - raw.length, raw.length);
        }
        return out;
    }
}
