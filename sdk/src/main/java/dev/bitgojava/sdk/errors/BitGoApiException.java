package dev.bitgojava.sdk.errors;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;

/**
 * BitGo answered with an error status. Carries the status and BitGo's error fields ({@code name}, {@code error},
 * {@code requestId}, {@code context}, {@code needsOTP}, {@code needsUnlock}); a body that is not JSON (or is cut
 * short) is kept as raw text. Subclasses exist per status; see {@link #of}.
 */
public class BitGoApiException extends BitGoException {

    private final int status;
    private final String name;
    private final String error;
    private final String requestId;
    private final JsonNode context;
    private final boolean needsOtp;
    private final boolean needsUnlock;
    private final String rawBody;
    private final Duration retryAfter;

    /** An API error from its parts; prefer {@link #of}, which picks the subclass for the status. */
    public BitGoApiException(ApiErrorDetails d) {
        super(message(d), null, d.mayHaveBeenProcessed());
        this.status = d.status();
        this.name = d.name();
        this.error = d.error();
        this.requestId = d.requestId();
        this.context = d.context();
        this.needsOtp = d.needsOtp();
        this.needsUnlock = d.needsUnlock();
        this.rawBody = d.rawBody();
        this.retryAfter = d.retryAfter();
    }

    /**
     * The exception type for a status: 400, 401, 403, 404, 409, 423, 429 and 5xx have their own; a 401 or 403 that
     * asks for an unlock or an OTP is a {@link BitGoNeedsUnlockException} or {@link BitGoNeedsOtpException}.
     */
    public static BitGoApiException of(ApiErrorDetails d) {
        int s = d.status();
        if (s == 401 || s == 403) {
            if (d.needsUnlock()) {
                return new BitGoNeedsUnlockException(d);
            }
            if (d.needsOtp()) {
                return new BitGoNeedsOtpException(d);
            }
        }
        switch (s) {
            case 400: return new BitGoBadRequestException(d);
            case 401: return new BitGoAuthenticationException(d);
            case 403: return new BitGoPermissionException(d);
            case 404: return new BitGoNotFoundException(d);
            case 409: return new BitGoConflictException(d);
            case 423: return new BitGoLockedException(d);
            case 429: return new BitGoRateLimitException(d);
            default:
                return s >= 500 && s < 600 ? new BitGoServerException(d) : new BitGoApiException(d);
        }
    }

    private static String message(ApiErrorDetails d) {
        StringBuilder b = new StringBuilder();
        b.append(d.error() != null ? d.error() : "HTTP " + d.status());
        b.append(" (status ").append(d.status());
        if (d.name() != null) {
            b.append(", name ").append(d.name());
        }
        if (d.requestId() != null) {
            b.append(", requestId ").append(d.requestId());
        }
        return b.append(')').toString();
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** BitGo's error name (e.g. {@code InsufficientFunds}), if any. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** BitGo's human-readable error text, if any. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The request id to quote to BitGo support, if any. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** BitGo's {@code context} object, if any. */
    public Optional<JsonNode> context() {
        return Optional.ofNullable(context);
    }

    /** Whether BitGo asks for a second factor (OTP) first. */
    public boolean needsOtp() {
        return needsOtp;
    }

    /** Whether BitGo asks for the session to be unlocked first. */
    public boolean needsUnlock() {
        return needsUnlock;
    }

    /** The response body as received (possibly not JSON, possibly truncated), or an empty string. */
    public String rawBody() {
        return rawBody;
    }

    /** The server's {@code Retry-After}, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
