package dev.bitgojava.spectools;

/** Raised when an OpenAPI file cannot be read, normalised or written. */
public class SpecToolException extends RuntimeException {

    /** Creates the exception with a message that names the file or node at fault. */
    public SpecToolException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public SpecToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
