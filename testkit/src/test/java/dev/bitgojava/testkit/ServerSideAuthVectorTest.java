package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.AuthHeaders;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.PathWithQuery;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The request vectors seen from the server's side: the headers BitGo's SDK produced for a case's inputs are
 * accepted by a server holding the case's token and clock, and the same request with one byte of the signed
 * content changed is refused with 401.
 */
class ServerSideAuthVectorTest {

    /** A request as the vector describes it, with the headers the vector says the client sends. */
    private record VectorRequest(String token, String method, String target, String body, long clockMillis,
                                 Map<String, String> headers) {
    }

    @TestFactory
    Stream<DynamicTest> hmacRequestsAreAcceptedAndTamperedOnesRefused() {
        return VectorFiles.tests("hmac.json", "request", c -> check(fromV2V3(c)));
    }

    @TestFactory
    Stream<DynamicTest> hmacV4RequestsAreAcceptedAndTamperedOnesRefused() {
        return VectorFiles.tests("hmac-v4.json", "request", c -> check(fromV4(c)));
    }

    private static VectorRequest fromV2V3(VectorCase c) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.expected().path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            if (!header.getValue().isNull()) {
                headers.put(header.getKey(), header.getValue().asText());
            }
        }
        return new VectorRequest(c.in("token"), c.in("httpMethod"), c.in("pathWithQuery"),
                c.input().path("bodyText").asText(""), c.input().path("timestampMs").asLong(), headers);
    }

    private static VectorRequest fromV4(VectorCase c) {
        JsonNode in = c.input();
        String target = in.hasNonNull("pathWithQueryGivenDirectly") ? in.get("pathWithQueryGivenDirectly").asText()
                : PathWithQuery.of(textOrNull(in, "xOriginalUri"), textOrNull(in, "requestUrl"));
        String method = wireMethod(in.hasNonNull("xOriginalMethod") ? in.get("xOriginalMethod").asText()
                : in.path("requestMethod").asText());
        Map<String, String> headers = new LinkedHashMap<>();
        c.expected().path("documentedHeaders").fields()
                .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        // Our wire convention for V4 adds the bearer hash and the version header to the documented headers.
        headers.put(AuthHeaders.AUTHORIZATION, AccessToken.of(c.in("rawToken")).authorizationHeaderValue());
        headers.put(AuthHeaders.AUTH_VERSION, AuthVersion.V4.headerValue());
        return new VectorRequest(c.in("rawToken"), method, target, bodyText(in.path("body")), in.path("clockMs").asLong(),
                headers);
    }

    /**
     * The method as it goes on the wire: the vectors give SDK method names ({@code del}) and any case, which BitGo
     * signs upper-cased with {@code del} as {@code DELETE}; HTTP methods themselves are case-sensitive.
     */
    private static String wireMethod(String method) {
        return method.equalsIgnoreCase("del") ? "DELETE" : method.toUpperCase(Locale.ROOT);
    }

    /** The body the vector signs: its text, or its bytes when it is binary (skipped: the client sends text). */
    private static String bodyText(JsonNode body) {
        if (body.hasNonNull("text")) {
            return body.get("text").asText();
        }
        String hex = body.path("bytesHex").asText("");
        assumeTrue(hex.isEmpty(), "a binary body cannot go through the text client");
        return "";
    }

    private static void check(VectorRequest request) {
        assumeTrue(fitsOnARequestLine(request.target()),
                "an HTTP request line cannot carry this path verbatim (space or non-ASCII): " + request.target());
        Clock clock = Clock.fixed(Instant.ofEpochMilli(request.clockMillis()), ZoneOffset.UTC);
        try (BitGoTestServer server = BitGoTestServer.builder().accessToken(request.token()).clock(clock).build()
                .start()) {
            TestClient client = new TestClient(server.url(), request.token(), AuthVersion.V2, clock);
            String body = request.body().isEmpty() ? null : request.body();

            TestClient.Reply accepted = client.sendRaw(request.method(), request.target(), body, request.headers());
            assertNull(accepted.header("x-auth-required"), "accepted: " + accepted.status() + " " + accepted.body());

            TestClient.Reply refused = tampered(client, request);
            assertEquals(401, refused.status(), refused.body());
            assertEquals("true", refused.header("x-auth-required"));
        }
    }

    /** The same request with one byte of what authenticates it changed. */
    private static TestClient.Reply tampered(TestClient client, VectorRequest request) {
        boolean signed = request.headers().containsKey(AuthHeaders.HMAC)
                || request.headers().containsKey(AuthHeaders.V4_SIGNATURE);
        String body = request.body().isEmpty() ? null : request.body();
        if (signed && body != null && body.chars().anyMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch))) {
            return client.sendRaw(request.method(), request.target(), changeOneCharacter(body), request.headers());
        }
        if (signed) {
            return client.sendRaw(request.method(), changeOneCharacter(request.target()), null, request.headers());
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(AuthHeaders.AUTHORIZATION, changeOneCharacter(headers.get(AuthHeaders.AUTHORIZATION)));
        return client.sendRaw(request.method(), request.target(), body, headers);
    }

    /** Replaces the last ASCII letter or digit with a different one, keeping the text's shape. */
    private static String changeOneCharacter(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch) && ch < 128) {
                char replacement = ch == 'a' ? 'b' : 'a';
                return text.substring(0, i) + replacement + text.substring(i + 1);
            }
        }
        throw new AssertionError("nothing to change in " + text);
    }

    private static boolean fitsOnARequestLine(String target) {
        return target.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f);
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
