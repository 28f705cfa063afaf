package dev.bitgojava.sdk;

import dev.bitgojava.client.api.HealthApi;
import dev.bitgojava.sdk.errors.BitGoApiException;
import dev.bitgojava.sdk.errors.BitGoAuthenticationException;
import dev.bitgojava.sdk.errors.BitGoBadRequestException;
import dev.bitgojava.sdk.errors.BitGoConflictException;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.errors.BitGoLockedException;
import dev.bitgojava.sdk.errors.BitGoNotFoundException;
import dev.bitgojava.sdk.errors.BitGoPermissionException;
import dev.bitgojava.sdk.errors.BitGoRateLimitException;
import dev.bitgojava.sdk.errors.BitGoServerException;
import dev.bitgojava.sdk.testing.SigningServer;
import dev.bitgojava.sdk.testing.TestApis.EchoApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error status becomes its own exception type carrying BitGo's error fields; odd bodies stay typed. */
class ErrorMappingTest {

    private SigningServer server;
    private BitGoClient client;

    @BeforeEach
    void start() throws Exception {
        server = new SigningServer();
        client = BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.baseUrl()))
                .accessToken(SigningServer.TOKEN).retryPolicy(RetryPolicy.NONE).build());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "400, dev.bitgojava.sdk.errors.BitGoBadRequestException",
            "401, dev.bitgojava.sdk.errors.BitGoAuthenticationException",
            "403, dev.bitgojava.sdk.errors.BitGoPermissionException",
            "404, dev.bitgojava.sdk.errors.BitGoNotFoundException",
            "409, dev.bitgojava.sdk.errors.BitGoConflictException",
            "423, dev.bitgojava.sdk.errors.BitGoLockedException",
            "429, dev.bitgojava.sdk.errors.BitGoRateLimitException",
            "500, dev.bitgojava.sdk.errors.BitGoServerException",
            "502, dev.bitgojava.sdk.errors.BitGoServerException",
            "503, dev.bitgojava.sdk.errors.BitGoServerException",
            "504, dev.bitgojava.sdk.errors.BitGoServerException",
            "418, dev.bitgojava.sdk.errors.BitGoApiException"})
    void eachStatusMapsToItsType(int status, String type) {
        server.then(SigningServer.status(status, "{\"error\":\"e" + status + "\",\"name\":\"N" + status
                + "\",\"requestId\":\"req-" + status + "\",\"context\":{\"walletId\":\"w1\"}}"));
        BitGoApiException e = assertThrows(BitGoApiException.class, () -> client.api(HealthApi.class).ping());
        assertEquals(type, e.getClass().getName());
        assertEquals(status, e.status());
        assertEquals("e" + status, e.error().orElseThrow());
        assertEquals("N" + status, e.name().orElseThrow());
        assertEquals("req-" + status, e.requestId().orElseThrow());
        assertEquals("w1", e.context().orElseThrow().get("walletId").asText());
        assertTrue(e.getMessage().contains("req-" + status), e.getMessage());
        assertTrue(e instanceof BitGoException);
    }

    @Test
    void a401CarriesTheOtpAndUnlockFlags() {
        server.then(SigningServer.status(401, "{\"error\":\"needs unlock\",\"needsOTP\":true,\"needsUnlock\":true}"));
        BitGoAuthenticationException e = assertThrows(BitGoAuthenticationException.class, () -> client.api(HealthApi.class).ping());
        assertTrue(e.needsOtp());
        assertTrue(e.needsUnlock());
    }

    @Test
    void aNonJsonBodyStillGivesATypedErrorWithTheRawText() {
        server.then(SigningServer.status(502, "<html><body>Bad Gateway</body></html>"));
        BitGoServerException e = assertThrows(BitGoServerException.class, () -> client.api(HealthApi.class).ping());
        assertEquals("<html><body>Bad Gateway</body></html>", e.rawBody());
        assertFalse(e.error().isPresent());
    }

    @Test
    void aTruncatedJsonBodyStillGivesATypedErrorWithTheRawText() {
        server.then(SigningServer.status(400, "{\"error\":\"insufficient fu"));
        BitGoBadRequestException e = assertThrows(BitGoBadRequestException.class, () -> client.api(HealthApi.class).ping());
        assertEquals("{\"error\":\"insufficient fu", e.rawBody());
        assertEquals(400, e.status());
    }

    @Test
    void theRequestIdComesFromTheHeaderWhenTheBodyHasNone() {
        server.then(SigningServer.status(404, "{\"error\":\"not found\"}", "request-id: hdr-123"));
        BitGoNotFoundException e = assertThrows(BitGoNotFoundException.class, () -> client.api(HealthApi.class).ping());
        assertEquals("hdr-123", e.requestId().orElseThrow());
    }

    @Test
    void aGetServerErrorIsNotMarkedAsMaybeProcessed() {
        server.then(SigningServer.status(500, "{}"));
        BitGoServerException e = assertThrows(BitGoServerException.class, () -> client.api(HealthApi.class).ping());
        assertFalse(e.mayHaveBeenProcessed());
    }

    @Test
    void a202IsASuccessWithAPendingApproval() {
        server.then(r -> server.signed(r, 202, "{\"pendingApproval\":{\"id\":\"pa-1\",\"state\":\"pending\"}}"));
        Outcome<?> outcome = client.withPendingApproval(() -> client.api(EchoApi.class).post("1", Map.of("a", "b")));
        assertTrue(outcome.isPendingApproval());
        assertEquals("pa-1", outcome.pendingApproval().approvalId().orElseThrow());
        assertEquals(202, outcome.pendingApproval().status());
    }

    @Test
    void aStatusPendingApprovalBodyIsASuccessWithAPendingApproval() {
        server.then(server.ok("{\"status\":\"pendingApproval\",\"id\":\"pa-2\"}"));
        Outcome<?> outcome = client.withPendingApproval(() -> client.api(EchoApi.class).post("1", Map.of("a", "b")));
        assertTrue(outcome.isPendingApproval());
        assertEquals("pa-2", outcome.pendingApproval().approvalId().orElseThrow());
    }

    @Test
    void anOrdinarySuccessIsNotPending() {
        server.then(server.ok("{\"status\":\"signed\",\"txid\":\"ab\"}"));
        Outcome<com.fasterxml.jackson.databind.JsonNode> outcome =
                client.withPendingApproval(() -> client.api(EchoApi.class).post("1", Map.of("a", "b")));
        assertFalse(outcome.isPendingApproval());
        assertEquals("ab", outcome.value().get("txid").asText());
    }
}
