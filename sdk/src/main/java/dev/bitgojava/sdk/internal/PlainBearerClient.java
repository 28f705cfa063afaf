package dev.bitgojava.sdk.internal;

import dev.bitgojava.signing.auth.AuthHeaders;
import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends {@code Authorization: Bearer <token>} unsigned: for BitGo Express, which takes the raw token and signs
 * towards BitGo itself. Any authentication headers already present are replaced.
 */
public final class PlainBearerClient implements Client {

    private final Client delegate;
    private final String authorization;

    /** A client adding the bearer token to every request. */
    public PlainBearerClient(Client delegate, String token) {
        this.delegate = delegate;
        this.authorization = "Bearer " + token;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        AuthHeaders.ALL_REQUEST_HEADERS.forEach(headers::remove);
        headers.put(AuthHeaders.AUTHORIZATION, List.of(authorization));
        return delegate.execute(Request.create(request.httpMethod(), request.url(), headers, request.body(),
                request.charset(), request.requestTemplate()), options);
    }

    @Override
    public String toString() {
        return "PlainBearerClient[****]";
    }
}
