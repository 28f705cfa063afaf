package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoException;

import java.time.Duration;

/**
 * Observes calls made through {@link BitGoClient}: retries and call completion (for logs and metrics). Methods
 * are called on the calling thread and must not throw.
 */
public interface BitGoEventListener {

    /** A listener that ignores everything. */
    BitGoEventListener NONE = new BitGoEventListener() { };

    /**
     * A call failed and will be retried after {@code wait}.
     *
     * @param operation   the API method, e.g. {@code WalletApi#listWallets}
     * @param httpMethod  the HTTP method
     * @param attempt     the attempt that failed (1 for the first)
     * @param wait        the wait before the next attempt
     * @param cause       why the attempt failed
     */
    default void onRetry(String operation, String httpMethod, int attempt, Duration wait, BitGoException cause) {
    }

    /**
     * A call finished.
     *
     * @param operation      the API method
     * @param attempts       how many attempts it took
     * @param totalRetryWait the total wait between attempts
     * @param failure        the final error, or null on success
     */
    default void onCallEnd(String operation, int attempts, Duration totalRetryWait, BitGoException failure) {
    }
}
