package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.RequestSignature;
import dev.bitgojava.signing.auth.RequestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticationTest {

    private static final String TOKEN = "v2x" + "0123456789abcdef".repeat(4);

    @RegisterExtension
    final BitGoTestServerExtension bitgo = new BitGoTestServerExtension(BitGoTestServer.builder().accessToken(TOKEN));

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void signedRequestsAreAcceptedAndTheirResponsesVerify(AuthVersion version) {
        TestClient client = new TestClient(bitgo.server(), version);

        TestClient.Reply reply = client.get("/api/v2/user/me");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(bitgo.server().userId(), reply.json().path("user").path("id").asText());
        assertTrue(reply.signatureValid(), "the response signature verifies with " + version);
    }

    @Test
    void plainBearerTokenIsAccepted() {
        TestClient.Reply reply = raw("GET", "/api/v2/user/me", Map.of("Authorization", "Bearer " + TOKEN));

        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aHashOfAnotherTokenIsRejectedWithBitGosErrorBody() {
        TestClient other = new TestClient(bitgo.server().url(), "v2x" + "f".repeat(64), AuthVersion.V2,
                Clock.systemUTC());

        TestClient.Reply reply = other.get("/api/v2/user/me");

        assertUnauthorized(reply, "invalid access token");
    }

    @Test
    void aWrongHmacIsRejected() {
        Map<String, String> headers = signedHeaders(AuthVersion.V3, "GET", "/api/v2/user/me", Clock.systemUTC());
        headers.put("HMAC", flipLastHexDigit(headers.get("HMAC")));

        assertUnauthorized(raw("GET", "/api/v2/user/me", headers), "invalid HMAC");
    }

    @Test
    void aRequestSignedForAnotherPathIsRejected() {
        Map<String, String> headers = signedHeaders(AuthVersion.V2, "GET", "/api/v2/user/session",
                Clock.systemUTC());

        assertUnauthorized(raw("GET", "/api/v2/user/me", headers), "invalid HMAC");
    }

    @Test
    void aTimestampOlderThanTheWindowIsRejected() {
        Clock sixMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
        Map<String, String> headers = signedHeaders(AuthVersion.V3, "GET", "/api/v2/user/me", sixMinutesAgo);

        assertUnauthorized(raw("GET", "/api/v2/user/me", headers), "outside the validity window");
    }

    @Test
    void aV4TimestampAheadOfTheWindowIsRejected() {
        Clock twoMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        Map<String, String> headers = signedHeaders(AuthVersion.V4, "GET", "/api/v2/user/me", twoMinutesAhead);

        assertUnauthorized(raw("GET", "/api/v2/user/me", headers), "outside the validity window");
    }

    @ParameterizedTest
    @EnumSource(value = AuthVersion.class, names = {"V3", "V4"})
    void aReplayedV3OrV4RequestIsRejected(AuthVersion version) {
        Map<String, String> headers = signedHeaders(version, "GET", "/api/v2/user/me", Clock.systemUTC());
        assertEquals(200, raw("GET", "/api/v2/user/me", headers).status());

        assertUnauthorized(raw("GET", "/api/v2/user/me", headers), "replayed");
    }

    @Test
    void aRepeatedV2RequestIsAcceptedAsBitGoDoes() {
        Map<String, String> headers = signedHeaders(AuthVersion.V2, "GET", "/api/v2/user/me", Clock.systemUTC());
        assertEquals(200, raw("GET", "/api/v2/user/me", headers).status());

        assertEquals(200, raw("GET", "/api/v2/user/me", headers).status());
    }

    @Test
    void aRequestWithoutAuthorizationIsRejected() {
        assertUnauthorized(raw("GET", "/api/v2/user/me", Map.of()), "no Authorization");
    }

    @Test
    void pingNeedsNoAuthentication() {
        assertEquals(200, raw("GET", "/api/v2/ping", Map.of()).status());
    }

    @Test
    void anUnknownRouteIsReportedOnlyAfterAuthentication() {
        assertEquals(401, raw("GET", "/api/v2/nothing/here", Map.of()).status());
        assertEquals(404, new TestClient(bitgo.server(), AuthVersion.V2).get("/api/v2/nothing/here").status());
    }

    @Test
    void aServerWithAFixedClockJudgesTimestampsByThatClock() {
        Instant then = Instant.parse("2023-11-14T22:13:20Z");
        Clock fixed = Clock.fixed(then, ZoneOffset.UTC);
        try (BitGoTestServer server = BitGoTestServer.builder().accessToken(TOKEN).clock(fixed).build().start()) {
            TestClient inTime = new TestClient(server.url(), TOKEN, AuthVersion.V3, fixed);
            TestClient now = new TestClient(server.url(), TOKEN, AuthVersion.V3, Clock.systemUTC());

            assertEquals(200, inTime.get("/api/v2/user/me").status());
            assertEquals(401, now.get("/api/v2/user/me").status());
        }
    }

    private TestClient.Reply raw(String method, String path, Map<String, String> headers) {
        return new TestClient(bitgo.server(), AuthVersion.V2).sendRaw(method, path, null, headers);
    }

    private static Map<String, String> signedHeaders(AuthVersion version, String method, String path, Clock clock) {
        RequestSignature signature = new RequestSigner(AccessToken.of(TOKEN), version)
                .sign(method, path, new byte[0], clock.millis(), UUID.randomUUID().toString());
        return new LinkedHashMap<>(signature.headers());
    }

    static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    static void assertUnauthorized(TestClient.Reply reply, String reason) {
        assertEquals(401, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals("Unauthorized", body.path("name").asText());
        assertTrue(body.path("error").asText().contains(reason), body.toString());
        assertNotNull(body.get("requestId"));
        assertFalse(body.path("requestId").asText().isEmpty());
        assertEquals("true", reply.header("x-auth-required"));
        assertFalse(new String(reply.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains(TOKEN));
    }
}
