package dev.bitgojava.sdk.internal;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * An OkHttp network interceptor that stops OkHttp from silently resending a request after a 503 with
 * {@code Retry-After: 0} (OkHttp does so even for POST, with the old signature). The header is moved to
 * {@link #MOVED_RETRY_AFTER}, which the error decoder reads, so the one retry layer still sees it.
 */
public final class NoHiddenRetries implements Interceptor {

    /** Where a {@code Retry-After} that would trigger OkHttp's own retry is moved to. */
    public static final String MOVED_RETRY_AFTER = "X-BitGo-Java-Retry-After";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if ((response.code() == 503 || response.code() == 408) && retryAfter != null) {
            return response.newBuilder().removeHeader("Retry-After").header(MOVED_RETRY_AFTER, retryAfter).build();
        }
        return response;
    }
}
