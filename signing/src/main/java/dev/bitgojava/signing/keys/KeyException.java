package dev.bitgojava.signing.keys;

import dev.bitgojava.signing.SigningException;

/** Base type of the errors of key parsing, generation and derivation. */
public class KeyException extends SigningException {

    /** An error with its message. */
    public KeyException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public KeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
