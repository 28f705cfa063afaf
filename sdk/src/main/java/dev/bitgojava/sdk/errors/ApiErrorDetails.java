package dev.bitgojava.sdk.errors;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * The parts of an API error, as read from an error response.
 *
 * @param status               HTTP status
 * @param name                 BitGo's error name, or null
 * @param error                BitGo's error text, or null
 * @param requestId            the request id, or null
 * @param context              BitGo's context object, or null
 * @param needsOtp             BitGo's {@code needsOTP} flag
 * @param needsUnlock          BitGo's {@code needsUnlock} flag
 * @param rawBody              the body text as received (never null)
 * @param retryAfter           the parsed {@code Retry-After}, or null
 * @param mayHaveBeenProcessed whether a non-idempotent request may have been carried out
 */
public record ApiErrorDetails(int status, String name, String error, String requestId, JsonNode context,
                              boolean needsOtp, boolean needsUnlock, String rawBody, Duration retryAfter,
                              boolean mayHaveBeenProcessed) {

    /** Details with only a status and raw body. */
    public static ApiErrorDetails ofStatus(int status, String rawBody) {
        return new ApiErrorDetails(status, null, null, null, null, false, false, rawBody == null ? "" : rawBody,
                null, false);
    }
}
