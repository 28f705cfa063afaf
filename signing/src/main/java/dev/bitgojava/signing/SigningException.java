package dev.bitgojava.signing;

/**
 * The root of every error the signing module reports: bad input, failed authentication, unsupported parameters.
 * The SDK's own exception tree wraps it, so callers can catch one type for all client-side cryptography.
 */
public class SigningException extends RuntimeException {

    /** An error with a message that says what went wrong. */
    public SigningException(String message) {
        super(message);
    }

    /** An error with a message and the lower-level cause. */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
