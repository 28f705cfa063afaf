package dev.bitgojava.sdk;

import dev.bitgojava.client.api.HealthApi;
import dev.bitgojava.sdk.errors.BitGoBadRequestException;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoResponseVerificationException;
import dev.bitgojava.sdk.testing.SigningServer;
import dev.bitgojava.sdk.testing.TestApis.EchoApi;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.ResponseVerificationException.Reason;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Responses with a missing, wrong or stale signature are rejected; verification can be off only outside production. */
class ResponseVerificationTest {

    private SigningServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SigningServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private BitGoClient client(AuthVersion v) {
        server.version(v);
        return BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.baseUrl()))
                .accessToken(SigningServer.TOKEN).authVersion(v)
                .retryPolicy(RetryPolicy.NONE).build());
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aCorrectlySignedResponseIsAccepted(AuthVersion v) {
        server.then(server.ok("{\"status\":\"up\"}"));
        assertEquals("up", client(v).api(HealthApi.class).ping().getStatus());
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aTamperedBodyIsRejected(AuthVersion v) {
        server.then(r -> server.signedWith(r, 200, "{\"status\":\"down\"}", "{\"status\":\"up\"}", System.currentTimeMillis()));
        BitGoResponseVerificationException e = assertThrows(BitGoResponseVerificationException.class,
                () -> client(v).api(HealthApi.class).ping());
        assertEquals(Reason.INVALID_SIGNATURE, e.reason());
        assertEquals(511, e.status());
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aMissingSignatureIsRejected(AuthVersion v) {
        server.then(SigningServer.status(200, "{\"status\":\"up\"}", "Content-Type: application/json"));
        BitGoResponseVerificationException e = assertThrows(BitGoResponseVerificationException.class,
                () -> client(v).api(HealthApi.class).ping());
        assertEquals(Reason.MISSING_SIGNATURE, e.reason());
    }

    @ParameterizedTest
    @EnumSource(value = AuthVersion.class, names = {"V3", "V4"})
    void aStaleSignatureIsRejected(AuthVersion v) {
        long sixMinutesAgo = System.currentTimeMillis() - 360_000;
        server.then(r -> server.signedWith(r, 200, "{}", "{}", sixMinutesAgo));
        BitGoResponseVerificationException e = assertThrows(BitGoResponseVerificationException.class,
                () -> client(v).api(HealthApi.class).ping());
        assertEquals(Reason.OUTSIDE_VALIDITY_WINDOW, e.reason());
    }

    @Test
    void aStaleV2SignatureIsAcceptedAsBitGosSdkDoes() {
        long anHourAgo = System.currentTimeMillis() - 3_600_000;
        server.then(r -> server.signedWith(r, 200, "{\"status\":\"up\"}", "{\"status\":\"up\"}", anHourAgo));
        assertEquals("up", client(AuthVersion.V2).api(HealthApi.class).ping().getStatus());
    }

    @Test
    void aFailedVerificationOfAPostSaysItMayHaveBeenProcessed() {
        server.then(SigningServer.status(200, "{}", "Content-Type: application/json"));
        BitGoResponseVerificationException e = assertThrows(BitGoResponseVerificationException.class,
                () -> client(AuthVersion.V3).api(EchoApi.class).post("1", Map.of("a", "b")));
        assertTrue(e.mayHaveBeenProcessed());
    }

    @Test
    void anErrorResponseSurfacesAsTheApiErrorEvenWithABadSignature() {
        server.then(r -> new MockResponse.Builder().code(400)
                .addHeader("hmac", "00".repeat(32)).addHeader("timestamp", "1")
                .body("{\"error\":\"insufficient funds\",\"name\":\"InsufficientFunds\"}").build());
        BitGoBadRequestException e = assertThrows(BitGoBadRequestException.class,
                () -> client(AuthVersion.V3).api(HealthApi.class).ping());
        assertEquals("insufficient funds", e.error().orElseThrow());
    }

    @Test
    void verificationCanBeSwitchedOffOutsideProduction() {
        server.then(SigningServer.status(200, "{\"status\":\"up\"}", "Content-Type: application/json"));
        BitGoClient c = BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.baseUrl()))
                .accessToken(SigningServer.TOKEN).verifyResponses(false).build());
        assertEquals("up", c.api(HealthApi.class).ping().getStatus());
    }

    @Test
    void switchingVerificationOffInProductionIsAConfigurationError() {
        BitGoClientConfig.Builder b = BitGoClientConfig.builder()
                .environment(BitGoEnvironment.PROD).accessToken(SigningServer.TOKEN).verifyResponses(false);
        assertThrows(BitGoConfigurationException.class, b::build);
    }
}
