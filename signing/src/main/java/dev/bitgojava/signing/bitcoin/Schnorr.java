package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.internal.EcBackends;
import dev.bitgojava.signing.bitcoin.internal.JavaEcBackend;

import java.util.Arrays;

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
        Secp256k1.secretScalar(secretKey32);
        // Transaction signatures sign 32-byte sighashes; other lengths (rare) take the Java path.
        return msg.length == 32 ? EcBackends.get().schnorrSign32(msg, secretKey32, auxRand32)
                : JavaEcBackend.schnorrSign(msg, secretKey32, auxRand32);
    }

    /**
     * Verifies a BIP 340 signature. Answers false for every invalid input (wrong lengths, a key that is not on
     * the curve, r or s out of range) and never throws.
     */
    public static boolean verify(byte[] msg, byte[] xOnlyPubKey32, byte[] sig64) {
        if (msg == null || xOnlyPubKey32 == null || sig64 == null || xOnlyPubKey32.length != 32 || sig64.length != 64) {
            return false;
        }
        return msg.length == 32 ? EcBackends.get().schnorrVerify32(msg, xOnlyPubKey32, sig64)
                : JavaEcBackend.schnorrVerify(msg, xOnlyPubKey32, sig64);
    }

    /** The 32-byte x-only public key of a secret key. */
    public static byte[] xOnlyPublicKey(byte[] secretKey32) {
        return Arrays.copyOfRange(Secp256k1.publicKey(secretKey32), 1, 33);
    }
}
