package dev.bitgojava.signing;

/** Base of every error raised by the signing module: bad keys, malformed data, refused operations. */
public class SigningException extends RuntimeException {

    /** An error with a message that says what is wrong. */
    public SigningException(String message) {
        super(message);
    }

    /** An error with a message and the underlying cause. */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
