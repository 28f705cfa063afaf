package dev.bitgojava.sdk.internal;

import dev.bitgojava.sdk.BitGoEventListener;
import dev.bitgojava.sdk.RetryPolicy;
import dev.bitgojava.sdk.Sleeper;
import dev.bitgojava.sdk.errors.BitGoApiException;
import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoConnectionException;
import dev.bitgojava.sdk.errors.BitGoException;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry layer: runs a call under a Resilience4j {@link Retry} built from the {@link RetryPolicy}, waits
 * through the injected {@link Sleeper}, applies the optional client-side {@link RateLimiter} to every attempt,
 * and records attempts and total wait on the final exception and in the {@link BitGoEventListener}.
 */
public final class CallExecutor {

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Attempt {
        /** Performs the attempt. */
        Object run() throws Throwable;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final BitGoEventListener listener;
    private final RateLimiter rateLimiter;

    /** An executor; {@code rateLimiter} may be null. */
    public CallExecutor(RetryPolicy policy, Sleeper sleeper, BitGoEventListener listener, RateLimiter rateLimiter) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.listener = listener;
        this.rateLimiter = rateLimiter;
    }

    /** Whether a failed attempt of a call with this HTTP method may be retried. */
    public static boolean isRetryable(BitGoException e, String httpMethod) {
        boolean idempotent = HttpMethods.isIdempotent(httpMethod);
        if (e instanceof BitGoApiException api) {
            int s = api.status();
            return s == 429 || s == 503 || (idempotent && (s == 502 || s == 504));
        }
        if (e instanceof BitGoConnectionException) {
            return idempotent || !e.mayHaveBeenProcessed();
        }
        return false;
    }

    /** The wait before retry number {@code failedAttempt} (1-based): {@code Retry-After}, else full jitter. */
    public Duration waitBefore(int failedAttempt, BitGoException cause) {
        if (cause instanceof BitGoApiException api && api.retryAfter().isPresent()) {
            Duration d = api.retryAfter().get();
            return d.compareTo(policy.retryAfterCap()) > 0 ? policy.retryAfterCap() : d;
        }
        long initial = policy.initialBackoff().toMillis();
        long max = policy.maxBackoff().toMillis();
        int shift = Math.min(failedAttempt - 1, 30);
        long ceiling = initial > (max >> shift) ? max : Math.min(max, initial << shift);
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private static final class CallState {
        int attempts;
        Duration totalWait = Duration.ZERO;
    }

    /**
     * Runs a call with retries; every failure leaves as a {@link BitGoException}. The first attempt runs directly;
     * the Resilience4j {@link Retry} is built only when it fails with a retryable error, so a call that succeeds
     * at once (nearly all of them) pays nothing for the retry machinery.
     */
    public Object execute(String operation, String httpMethod, Attempt attempt) {
        CallState state = new CallState();
        BitGoException firstFailure;
        try {
            Object result = attemptOnce(operation, httpMethod, attempt, state);
            listener.onCallEnd(operation, state.attempts, state.totalWait, null);
            return result;
        } catch (BitGoException e) {
            if (policy.maxAttempts() <= 1 || !isRetryable(e, httpMethod)) {
                e.recordAttempts(state.attempts, state.totalWait);
                listener.onCallEnd(operation, state.attempts, state.totalWait, e);
                throw e;
            }
            firstFailure = e;
        }
        return retry(operation, httpMethod, attempt, state, firstFailure);
    }

    private Object attemptOnce(String operation, String httpMethod, Attempt attempt, CallState state) {
        state.attempts++;
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            throw new BitGoClientException("client-side rate limit: no permit for " + operation);
        }
        try {
            return attempt.run();
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            throw Exceptions.map(t, httpMethod);
        }
    }

    /** The retry layer proper, entered after a first attempt that failed with {@code firstFailure}. */
    private Object retry(String operation, String httpMethod, Attempt attempt, CallState state,
                         BitGoException firstFailure) {
        BitGoException[] pending = {firstFailure};
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(t -> t instanceof BitGoException b && isRetryable(b, httpMethod))
                .intervalBiFunction((Integer n, Either<Throwable, Object> outcome) -> {
                    BitGoException cause = (BitGoException) outcome.getLeft();
                    Duration wait = waitBefore(n, cause);
                    listener.onRetry(operation, httpMethod, n, wait, cause);
                    try {
                        sleeper.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        BitGoClientException stop = new BitGoClientException(
                                "interrupted while waiting to retry " + operation, e);
                        stop.addSuppressed(cause);
                        stop.recordAttempts(state.attempts, state.totalWait);
                        throw stop;
                    }
                    state.totalWait = state.totalWait.plus(wait);
                    // The wait has been done by the sleeper; Resilience4j itself waits no longer.
                    return 0L;
                })
                .build();
        Retry retry = Retry.of(operation, config);
        try {
            Object result = retry.executeSupplier(() -> {
                BitGoException failed = pending[0];
                if (failed != null) {
                    // The attempt that already ran and failed: hand its failure to Resilience4j as attempt 1.
                    pending[0] = null;
                    throw failed;
                }
                return attemptOnce(operation, httpMethod, attempt, state);
            });
            listener.onCallEnd(operation, state.attempts, state.totalWait, null);
            return result;
        } catch (BitGoException e) {
            e.recordAttempts(state.attempts, state.totalWait);
            listener.onCallEnd(operation, state.attempts, state.totalWait, e);
            throw e;
        }
    }
}
