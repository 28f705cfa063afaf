package dev.bitgojava.sdk.testing;

import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.AuthHeaders;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.ResponseSignature;
import dev.bitgojava.signing.auth.ResponseSigner;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A MockWebServer whose answers are scripted per request and signed like BitGo's (hmac/timestamp headers), using
 * the signing module's server-side {@link ResponseSigner}.
 */
public final class SigningServer implements AutoCloseable {

    /** An HMAC-eligible test token. */
    public static final String TOKEN = "v2x" + "5a".repeat(32);

    private final MockWebServer server = new MockWebServer();
    private final ConcurrentLinkedQueue<Function<RecordedRequest, MockResponse>> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<RecordedRequest, MockResponse> fallback;
    private volatile Clock clock = Clock.systemUTC();
    private volatile AuthVersion version = AuthVersion.V2;
    private final AccessToken token = AccessToken.of(TOKEN);

    /** Starts the server; answers are signed 200 {@code {}} until scripted otherwise. */
    public SigningServer() throws IOException {
        fallback = r -> signed(r, 200, "{}");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                Function<RecordedRequest, MockResponse> step = script.poll();
                return (step != null ? step : fallback).apply(request);
            }
        });
        server.start();
    }

    /** The base URL to configure the client with. */
    public String baseUrl() {
        return server.url("/").toString();
    }

    /** Sets the auth version responses are signed with. */
    public SigningServer version(AuthVersion v) {
        this.version = v;
        return this;
    }

    /** Sets the clock responses are signed with. */
    public SigningServer clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** Queues answers, one per request, in order. */
    @SafeVarargs
    public final SigningServer then(Function<RecordedRequest, MockResponse>... steps) {
        Collections.addAll(script, steps);
        return this;
    }

    /** The answer once the script is used up. */
    public SigningServer otherwise(Function<RecordedRequest, MockResponse> step) {
        this.fallback = step;
        return this;
    }

    /** Requests received so far. */
    public List<RecordedRequest> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** A correctly signed answer. */
    public MockResponse signed(RecordedRequest r, int code, String body) {
        return signedWith(r, code, body, body, clock.millis());
    }

    /** An answer signed over {@code signedBody} but carrying {@code sentBody}, at a given server time. */
    public MockResponse signedWith(RecordedRequest r, int code, String sentBody, String signedBody, long millis) {
        String id = r.getHeaders().get(AuthHeaders.V4_AUTH_REQUEST_ID);
        ResponseSignature sig = new ResponseSigner(token, version).sign(r.getMethod(), r.getTarget(), id, code,
                signedBody.getBytes(StandardCharsets.UTF_8), millis);
        return new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader(AuthHeaders.RESPONSE_HMAC, sig.hmac())
                .addHeader(AuthHeaders.RESPONSE_TIMESTAMP, sig.timestamp())
                .body(sentBody).build();
    }

    /** A signed answer step. */
    public Function<RecordedRequest, MockResponse> ok(String body) {
        return r -> signed(r, 200, body);
    }

    /** An unsigned answer with a status, body and optional headers ("Name: value"). */
    public static Function<RecordedRequest, MockResponse> status(int code, String body, String... headers) {
        return r -> {
            MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
            for (String h : headers) {
                b.addHeader(h);
            }
            return b.build();
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
