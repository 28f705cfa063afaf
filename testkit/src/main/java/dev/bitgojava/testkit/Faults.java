package dev.bitgojava.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection for a {@link BitGoTestServer}: set up through {@link BitGoTestServer.Builder#faults} or at
 * runtime through {@link BitGoTestServer#faults()}. Each "next N" fault applies to the next N requests the server
 * receives, in arrival order, then stops; faults of different kinds combine. Thread-safe.
 *
 * <p>Faults that replace the answer are tried in this order, and at most one applies: connection reset before
 * processing, 429, 5xx, then the per-token budget (after authentication). Faults that alter the answer (delay,
 * truncation, tampered HMAC, connection reset after processing) apply to whatever answer results.
 */
public final class Faults {

    private final Countdown resetBefore = new Countdown();
    private final Countdown resetAfter = new Countdown();
    private final Countdown rateLimit = new Countdown();
    private final Countdown serverError = new Countdown();
    private final Countdown delay = new Countdown();
    private final Countdown truncate = new Countdown();
    private final Countdown tamperHmac = new Countdown();
    private final Map<String, long[]> budgetWindows = new ConcurrentHashMap<>();
    private volatile int budgetRequests;
    private volatile long budgetWindowMillis;
    private final Deque<MaliciousBuild> maliciousBuilds = new ArrayDeque<>();

    Faults() {
    }

    /** Answers the next {@code requests} requests with 429 and no {@code Retry-After} header. */
    public Faults rateLimitNext(int requests) {
        rateLimit.set(requests, null);
        return this;
    }

    /** Answers the next {@code requests} requests with 429 and {@code Retry-After} in whole seconds. */
    public Faults rateLimitNext(int requests, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        rateLimit.set(requests, retryAfter);
        return this;
    }

    /**
     * Gives every access token a budget of {@code requests} per {@code window} (BitGo's default is 360 per 60 s);
     * a request over budget gets 429 with {@code Retry-After} until the window ends.
     */
    public Faults tokenBudget(int requests, Duration window) {
        if (requests < 1 || window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a token budget needs a positive request count and window");
        }
        budgetWindows.clear();
        budgetWindowMillis = window.toMillis();
        budgetRequests = requests;
        return this;
    }

    /** BitGo's published per-user budget: 360 authenticated requests per 60 seconds. */
    public Faults bitgoTokenBudget() {
        return tokenBudget(360, Duration.ofSeconds(60));
    }

    /** Answers the next {@code requests} requests with 500. */
    public Faults serverErrorNext(int requests) {
        return serverErrorNext(requests, 500);
    }

    /** Answers the next {@code requests} requests with the given 5xx status. */
    public Faults serverErrorNext(int requests, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a 5xx status: " + status);
        }
        serverError.set(requests, status);
        return this;
    }

    /** Delays the response headers of the next {@code requests} requests. */
    public Faults delayNext(int requests, Duration by) {
        Objects.requireNonNull(by, "by");
        delay.set(requests, by);
        return this;
    }

    /** Closes the connection of the next {@code requests} requests without processing them (nothing changes). */
    public Faults resetBeforeProcessingNext(int requests) {
        resetBefore.set(requests, null);
        return this;
    }

    /**
     * Processes the next {@code requests} requests (their effects happen) but closes the connection instead of
     * answering.
     */
    public Faults resetAfterProcessingNext(int requests) {
        resetAfter.set(requests, null);
        return this;
    }

    /** Sends only half of the response body of the next {@code requests} requests, then closes the connection. */
    public Faults truncateBodyNext(int requests) {
        truncate.set(requests, null);
        return this;
    }

    /** Corrupts the response HMAC of the next {@code requests} signed responses. */
    public Faults tamperHmacNext(int requests) {
        tamperHmac.set(requests, null);
        return this;
    }

    /**
     * Tampers with the next {@code tx/build} answer of a wallet the kind applies to (UTXO or Ethereum; see
     * {@link MaliciousBuild}). Calls queue up: each one tampers with one build.
     */
    public Faults maliciousBuildNext(MaliciousBuild kind) {
        Objects.requireNonNull(kind, "kind");
        synchronized (maliciousBuilds) {
            maliciousBuilds.addLast(kind);
        }
        return this;
    }

    /** Removes every fault, including the token budget. */
    public Faults clear() {
        for (Countdown c : new Countdown[] {resetBefore, resetAfter, rateLimit, serverError, delay, truncate,
                tamperHmac}) {
            c.set(0, null);
        }
        budgetRequests = 0;
        budgetWindows.clear();
        synchronized (maliciousBuilds) {
            maliciousBuilds.clear();
        }
        return this;
    }

    // ------------------------------------------------------------------ used by the server

    boolean takeResetBefore() {
        return resetBefore.take() != null;
    }

    boolean takeResetAfter() {
        return resetAfter.take() != null;
    }

    /** Null when no 429 is due; else Duration.ZERO for "no Retry-After" or the Retry-After value. */
    Duration takeRateLimit() {
        Object value = rateLimit.take();
        if (value == null) {
            return null;
        }
        return value == Countdown.NO_VALUE ? Duration.ZERO : (Duration) value;
    }

    Integer takeServerError() {
        Object value = serverError.take();
        return value == null ? null : (Integer) value;
    }

    Duration takeDelay() {
        Object value = delay.take();
        return value == null ? null : (Duration) value;
    }

    boolean takeTruncate() {
        return truncate.take() != null;
    }

    boolean takeTamperHmac() {
        return tamperHmac.take() != null;
    }

    /** The first queued malicious build that applies to the wallet kind (removing it), or null. */
    MaliciousBuild takeMaliciousBuild(boolean utxo) {
        synchronized (maliciousBuilds) {
            for (var it = maliciousBuilds.iterator(); it.hasNext(); ) {
                MaliciousBuild kind = it.next();
                if (utxo ? kind.appliesToUtxo() : kind.appliesToEth()) {
                    it.remove();
                    return kind;
                }
            }
            return null;
        }
    }

    /** Counts one request of a token; returns null when within budget, else the time until the window ends. */
    Duration chargeBudget(String tokenId, Clock clock) {
        int limit = budgetRequests;
        if (limit == 0) {
            return null;
        }
        long window = budgetWindowMillis;
        long now = clock.millis();
        long[] state = budgetWindows.computeIfAbsent(tokenId, k -> new long[] {now, 0});
        synchronized (state) {
            if (now >= state[0] + window) {
                state[0] = now;
                state[1] = 0;
            }
            if (state[1] >= limit) {
                return Duration.ofMillis(state[0] + window - now);
            }
            state[1]++;
            return null;
        }
    }

    /** A "next N" counter with one parameter value. */
    private static final class Countdown {
        static final Object NO_VALUE = new Object();
        private int remaining;
        private Object value;

        synchronized void set(int requests, Object parameter) {
            if (requests < 0) {
                throw new IllegalArgumentException("request count must not be negative: " + requests);
            }
            remaining = requests;
            value = parameter == null ? NO_VALUE : parameter;
        }

        /** The parameter if a fault is due (counting it), else null. */
        synchronized Object take() {
            if (remaining == 0) {
                return null;
            }
            remaining--;
            return value;
        }
    }
}
