package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.MessageDigest;

/** BIP 340 Schnorr signatures over secp256k1 with 32-byte x-only public keys. */
public final class Schnorr {

    private Schnorr() {
    }

    /**
     * Signs a message of any length as BIP 340 specifies (the message is not hashed first).
     *
     * @param msg         the message
     * @param secretKey32 the 32-byte secret key, in [1, n-1]
     * @param auxRand32   32 bytes of auxiliary randomness (zeros give deterministic signatures)
     * @return the 64-byte signature {@code R.x || s}
     * @throws SigningException for an invalid key or aux length
     */
    public static byte[] sign(byte[] msg, byte[] secretKey32, byte[] auxRand32) {
        if (msg == null) {
            throw new SigningException("no message to sign");
        }
        if (auxRand32 == null || auxRand32.length != 32) {
            throw new SigningException("auxiliary randomness must be 32 bytes");
        }
        BigInteger d0 = Secp256k1.secretScalar(secretKey32);
        ECPoint p = Secp256k1.multiplyG(d0);
        BigInteger d = Secp256k1.hasEvenY(p) ? d0 : Secp256k1.N.subtract(d0);
        byte[] px = Secp256k1.xOnly(p);
        byte[] dBytes = Secp256k1.toBytes32(d);
        byte[] t = TaggedHash.of("BIP0340/aux", auxRand32);
        for (int i = 0; i < 32; i++) {
            t[i] ^= dBytes[i];
        }
        java.util.Arrays.fill(dBytes, (byte) 0);
        BigInteger k0 = new BigInteger(1, TaggedHash.of("BIP0340/nonce", t, px, msg)).mod(Secp256k1.N);
        java.util.Arrays.fill(t, (byte) 0);
        if (k0.signum() == 0) {
            throw new SigningException("the derived nonce is zero");
        }
        ECPoint r = Secp256k1.multiplyG(k0);
        BigInteger k = Secp256k1.hasEvenY(r) ? k0 : Secp256k1.N.subtract(k0);
        byte[] rx = Secp256k1.xOnly(r);
        BigInteger e = challenge(rx, px, msg);
        BigInteger s = k.add(e.multiply(d)).mod(Secp256k1.N);
        byte[] sig = new byte[64];
        System.arraycopy(rx, 0, sig, 0, 32);
        System.arraycopy(Secp256k1.toBytes32(s), 0, sig, 32, 32);
        // Self-check (BIP 340's recommendation) with the points already at hand: no decompression, same challenge.
        if (!holds(Secp256k1.hasEvenY(p) ? p : p.negate(), r.getAffineXCoord().toBigInteger(), s, e)) {
            throw new SigningException("the Schnorr signature failed its own verification");
        }
        return sig;
    }

    /**
     * Verifies a BIP 340 signature. Answers false for every invalid input (wrong lengths, a key that is not on
     * the curve, r or s out of range) and never throws.
     */
    public static boolean verify(byte[] msg, byte[] xOnlyPubKey32, byte[] sig64) {
        if (msg == null || xOnlyPubKey32 == null || sig64 == null || xOnlyPubKey32.length != 32 || sig64.length != 64) {
            return false;
        }
        ECPoint p = Secp256k1.liftX(xOnlyPubKey32);
        if (p == null) {
            return false;
        }
        byte[] rx = java.util.Arrays.copyOfRange(sig64, 0, 32);
        BigInteger r = new BigInteger(1, rx);
        if (r.compareTo(Secp256k1.P) >= 0) {
            return false;
        }
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig64, 32, 64));
        if (s.compareTo(Secp256k1.N) >= 0) {
            return false;
        }
        return holds(p, r, s, challenge(rx, xOnlyPubKey32, msg));
    }

    /** Whether s·G - e·P is a finite point with even y and x coordinate r (P with even y). */
    private static boolean holds(ECPoint evenP, BigInteger r, BigInteger s, BigInteger e) {
        ECPoint point = Secp256k1.sumOfTwoMultiplies(s, evenP, Secp256k1.N.subtract(e).mod(Secp256k1.N));
        if (point.isInfinity() || !Secp256k1.hasEvenY(point)) {
            return false;
        }
        return point.getAffineXCoord().toBigInteger().equals(r);
    }

    private static BigInteger challenge(byte[] rx, byte[] px, byte[] msg) {
        MessageDigest digest = TaggedHash.start("BIP0340/challenge");
        digest.update(rx);
        digest.update(px);
        digest.update(msg);
        return new BigInteger(1, digest.digest()).mod(Secp256k1.N);
    }

    /** The 32-byte x-only public key of a secret key. */
    public static byte[] xOnlyPublicKey(byte[] secretKey32) {
        return Secp256k1.xOnly(Secp256k1.multiplyG(Secp256k1.secretScalar(secretKey32)));
    }
}
