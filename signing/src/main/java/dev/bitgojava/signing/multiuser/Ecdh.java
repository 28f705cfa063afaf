package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.internal.EcBackends;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The secp256k1 Diffie-Hellman products BitGo uses. Wallet sharing takes the 32-byte x coordinate of
 * {@code private × public} ({@link #sharedSecret}, sdk-core's {@code getSharedSecret}); token issuance takes the whole
 * 33-byte compressed point ({@link #sharedPoint}). Either is then used as the <em>text</em> password of an envelope,
 * in lowercase hex ({@link #hex}). Public keys must be 33-byte compressed points, as in BitGoJS.
 */
public final class Ecdh {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ecdh() {
    }

    /**
     * The x coordinate of {@code privateKey × publicKey}: exactly 32 bytes, big-endian, leading zero bytes kept.
     *
     * @throws InvalidEcdhKeyException when either key is unusable
     */
    public static byte[] sharedSecret(byte[] privateKey, byte[] publicKey) {
        return product(privateKey, publicKey).getAffineXCoord().getEncoded();
    }

    /**
     * The 33-byte compressed encoding of {@code privateKey × publicKey} (prefix {@code 02}/{@code 03}, then x).
     *
     * @throws InvalidEcdhKeyException when either key is unusable
     */
    public static byte[] sharedPoint(byte[] privateKey, byte[] publicKey) {
        return product(privateKey, publicKey).getEncoded(true);
    }

    /** The 33-byte compressed public key of a 32-byte private key. */
    public static byte[] publicKey(byte[] privateKey) {
        scalar(privateKey);
        return EcBackends.get().publicKey(privateKey);
    }

    /** Lowercase hex of {@code bytes} as characters, so that a secret used as a password can be wiped. */
    public static char[] hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[bytes[i] >> 4 & 15];
            out[2 * i + 1] = HEX[bytes[i] & 15];
        }
        return out;
    }

    private static ECPoint product(byte[] privateKey, byte[] publicKey) {
        BigInteger k = scalar(privateKey);
        if (publicKey == null || publicKey.length != 33 || (publicKey[0] != 2 && publicKey[0] != 3)) {
            throw new InvalidEcdhKeyException("the public key must be a 33-byte compressed secp256k1 point (02/03 "
                    + "prefix); got " + (publicKey == null ? "null" : publicKey.length + " bytes"));
        }
        ECPoint point;
        try {
            point = Secp256k1.decodePoint(publicKey);
        } catch (SigningException e) {
            throw new InvalidEcdhKeyException("the public key is not a point of secp256k1", e);
        }
        return point.multiply(k).normalize();
    }

    static BigInteger scalar(byte[] privateKey) {
        if (privateKey == null || privateKey.length != 32) {
            throw new InvalidEcdhKeyException("the private key must be 32 bytes; got "
                    + (privateKey == null ? "null" : privateKey.length + " bytes"));
        }
        BigInteger k = new BigInteger(1, privateKey);
        if (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0) {
            throw new InvalidEcdhKeyException("the private key is not in 1..n-1 of secp256k1");
        }
        return k;
    }

    /** Overwrites a secret with zeros; null is ignored. */
    static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Overwrites a secret with zeros; null is ignored. */
    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
