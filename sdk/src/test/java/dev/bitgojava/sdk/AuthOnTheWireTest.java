package dev.bitgojava.sdk;

import dev.bitgojava.client.api.HealthApi;
import dev.bitgojava.sdk.testing.SigningServer;
import dev.bitgojava.sdk.testing.TestApis.EchoApi;
import dev.bitgojava.signing.auth.AuthVersion;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact authentication headers each auth version puts on the wire, checked at a real HTTP server. */
class AuthOnTheWireTest {

    private SigningServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SigningServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private BitGoClient client(AuthVersion version, String token) {
        server.version(version);
        return BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.baseUrl()))
                .accessToken(token)
                .authVersion(version)
                .build());
    }

    private static String sha256Hex(byte[] in) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in));
    }

    private static String hmacHex(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The subject per the reference, written out independently of the signing code. */
    private static String expectedSubject(AuthVersion v, RecordedRequest r, String body) throws Exception {
        Headers h = r.getHeaders();
        switch (v) {
            case V2: return h.get("Auth-Timestamp") + "|" + r.getTarget() + "|" + body;
            case V3: return r.getMethod() + "|" + h.get("Auth-Timestamp") + "|3.0|" + r.getTarget() + "|" + body;
            default: return h.get("X-Request-Timestamp") + "\n" + r.getMethod() + "\n" + r.getTarget() + "\n"
                    + sha256Hex(body.getBytes(StandardCharsets.UTF_8)) + "\n" + h.get("X-Auth-Request-Id") + "\n";
        }
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aPostCarriesExactlyTheSignedHeadersOverTheBytesSent(AuthVersion version) throws Exception {
        client(version, SigningServer.TOKEN).api(EchoApi.class).post("a b/c", Map.of("comment", "café ✓"));
        RecordedRequest r = server.received().get(0);
        String body = r.getBody().utf8();
        Headers h = r.getHeaders();

        assertTrue(r.getTarget().startsWith("/api/v2/echo?x=a%20b"), r.getTarget());
        assertEquals(1, h.values("Authorization").size());
        assertEquals("Bearer " + sha256Hex(SigningServer.TOKEN.getBytes(StandardCharsets.UTF_8)), h.get("Authorization"));
        assertEquals(version.headerValue(), h.get("BitGo-Auth-Version"));
        String signature = version == AuthVersion.V4 ? h.get("X-Signature") : h.get("HMAC");
        assertEquals(hmacHex(SigningServer.TOKEN, expectedSubject(version, r, body)), signature);
        if (version == AuthVersion.V4) {
            assertEquals(sha256Hex(body.getBytes(StandardCharsets.UTF_8)), h.get("X-Content-SHA256"));
            assertEquals(Long.toString(Long.parseLong(h.get("X-Request-Timestamp"))), h.get("X-Request-Timestamp"));
            assertTrue(Long.parseLong(h.get("X-Request-Timestamp")) < 10_000_000_000L, "V4 timestamps are seconds");
            assertNull(h.get("HMAC"));
        } else {
            assertTrue(Long.parseLong(h.get("Auth-Timestamp")) > 10_000_000_000L, "V2/V3 timestamps are milliseconds");
            assertNull(h.get("X-Signature"));
        }
        for (String name : h.names()) {
            assertFalse(h.get(name).contains(SigningServer.TOKEN), name + " must not carry the raw token");
        }
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aGetSignsAnEmptyBody(AuthVersion version) throws Exception {
        client(version, SigningServer.TOKEN).api(HealthApi.class).ping();
        RecordedRequest r = server.received().get(0);
        assertEquals(0, r.getBodySize() < 0 ? 0 : r.getBodySize());
        String signature = version == AuthVersion.V4 ? r.getHeaders().get("X-Signature") : r.getHeaders().get("HMAC");
        assertEquals(hmacHex(SigningServer.TOKEN, expectedSubject(version, r, "")), signature);
    }

    @Test
    void aLegacyTokenIsSentAsPlainBearerWithoutSignature() throws Exception {
        String legacy = "0b9071618315a910097c6ab4954989b87e5c82d6";
        server.otherwise(SigningServer.status(200, "{}"));
        client(AuthVersion.V2, legacy).api(HealthApi.class).ping();
        Headers h = server.received().get(0).getHeaders();
        assertEquals("Bearer " + legacy, h.get("Authorization"));
        assertNull(h.get("HMAC"));
        assertNull(h.get("Auth-Timestamp"));
        assertNull(h.get("BitGo-Auth-Version"));
    }

    @Test
    void expressGetsTheRawTokenAsPlainBearerAndUnsignedAnswersAreAccepted() throws Exception {
        server.otherwise(SigningServer.status(200, "{\"status\":\"ok\"}"));
        BitGoClient c = BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.express(server.baseUrl()))
                .accessToken(SigningServer.TOKEN).build());
        c.api(HealthApi.class).ping();
        Headers h = server.received().get(0).getHeaders();
        assertEquals("Bearer " + SigningServer.TOKEN, h.get("Authorization"));
        assertNull(h.get("HMAC"));
    }

    @Test
    void theUserAgentNamesTheSdkAndTheSuffix() throws Exception {
        server.version(AuthVersion.V2);
        BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.baseUrl()))
                .accessToken(SigningServer.TOKEN).userAgentSuffix("acme-treasury/2.1").build())
                .api(HealthApi.class).ping();
        String ua = server.received().get(0).getHeaders().get("User-Agent");
        assertTrue(ua.startsWith("bitgo-java/"), ua);
        assertTrue(ua.endsWith(" acme-treasury/2.1"), ua);
        assertEquals(1, server.received().get(0).getHeaders().values("User-Agent").size());
    }
}
