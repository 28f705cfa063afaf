package dev.bitgojava.signing.encryption.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps at most one wiped Argon2 working memory for the next hash, so that a burst of envelope operations (unlocking
 * several keychains, a benchmark) does not allocate and zero 64 MiB each time; the array is dropped one second after
 * it was handed back unless another hash has taken it by then. Nothing is kept longer, and a hash that finds no
 * array of its size allocates its own. Thread-safe.
 */
final class Argon2Memory {

    /** How long a returned array is kept for the next hash. */
    static final long KEEP_MILLIS = 1000;

    private static final AtomicReference<Spare> SPARE = new AtomicReference<>();
    private static final Executor RELEASE = CompletableFuture.delayedExecutor(KEEP_MILLIS, TimeUnit.MILLISECONDS,
            Runnable::run);

    /** A returned array; a new holder per return, so that a late release cannot drop a newer return. */
    private record Spare(long[] words) {
    }

    private Argon2Memory() {
    }

    /** An array of {@code words} longs: the kept one when it has that size (its content is all zero), else new. */
    static long[] take(int words) {
        Spare spare = SPARE.getAndSet(null);
        if (spare != null && spare.words.length == words) {
            return spare.words;
        }
        return new long[words];
    }

    /** Hands back an array that the caller has wiped to zero and no longer uses. */
    static void giveBack(long[] wiped) {
        Spare spare = new Spare(wiped);
        SPARE.set(spare);
        RELEASE.execute(() -> SPARE.compareAndSet(spare, null));
    }

    /** Whether an array is being kept right now (for tests). */
    static boolean holdsSpare() {
        return SPARE.get() != null;
    }
}
