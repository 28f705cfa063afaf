package dev.bitgojava.sdk.errors;

/**
 * A 5xx status: BitGo (or a gateway) failed. For a POST, {@link #mayHaveBeenProcessed()} is true (except for
 * 503): the server may have carried the request out before failing, so it is not retried automatically.
 */
public class BitGoServerException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoServerException(ApiErrorDetails details) {
        super(details);
    }
}
