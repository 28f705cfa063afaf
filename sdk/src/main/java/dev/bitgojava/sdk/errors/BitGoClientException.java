package dev.bitgojava.sdk.errors;

/**
 * A failure on the client side of a call: connection problems, response verification, decoding, configuration,
 * or a signing error raised by the {@code bitgo-signing} module (kept as the cause).
 */
public class BitGoClientException extends BitGoException {

    /** A client-side error with a message. */
    public BitGoClientException(String message) {
        super(message);
    }

    /** A client-side error with a message and cause. */
    public BitGoClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A client-side error that may have been processed by the server. */
    protected BitGoClientException(String message, Throwable cause, boolean mayHaveBeenProcessed) {
        super(message, cause, mayHaveBeenProcessed);
    }
}
