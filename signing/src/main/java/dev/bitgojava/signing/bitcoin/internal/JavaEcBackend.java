package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.TaggedHash;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The pure-Java backend: Bouncy Castle's secp256k1 (GLV endomorphism, fixed-point comb for secret multiples of G, a
 * variable-time table for public ones). Runs everywhere; the fallback when the native library cannot load.
 */
public final class JavaEcBackend implements EcBackend {

    /** The one instance (stateless). */
    public static final JavaEcBackend INSTANCE = new JavaEcBackend();

    private static final BigInteger N = Secp256k1.N;

    private JavaEcBackend() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public byte[] publicKey(byte[] secretKey32) {
        return Secp256k1.multiplyG(Secp256k1.secretScalar(secretKey32)).getEncoded(true);
    }

    @Override
    public byte[] uncompressedPublicKey(byte[] secretKey32) {
        return Secp256k1.multiplyG(Secp256k1.secretScalar(secretKey32)).getEncoded(false);
    }

    @Override
    public byte[] parsePublicKey(byte[] encoded) {
        try {
            return Secp256k1.decodePoint(encoded).normalize().getEncoded(false);
        } catch (SigningException e) {
            return null;
        }
    }

    @Override
    public byte[] privateKeyTweakAdd(byte[] secretKey32, byte[] tweak32) {
        BigInteger sum = new BigInteger(1, secretKey32).add(new BigInteger(1, tweak32)).mod(N);
        return sum.signum() == 0 ? null : Secp256k1.toBytes32(sum);
    }

    @Override
    public byte[] publicKeyTweakAdd(byte[] publicKey33, byte[] tweak32) {
        ECPoint sum = Secp256k1.multiplyGAndAddVarTime(new BigInteger(1, tweak32), Secp256k1.decodePoint(publicKey33));
        return sum.isInfinity() ? null : sum.getEncoded(true);
    }

    @Override
    public Ecdsa.Signature ecdsaSign(byte[] hash32, byte[] secretKey32) {
        Ecdsa.RecoverableSignature signature = ecdsaSignRecoverable(hash32, secretKey32);
        return new Ecdsa.Signature(signature.r(), signature.s());
    }

    @Override
    public Ecdsa.RecoverableSignature ecdsaSignRecoverable(byte[] hash32, byte[] secretKey32) {
        return RecoverableSigning.sign(hash32, secretKey32, k -> {
            ECPoint point = Secp256k1.multiplyG(k);
            return new RecoverableSigning.NoncePoint(point.getAffineXCoord().toBigInteger(),
                    point.getAffineYCoord().testBitZero());
        });
    }

    @Override
    public boolean ecdsaVerify(byte[] hash32, Ecdsa.Signature signature, byte[] publicKey) {
        ECPoint q;
        try {
            q = Secp256k1.decodePoint(publicKey);
        } catch (SigningException e) {
            return false;
        }
        return ecdsaVerify(hash32, signature, q);
    }

    /** Verifies r and s with a decoded public key (high s accepted). */
    public static boolean ecdsaVerify(byte[] hash32, Ecdsa.Signature signature, ECPoint publicKey) {
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, hash32);
        BigInteger w = BigIntegers.modOddInverse(N, s);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = r.multiply(w).mod(N);
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, u1, publicKey, u2);
        if (point.isInfinity()) {
            return false;
        }
        ECCurve curve = point.getCurve();
        if (curve.getCoordinateSystem() == ECCurve.COORD_JACOBIAN && !point.isNormalized()) {
            // Compare r·Z² with X instead of normalising: saves a field inversion.
            ECFieldElement z2 = point.getZCoord(0).square();
            ECFieldElement x = point.getRawXCoord();
            BigInteger candidate = r;
            while (candidate.compareTo(Secp256k1.P) < 0) {
                if (curve.fromBigInteger(candidate).multiply(z2).equals(x)) {
                    return true;
                }
                candidate = candidate.add(N);
            }
            return false;
        }
        return point.normalize().getAffineXCoord().toBigInteger().mod(N).equals(r);
    }

    @Override
    public byte[] schnorrSign32(byte[] msg32, byte[] secretKey32, byte[] auxRand32) {
        return schnorrSign(msg32, secretKey32, auxRand32);
    }

    @Override
    public boolean schnorrVerify32(byte[] msg32, byte[] xOnlyPublicKey32, byte[] sig64) {
        return schnorrVerify(msg32, xOnlyPublicKey32, sig64);
    }

    /** BIP 340 signing of a message of any length (the native library takes 32-byte messages only). */
    public static byte[] schnorrSign(byte[] msg, byte[] secretKey32, byte[] auxRand32) {
        BigInteger d0 = Secp256k1.secretScalar(secretKey32);
        ECPoint p = Secp256k1.multiplyG(d0);
        BigInteger d = Secp256k1.hasEvenY(p) ? d0 : N.subtract(d0);
        byte[] px = Secp256k1.xOnly(p);
        byte[] dBytes = Secp256k1.toBytes32(d);
        byte[] t = TaggedHash.of("BIP0340/aux", auxRand32);
        for (int i = 0; i < 32; i++) {
            t[i] ^= dBytes[i];
        }
        Arrays.fill(dBytes, (byte) 0);
        BigInteger k0 = new BigInteger(1, TaggedHash.of("BIP0340/nonce", t, px, msg)).mod(N);
        Arrays.fill(t, (byte) 0);
        if (k0.signum() == 0) {
            throw new SigningException("the derived nonce is zero");
        }
        ECPoint r = Secp256k1.multiplyG(k0);
        BigInteger k = Secp256k1.hasEvenY(r) ? k0 : N.subtract(k0);
        byte[] rx = Secp256k1.xOnly(r);
        BigInteger e = challenge(rx, px, msg);
        BigInteger s = k.add(e.multiply(d)).mod(N);
        byte[] sig = new byte[64];
        System.arraycopy(rx, 0, sig, 0, 32);
        System.arraycopy(Secp256k1.toBytes32(s), 0, sig, 32, 32);
        // Self-check (BIP 340's recommendation) with the points already at hand: no decompression, same challenge.
        if (!holds(Secp256k1.hasEvenY(p) ? p : p.negate(), r.getAffineXCoord().toBigInteger(), s, e)) {
            throw new SigningException("the Schnorr signature failed its own verification");
        }
        return sig;
    }

    /** BIP 340 verification of a message of any length; false for every invalid input. */
    public static boolean schnorrVerify(byte[] msg, byte[] xOnlyPublicKey32, byte[] sig64) {
        ECPoint p = Secp256k1.liftX(xOnlyPublicKey32);
        if (p == null) {
            return false;
        }
        byte[] rx = Arrays.copyOfRange(sig64, 0, 32);
        BigInteger r = new BigInteger(1, rx);
        if (r.compareTo(Secp256k1.P) >= 0) {
            return false;
        }
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig64, 32, 64));
        if (s.compareTo(N) >= 0) {
            return false;
        }
        return holds(p, r, s, challenge(rx, xOnlyPublicKey32, msg));
    }

    /** Whether s·G - e·P is a finite point with even y and x coordinate r (P with even y). */
    private static boolean holds(ECPoint evenP, BigInteger r, BigInteger s, BigInteger e) {
        ECPoint point = Secp256k1.sumOfTwoMultiplies(s, evenP, N.subtract(e).mod(N));
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
        return new BigInteger(1, digest.digest()).mod(N);
    }
}
