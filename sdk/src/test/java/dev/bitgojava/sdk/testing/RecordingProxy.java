package dev.bitgojava.sdk.testing;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A transparent HTTP proxy in front of a test server that records every request (method, target, body) and can
 * answer a chosen request itself, or lose the upstream answer after the upstream server acted.
 */
public final class RecordingProxy implements AutoCloseable {

    /** One request as it went over the wire. */
    public record Exchange(String method, String target, String body, int status) {
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
            "keep-alive", "accept-encoding");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String upstream;
    private final MockWebServer server = new MockWebServer();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile Predicate<RecordedRequest> loseAnswer = r -> false;
    private volatile int losses;
    private volatile Function<RecordedRequest, MockResponse> override = r -> null;

    /** A proxy to {@code upstreamUrl} (no trailing slash). */
    public RecordingProxy(String upstreamUrl) {
        this.upstream = upstreamUrl.endsWith("/") ? upstreamUrl.substring(0, upstreamUrl.length() - 1) : upstreamUrl;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return forward(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy's base URL. */
    public String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** Every request so far. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Forwards the next {@code times} requests that match, then closes the connection instead of answering. */
    public void loseAnswerOf(Predicate<RecordedRequest> which, int times) {
        this.losses = times;
        this.loseAnswer = which;
    }

    /** Answers matching requests with the function's response instead of forwarding (null means forward). */
    public void override(Function<RecordedRequest, MockResponse> answer) {
        this.override = answer;
    }

    private MockResponse forward(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
        MockResponse own = override.apply(request);
        if (own != null) {
            exchanges.add(new Exchange(request.getMethod(), request.getTarget(), body, own.getCode()));
            return own;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + request.getTarget()))
                .timeout(Duration.ofSeconds(30));
        Headers headers = request.getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            if (!HOP_HEADERS.contains(headers.name(i).toLowerCase())) {
                b.header(headers.name(i), headers.value(i));
            }
        }
        b.method(request.getMethod(), body.isEmpty() && !"POST".equals(request.getMethod())
                && !"PUT".equals(request.getMethod())
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            exchanges.add(new Exchange(request.getMethod(), request.getTarget(), body, -1));
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        exchanges.add(new Exchange(request.getMethod(), request.getTarget(), body, response.statusCode()));
        synchronized (this) {
            if (losses > 0 && loseAnswer.test(request)) {
                losses--;
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            }
        }
        MockResponse.Builder out = new MockResponse.Builder().code(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(v -> out.addHeader(name, v));
            }
        });
        out.body(new okio.Buffer().write(response.body()));
        return out.build();
    }

    @Override
    public void close() {
        server.close();
    }
}
