package dev.bitgojava.sdk.errors;

/**
 * 429 Too Many Requests: BitGo's rate limit was hit and retries (if any) did not get through. See
 * {@link #retryAfter()} for the server's requested wait.
 */
public class BitGoRateLimitException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoRateLimitException(ApiErrorDetails details) {
        super(details);
    }
}
