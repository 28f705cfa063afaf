package dev.bitgojava.sdk.internal;

import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Joins concurrent sends of the same intent: while a send with a given key (server, coin, wallet, sequence id) runs
 * in this JVM, a second call with the same key waits for and returns the first one's outcome instead of building
 * and signing again.
 */
public final class InFlightSends {

    private static final ConcurrentMap<String, CompletableFuture<Object>> RUNNING = new ConcurrentHashMap<>();

    private InFlightSends() {
    }

    /** Runs {@code send} unless a send with this key is running, in which case its outcome is shared. */
    @SuppressWarnings("unchecked")
    public static <T> T run(String key, Supplier<T> send) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = RUNNING.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof BitGoException b) {
                    throw b;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new BitGoClientException("the concurrent send with the same sequence id failed", cause);
            }
        }
        try {
            T result = send.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            RUNNING.remove(key, mine);
        }
    }
}
