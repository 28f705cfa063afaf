package dev.bitgojava.sdk.errors;

import java.time.Duration;

/**
 * The unchecked root of every error {@code BitGoClient} throws: API errors ({@link BitGoApiException}) and
 * client-side failures ({@link BitGoClientException}).
 *
 * <p>Every exception that leaves a call records how many attempts the call made and how long it waited between
 * them, and whether a non-idempotent request may already have been carried out by the server.
 */
public class BitGoException extends RuntimeException {

    private volatile int attempts = 1;
    private volatile Duration totalRetryWait = Duration.ZERO;
    private final boolean mayHaveBeenProcessed;

    /** An error with a message. */
    public BitGoException(String message) {
        this(message, null, false);
    }

    /** An error with a message and cause. */
    public BitGoException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** An error with a message, cause, and whether the server may have carried the request out. */
    protected BitGoException(String message, Throwable cause, boolean mayHaveBeenProcessed) {
        super(message, cause);
        this.mayHaveBeenProcessed = mayHaveBeenProcessed;
    }

    /** How many times the call was attempted (1 when it was not retried). */
    public int attempts() {
        return attempts;
    }

    /** The total time spent waiting between attempts. */
    public Duration totalRetryWait() {
        return totalRetryWait;
    }

    /**
     * True when the request was not idempotent (e.g. a POST) and may have reached the server before failing
     * (read timeout, connection reset after sending, 5xx). Such a call is never retried automatically: look the
     * result up (for sends: by {@code sequenceId}) before trying again.
     */
    public boolean mayHaveBeenProcessed() {
        return mayHaveBeenProcessed;
    }

    /** Records the retry history of the call that ended in this exception (used by the retry layer). */
    public void recordAttempts(int attempts, Duration totalRetryWait) {
        this.attempts = attempts;
        this.totalRetryWait = totalRetryWait;
    }
}
