package dev.bitgojava.signing.multiuser;

/**
 * A key given to the ECDH computation is unusable: a private key outside 1..n-1 or not 32 bytes, or a public key that
 * is not a 33-byte compressed secp256k1 point (BitGo refuses 65-byte uncompressed keys too).
 */
public class InvalidEcdhKeyException extends MultiUserException {

    /** An error with its message. */
    public InvalidEcdhKeyException(String message) {
        super(message);
    }

    /** An error with its message and the lower-level cause. */
    public InvalidEcdhKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
