package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.internal.EcBackends;
import dev.bitgojava.signing.bitcoin.internal.JavaEcBackend;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;

/**
 * ECDSA over secp256k1 as Bitcoin uses it: RFC 6979 deterministic nonces (HMAC-SHA256, no extra entropy), low-S
 * signatures, and strict DER (BIP 66). Signatures are byte-identical to libsecp256k1's.
 */
public final class Ecdsa {

    private static final BigInteger N = Secp256k1.N;

    private Ecdsa() {
    }

    /** An ECDSA signature's two scalars. */
    public record Signature(BigInteger r, BigInteger s) {

        /** Strict DER encoding: {@code 30 len 02 lenR R 02 lenS S}, minimal integers. */
        public byte[] toDer() {
            byte[] rb = r.toByteArray();
            byte[] sb = s.toByteArray();
            byte[] der = new byte[6 + rb.length + sb.length];
            der[0] = 0x30;
            der[1] = (byte) (4 + rb.length + sb.length);
            der[2] = 0x02;
            der[3] = (byte) rb.length;
            System.arraycopy(rb, 0, der, 4, rb.length);
            der[4 + rb.length] = 0x02;
            der[5 + rb.length] = (byte) sb.length;
            System.arraycopy(sb, 0, der, 6 + rb.length, sb.length);
            return der;
        }

        /** Whether s is in the lower half of the order (required by Bitcoin's standardness rules). */
        public boolean isLowS() {
            return Secp256k1.isLowS(s);
        }

        /** This signature with s replaced by n - s when it is high. */
        public Signature normalized() {
            return isLowS() ? this : new Signature(r, N.subtract(s));
        }
    }

    /**
     * Signs a 32-byte hash with an RFC 6979 nonce and returns the low-S DER signature (without a sighash byte).
     *
     * @throws SigningException when the hash is not 32 bytes or the key is not a valid secret key
     */
    public static byte[] sign(byte[] hash32, byte[] privateKey32) {
        return signToSignature(hash32, privateKey32).toDer();
    }

    /** {@link #sign} returning the two scalars. */
    public static Signature signToSignature(byte[] hash32, byte[] privateKey32) {
        checkSigningInput(hash32, privateKey32);
        return EcBackends.get().ecdsaSign(hash32, privateKey32);
    }

    /**
     * A low-S signature with the recovery id (0..3) that lets a verifier recover the public key from it, as
     * Ethereum needs. Bit 0 is the parity of R's y coordinate (flipped with s when s is negated to the low half),
     * bit 1 says that R's x coordinate was at least n.
     */
    public record RecoverableSignature(BigInteger r, BigInteger s, int recoveryId) {
    }

    /**
     * Signs a 32-byte hash like {@link #sign} (RFC 6979, low-S) and also returns the recovery id.
     *
     * @throws SigningException when the hash is not 32 bytes or the key is not a valid secret key
     */
    public static RecoverableSignature signRecoverable(byte[] hash32, byte[] privateKey32) {
        checkSigningInput(hash32, privateKey32);
        return EcBackends.get().ecdsaSignRecoverable(hash32, privateKey32);
    }

    private static void checkSigningInput(byte[] hash32, byte[] privateKey32) {
        if (hash32 == null || hash32.length != 32) {
            throw new SigningException("ECDSA signs a 32-byte hash");
        }
        Secp256k1.secretScalar(privateKey32);
    }

