package dev.bitgojava.testkit;

import dev.bitgojava.signing.auth.AuthVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {

    @RegisterExtension
    final BitGoTestServerExtension bitgo = new BitGoTestServerExtension();

    private TestClient client() {
        return new TestClient(bitgo.server(), AuthVersion.V3);
    }

    @Test
    void rateLimitWithRetryAfterAppliesToTheNextRequestsOnly() {
        bitgo.server().faults().rateLimitNext(2, Duration.ofSeconds(3));
        TestClient client = client();

        TestClient.Reply first = client.get("/api/v2/user/me");
        assertEquals(429, first.status());
        assertEquals("3", first.header("Retry-After"));
        assertEquals(429, client.get("/api/v2/user/me").status());
        assertEquals(200, client.get("/api/v2/user/me").status());
    }

    @Test
    void rateLimitWithoutRetryAfterSendsNoHeader() {
        bitgo.server().faults().rateLimitNext(1);

        TestClient.Reply reply = client().get("/api/v2/user/me");

        assertEquals(429, reply.status());
        assertNull(reply.header("Retry-After"));
    }

    @Test
    void aTokenBudgetRefusesRequestsBeyondItUntilTheWindowEnds() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        try (BitGoTestServer server = BitGoTestServer.builder().clock(clock)
                .faults(f -> f.tokenBudget(3, Duration.ofSeconds(60))).build().start()) {
            TestClient client = new TestClient(server.url(), server.accessToken(), AuthVersion.V2, clock);
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.get("/api/v2/user/me").status());
            }
            clock.now = start.plusSeconds(20);
            TestClient.Reply over = client.get("/api/v2/user/me");
            assertEquals(429, over.status());
            assertEquals("40", over.header("Retry-After"));

            clock.now = start.plusSeconds(60);
            assertEquals(200, client.get("/api/v2/user/me").status());
        }
    }

    @Test
    void serverErrorsForTheNextRequests() {
        bitgo.server().faults().serverErrorNext(1, 503);
        TestClient client = client();

        assertEquals(503, client.get("/api/v2/user/me").status());
        assertEquals(200, client.get("/api/v2/user/me").status());
    }

    @Test
    void aResetBeforeProcessingLeavesTheStateUnchanged() {
        bitgo.server().faults().resetBeforeProcessingNext(1);
        TestClient client = client();

        assertThrows(UncheckedIOException.class, () -> client.post("/api/v2/tbtc/key",
                WalletFlowTest.json().put("source", "bitgo")));

        assertEquals(0, client.get("/api/v2/tbtc/key").json().path("keys").size());
    }

    @Test
    void aResetAfterProcessingKeepsTheEffect() {
        bitgo.server().faults().resetAfterProcessingNext(1);
        TestClient client = client();

        assertThrows(UncheckedIOException.class, () -> client.post("/api/v2/tbtc/key",
                WalletFlowTest.json().put("source", "bitgo")));

        assertEquals(1, client.get("/api/v2/tbtc/key").json().path("keys").size());
    }

    @Test
    void aTruncatedBodyBreaksTheResponse() {
        bitgo.server().faults().truncateBodyNext(1);

        assertThrows(UncheckedIOException.class, () -> client().get("/api/v2/user/me"));
        assertEquals(200, client().get("/api/v2/user/me").status());
    }

    @Test
    void aTamperedHmacFailsVerification() {
        bitgo.server().faults().tamperHmacNext(1);
        TestClient client = client();

        TestClient.Reply tampered = client.get("/api/v2/user/me");
        assertEquals(200, tampered.status());
        assertFalse(tampered.signatureValid());
        assertTrue(client.get("/api/v2/user/me").signatureValid());
    }

    @Test
    void aDelayHoldsTheResponseBack() {
        bitgo.server().faults().delayNext(1, Duration.ofMillis(400));

        long start = System.nanoTime();
        assertEquals(200, client().get("/api/v2/user/me").status());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos());
    }

    @Test
    void clearRemovesPendingFaults() {
        bitgo.server().faults().serverErrorNext(5).clear();

        assertEquals(200, client().get("/api/v2/user/me").status());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
