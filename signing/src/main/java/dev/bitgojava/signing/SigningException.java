package dev.bitgojava.signing;

/**
 * The unchecked root of every error the signing module raises: bad input, a failed check, an unusable key.
 */
public class SigningException extends RuntimeException {

    /** An error with a message that says what was wrong. */
    public SigningException(String message) {
        super(message);
    }

    /** An error with a message and the underlying cause. */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