    /**
     * Recovers the public key that made a signature over a 32-byte hash (SEC 1 §4.1.6), as Bitcoin's signed messages
     * and Ethereum need: R is the point with x = r (+ n when bit 1 of the recovery id is set) and the y parity of bit
     * 0, and the key is r⁻¹(sR − eG). Returns null when the scalars are out of range, no such R exists or the result
     * is the point at infinity. Never throws for bad input.
     */
    public static ECPoint recoverPublicKey(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
        if (hash32 == null || hash32.length != 32 || r == null || s == null || recoveryId < 0 || recoveryId > 3
                || r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return null;
        }
        BigInteger x = (recoveryId & 2) != 0 ? r.add(N) : r;
        if (x.compareTo(Secp256k1.P) >= 0) {
            return null;
        }
        byte[] encoded = new byte[33];
        encoded[0] = (byte) ((recoveryId & 1) != 0 ? 0x03 : 0x02);
        System.arraycopy(Secp256k1.toBytes32(x), 0, encoded, 1, 32);
        ECPoint bigR;
        try {
            bigR = Secp256k1.CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger rInverse = BigIntegers.modOddInverse(N, r);
        BigInteger e = new BigInteger(1, hash32);
        BigInteger u1 = N.subtract(e.mod(N)).multiply(rInverse).mod(N);
        BigInteger u2 = s.multiply(rInverse).mod(N);
        ECPoint key = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, u1, bigR, u2).normalize();
        return key.isInfinity() ? null : key;
    }

    /**
     * Verifies a DER signature (without sighash byte) over a 32-byte hash with a 33- or 65-byte public key.
     * High-S signatures are accepted (consensus accepts them); malformed DER, out-of-range scalars or an invalid
     * public key make the answer false. Never throws.
     */
    public static boolean verify(byte[] hash32, byte[] der, byte[] publicKey) {
        Signature signature = decodeDerOrNull(der);
        if (signature == null || hash32 == null || hash32.length != 32) {
            return false;
        }
        return EcBackends.get().ecdsaVerify(hash32, signature, publicKey);
    }

    /** Verifies the scalars of a signature with a decoded public key. */
    public static boolean verify(byte[] hash32, Signature signature, ECPoint publicKey) {
        return JavaEcBackend.ecdsaVerify(hash32, signature, publicKey);
    }

    /**
     * Decodes a strict DER signature (BIP 66 rules, no sighash byte).
     *
     * @throws SigningException naming the rule the bytes break
     */
    public static Signature decodeDer(byte[] der) {
        String problem = derProblem(der);
        if (problem != null) {
            throw new SigningException("invalid DER signature: " + problem);
        }
        int lenR = der[3];
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(der, 4, 4 + lenR));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(der, 6 + lenR, der.length));
        return new Signature(r, s);
    }

    private static Signature decodeDerOrNull(byte[] der) {
        return derProblem(der) == null ? decodeDer(der) : null;
    }

    private static String derProblem(byte[] sig) {
        if (sig == null) {
            return "no bytes";
        }
        int len = sig.length;
        if (len < 8 || len > 72) {
            return "length " + len + " outside 8..72";
        }
        if (sig[0] != 0x30) {
            return "not a sequence";
        }
        if ((sig[1] & 0xff) != len - 2) {
            return "sequence length does not match";
        }
        if (sig[2] != 0x02) {
            return "r is not an integer";
        }
        int lenR = sig[3] & 0xff;
        if (lenR == 0) {
            return "r is empty";
        }
        if (5 + lenR >= len) {
            return "r overruns the signature";
        }
        int lenS = sig[5 + lenR] & 0xff;
        if (lenR + lenS + 6 != len) {
            return "lengths do not add up";
        }
        if (sig[4 + lenR] != 0x02) {
            return "s is not an integer";
        }
        if ((sig[4] & 0x80) != 0) {
            return "r is negative";
        }
        if (lenR > 1 && sig[4] == 0 && (sig[5] & 0x80) == 0) {
            return "r has a superfluous leading zero";
        }
        if (lenS == 0) {
            return "s is empty";
        }
        if ((sig[6 + lenR] & 0x80) != 0) {
            return "s is negative";
        }
        if (lenS > 1 && sig[6 + lenR] == 0 && (sig[7 + lenR] & 0x80) == 0) {
            return "s has a superfluous leading zero";
        }
        return null;
    }
}
