package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed calls are retried (immutable).
 *
 * <p>429 and 503 are retried for every method, waiting the server's {@code Retry-After} (seconds or HTTP date,
 * capped at {@link #retryAfterCap()}) or else an exponential backoff with full jitter: a random wait in
 * {@code [0, min(maxBackoff, initialBackoff * 2^(retry-1))]}. GET, HEAD, PUT, DELETE and OPTIONS are also retried on
 * connection failures and 502/504. POST and PATCH are retried only on 429/503 and on connection failures that
 * happened before anything was sent.
 *
 * @param maxAttempts     total attempts including the first (1 disables retries)
 * @param initialBackoff  the backoff ceiling of the first retry
 * @param maxBackoff      the largest backoff ceiling
 * @param retryAfterCap   the longest {@code Retry-After} honoured
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration retryAfterCap) {

    /** 5 attempts, backoff from 500 ms up to 30 s, {@code Retry-After} capped at 60 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    /** Validates the policy. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new BitGoConfigurationException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || retryAfterCap.isNegative()) {
            throw new BitGoConfigurationException("retry durations must not be negative");
        }
    }

    /** The same policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, retryAfterCap);
    }
}
