package dev.bitgojava.signing.multiuser;

/**
 * The key a wallet share decrypts to is not the private key of the share's {@code pub}: the share would give us a
 * key other than the wallet key it claims. Nothing is re-encrypted.
 */
public class SharedKeyMismatchException extends MultiUserException {

    /** An error with its message. */
    public SharedKeyMismatchException(String message) {
        super(message);
    }

    /** An error with its message and the lower-level cause. */
    public SharedKeyMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
