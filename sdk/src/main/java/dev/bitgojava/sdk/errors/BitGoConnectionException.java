package dev.bitgojava.sdk.errors;

/**
 * The request could not be completed on the network: connection refused, DNS failure, TLS failure, timeout or a
 * reset. {@link #mayHaveBeenProcessed()} tells whether a non-idempotent request could have reached the server.
 */
public class BitGoConnectionException extends BitGoClientException {

    private final String method;
    private final boolean timeout;

    /** A network failure of a request with the given HTTP method. */
    public BitGoConnectionException(String message, Throwable cause, String method, boolean timeout,
                                    boolean mayHaveBeenProcessed) {
        super(message, cause, mayHaveBeenProcessed);
        this.method = method;
        this.timeout = timeout;
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** Whether the failure was a timeout (connect or read). */
    public boolean isTimeout() {
        return timeout;
    }
}
