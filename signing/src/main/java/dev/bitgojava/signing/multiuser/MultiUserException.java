package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.SigningException;

/**
 * Base type of every error of the multi-user cryptography: login, token issuance, ECDH and wallet sharing. Where
 * BitGo names the condition with an {@code errorCode}, {@link #errorCode()} returns it.
 */
public class MultiUserException extends SigningException {

    /** An error with its message. */
    public MultiUserException(String message) {
        super(message);
    }

    /** An error with its message and the lower-level cause. */
    public MultiUserException(String message, Throwable cause) {
        super(message, cause);
    }

    /** BitGo's {@code errorCode} for this condition, or null when BitGo defines none. */
    public String errorCode() {
        return null;
    }
}
