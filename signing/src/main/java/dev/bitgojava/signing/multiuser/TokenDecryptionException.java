package dev.bitgojava.signing.multiuser;

/**
 * The ECDH secret derived from the user's key and the server's key does not open {@code encryptedToken}: the wrong
 * server xpub for the environment, or a token not meant for this key. BitGoJS's {@code errorCode} is
 * {@code token_decryption_failure}.
 */
public class TokenDecryptionException extends MultiUserException {

    /** BitGo's error code for this condition. */
    public static final String ERROR_CODE = "token_decryption_failure";

    /** An error with its message and the lower-level cause. */
    public TokenDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return ERROR_CODE;
    }
}
