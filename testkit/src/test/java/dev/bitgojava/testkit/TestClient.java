package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.AuthHeaders;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.RequestSignature;
import dev.bitgojava.signing.auth.RequestSigner;
import dev.bitgojava.signing.auth.ResponseVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small BitGo client for the tests: JDK HttpClient plus the signing module's request signer. */
final class TestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final AccessToken token;
    private final AuthVersion version;
    private final Clock clock;

    TestClient(BitGoTestServer server, AuthVersion version) {
        this(server.url(), server.accessToken(), version, Clock.systemUTC());
    }

    TestClient(String baseUrl, String token, AuthVersion version, Clock clock) {
        this.baseUrl = baseUrl;
        this.token = AccessToken.of(token);
        this.version = version;
        this.clock = clock;
    }

    /** One response, with the outcome of checking its signature. */
    record Reply(int status, String body, HttpHeaders headers, boolean signatureValid) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Reply get(String pathWithQuery) {
        return send("GET", pathWithQuery, null);
    }

    Reply post(String pathWithQuery, String body) {
        return send("POST", pathWithQuery, body);
    }

    Reply post(String pathWithQuery, JsonNode body) {
        return send("POST", pathWithQuery, body.toString());
    }

    Reply delete(String pathWithQuery, JsonNode body) {
        return send("DELETE", pathWithQuery, body.toString());
    }

    Reply put(String pathWithQuery, JsonNode body) {
        return send("PUT", pathWithQuery, body.toString());
    }

    /** Signs and sends a request. */
    Reply send(String method, String pathWithQuery, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String requestId = UUID.randomUUID().toString();
        RequestSignature signature = new RequestSigner(token, version)
                .sign(method, pathWithQuery, bytes, clock.millis(), requestId);
        Map<String, String> headers = new LinkedHashMap<>(signature.headers());
        Reply raw = sendRaw(method, pathWithQuery, body, headers);
        boolean valid = false;
        if (signature.signed()) {
            valid = new ResponseVerifier(token, version, clock).check(method, pathWithQuery,
                    signature.authRequestId(), raw.status(), raw.header(AuthHeaders.RESPONSE_TIMESTAMP),
                    raw.header(AuthHeaders.RESPONSE_HMAC), raw.body().getBytes(StandardCharsets.UTF_8)).accepted();
        }
        return new Reply(raw.status(), raw.body(), raw.headers(), valid);
    }

    /** Sends a request with exactly the given headers (no signing). */
    Reply sendRaw(String method, String pathWithQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathWithQuery))
                .timeout(Duration.ofSeconds(20));
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
