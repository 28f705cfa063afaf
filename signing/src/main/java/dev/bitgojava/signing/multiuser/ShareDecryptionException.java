package dev.bitgojava.signing.multiuser;

/**
 * The shared key of a wallet share does not open under the ECDH secret of our sharing key and the share's
 * {@code fromPubKey}: the share was altered or is addressed to another sharing key. (BitGoJS reports this as
 * {@code incorrect password}, like a wrong login password; this library keeps the two apart.)
 */
public class ShareDecryptionException extends MultiUserException {

    /** An error with its message. */
    public ShareDecryptionException(String message) {
        super(message);
    }

    /** An error with its message and the lower-level cause. */
    public ShareDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
