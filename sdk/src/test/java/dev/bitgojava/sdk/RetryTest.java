package dev.bitgojava.sdk;

import dev.bitgojava.client.api.HealthApi;
import dev.bitgojava.sdk.errors.BitGoConnectionException;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.errors.BitGoRateLimitException;
import dev.bitgojava.sdk.errors.BitGoServerException;
import dev.bitgojava.sdk.testing.SigningServer;
import dev.bitgojava.sdk.testing.TestApis.EchoApi;
import dev.bitgojava.signing.auth.AuthVersion;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single retry layer: what is retried, how long it waits, and what it records. Waits are observed, not slept. */
class RetryTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private SigningServer server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = new SigningServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private BitGoClientConfig.Builder config() {
        return BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.baseUrl()))
                .accessToken(SigningServer.TOKEN)
                .authVersion(AuthVersion.V2)
                .sleeper(waits::add)
                .eventListener(new BitGoEventListener() {
                    @Override
                    public void onRetry(String operation, String httpMethod, int attempt, Duration wait, BitGoException cause) {
                        events.add("retry " + operation + " " + httpMethod + " " + attempt + " " + wait.toMillis());
                    }

                    @Override
                    public void onCallEnd(String operation, int attempts, Duration totalRetryWait, BitGoException failure) {
                        events.add("end " + operation + " " + attempts + " " + totalRetryWait.toMillis() + " " + (failure != null));
                    }
                });
    }

    private BitGoClient client() {
        return BitGoClient.create(config().build());
    }

    @Test
    void a429WithRetryAfterSecondsWaitsThatLong() {
        server.then(SigningServer.status(429, "{\"error\":\"slow down\"}", "Retry-After: 2"), server.ok("{\"status\":\"up\"}"));
        assertEquals("up", client().api(HealthApi.class).ping().getStatus());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
        assertEquals(2, server.received().size());
        assertEquals(List.of("retry HealthApi#ping GET 1 2000", "end HealthApi#ping 2 2000 false"), events);
    }

    @Test
    void a429WithAnHttpDateWaitsUntilThatDateByTheInjectedClock() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(7).atOffset(ZoneOffset.UTC));
        server.then(SigningServer.status(429, "{}", "Retry-After: " + date), server.ok("{}"));
        BitGoClient c = BitGoClient.create(config().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        c.api(HealthApi.class).ping();
        assertEquals(List.of(Duration.ofSeconds(7)), waits);
    }

    @Test
    void aRetryAfterBeyondTheCapIsCapped() {
        server.then(SigningServer.status(503, "{}", "Retry-After: 3600"), server.ok("{}"));
        client().api(HealthApi.class).ping();
        assertEquals(List.of(RetryPolicy.DEFAULT.retryAfterCap()), waits);
    }

    @Test
    void a429WithoutRetryAfterBacksOffExponentiallyWithFullJitter() {
        server.then(SigningServer.status(429, "{}"), SigningServer.status(429, "{}"), SigningServer.status(429, "{}"),
                server.ok("{}"));
        client().api(HealthApi.class).ping();
        assertEquals(3, waits.size());
        for (int i = 0; i < 3; i++) {
            long ceiling = 500L << i;
            long w = waits.get(i).toMillis();
            assertTrue(w >= 0 && w <= ceiling, "wait " + i + " = " + w + " within [0, " + ceiling + "]");
        }
    }

    @Test
    void attemptsAreBoundedAndRecordedOnTheFinalException() {
        server.otherwise(SigningServer.status(429, "{\"error\":\"rate limited\"}", "Retry-After: 1"));
        BitGoRateLimitException e = assertThrows(BitGoRateLimitException.class, () -> client().api(HealthApi.class).ping());
        assertEquals(5, e.attempts());
        assertEquals(Duration.ofSeconds(4), e.totalRetryWait());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
        assertEquals(5, server.received().size());
        assertEquals("end HealthApi#ping 5 4000 true", events.get(events.size() - 1));
    }

    @Test
    void everyRetryIsSignedAfreshWithANewTimestamp() {
        AtomicInteger tick = new AtomicInteger();
        Clock ticking = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return NOW.plusSeconds(tick.getAndIncrement()); }
        };
        server.then(SigningServer.status(503, "{}", "Retry-After: 0"), server.ok("{}"));
        BitGoClient.create(config().clock(ticking).build()).api(HealthApi.class).ping();
        var first = server.received().get(0).getHeaders();
        var second = server.received().get(1).getHeaders();
        assertNotEquals(first.get("Auth-Timestamp"), second.get("Auth-Timestamp"));
        assertNotEquals(first.get("HMAC"), second.get("HMAC"));
        assertEquals(1, second.values("HMAC").size());
        assertEquals(1, second.values("Authorization").size());
    }

    @Test
    void a503WithRetryAfterZeroIsRetriedOnceByOurLayerNotSilentlyByTheHttpClient() {
        server.then(SigningServer.status(503, "{}", "Retry-After: 0"), server.ok("{\"ok\":true}"));
        client().api(EchoApi.class).post("1", Map.of("amount", "1000"));
        assertEquals(2, server.received().size());
        assertEquals(List.of(Duration.ZERO), waits);
    }

    @Test
    void aGetIsRetriedAfterA502() {
        server.then(SigningServer.status(502, "<html>bad gateway</html>"), server.ok("{\"status\":\"up\"}"));
        assertEquals("up", client().api(HealthApi.class).ping().getStatus());
        assertEquals(2, server.received().size());
    }

    @Test
    void aGetIsRetriedAfterTheConnectionDropped() {
        server.then(r -> new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
                server.ok("{\"status\":\"up\"}"));
        assertEquals("up", client().api(HealthApi.class).ping().getStatus());
    }

    @Test
    void aPostIsNotRetriedAfterA502AndSaysItMayHaveBeenProcessed() {
        server.then(SigningServer.status(502, "bad gateway"));
        BitGoServerException e = assertThrows(BitGoServerException.class,
                () -> client().api(EchoApi.class).post("1", Map.of("amount", "1000")));
        assertTrue(e.mayHaveBeenProcessed());
        assertEquals(1, server.received().size());
        assertEquals(1, e.attempts());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aPostIsRetriedAfterA503() {
        server.then(SigningServer.status(503, "{}", "Retry-After: 1"), server.ok("{\"ok\":true}"));
        assertTrue(client().api(EchoApi.class).post("1", Map.of("amount", "1000")).get("ok").asBoolean());
        assertEquals(2, server.received().size());
    }

    @Test
    void aPostWithAReadTimeoutIsNotRetriedAndSaysItMayHaveBeenProcessed() {
        server.then(r -> new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());
        BitGoClient c = BitGoClient.create(config().readTimeout(Duration.ofMillis(300)).build());
        BitGoConnectionException e = assertThrows(BitGoConnectionException.class,
                () -> c.api(EchoApi.class).post("1", Map.of("amount", "1000")));
        assertTrue(e.isTimeout());
        assertTrue(e.mayHaveBeenProcessed());
        assertEquals("POST", e.method());
        assertEquals(1, e.attempts());
        assertEquals(1, server.received().size());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aGetWithAReadTimeoutIsRetried() {
        server.then(r -> new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build(),
                server.ok("{\"status\":\"up\"}"));
        BitGoClient c = BitGoClient.create(config().readTimeout(Duration.ofMillis(300)).build());
        assertEquals("up", c.api(HealthApi.class).ping().getStatus());
        assertEquals(1, waits.size());
    }

    @Test
    void aPostIsRetriedWhenTheConnectionFailedBeforeSending() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        BitGoClient c = BitGoClient.create(config()
                .environment(BitGoEnvironment.custom("http://127.0.0.1:" + closedPort)).build());
        BitGoConnectionException e = assertThrows(BitGoConnectionException.class,
                () -> c.api(EchoApi.class).post("1", Map.of("amount", "1000")));
        assertFalse(e.mayHaveBeenProcessed());
        assertEquals(5, e.attempts());
        assertEquals(4, waits.size());
    }

    @Test
    void aStormOf429sFromTwentyConcurrentCallersAllCompleteWithBoundedAttempts() throws Exception {
        int rejectFirst = 3;
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        server.otherwise(r -> {
            String key = r.getUrl().queryParameter("x");
            int n = seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return n <= rejectFirst ? new MockResponse.Builder().code(429).body("{\"error\":\"too many\"}").build()
                    : server.signed(r, 200, "{\"x\":\"" + key + "\"}");
        });
        Map<String, Integer> attemptsPerCall = new ConcurrentHashMap<>();
        BitGoClient c = BitGoClient.create(config().eventListener(new BitGoEventListener() {
            @Override
            public void onCallEnd(String operation, int attempts, Duration totalRetryWait, BitGoException failure) {
                attemptsPerCall.merge(operation + Thread.currentThread().getId(), attempts, Integer::sum);
            }
        }).build());
        EchoApi api = c.api(EchoApi.class);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "k" + i;
                results.add(pool.submit(() -> api.get(key).get("x").asText()));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("k" + i, results.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20 * (rejectFirst + 1), server.received().size());
        assertEquals(20 * rejectFirst, waits.size());
        seen.values().forEach(n -> assertEquals(rejectFirst + 1, n.get()));
        assertTrue(attemptsPerCall.values().stream().allMatch(n -> n % (rejectFirst + 1) == 0));
    }

    @Test
    void aRateLimitedClientStillCompletesItsCalls() {
        BitGoClient c = BitGoClient.create(config().rateLimit().build());
        for (int i = 0; i < 5; i++) {
            c.api(HealthApi.class).ping();
        }
        assertEquals(5, server.received().size());
    }

    @Test
    void retriesCanBeSwitchedOff() {
        server.then(SigningServer.status(429, "{}", "Retry-After: 1"));
        BitGoClient c = BitGoClient.create(config().retryPolicy(RetryPolicy.NONE).build());
        BitGoRateLimitException e = assertThrows(BitGoRateLimitException.class, () -> c.api(HealthApi.class).ping());
        assertEquals(1, e.attempts());
        assertTrue(waits.isEmpty());
    }

    @Test
    void anInterruptedWaitStopsTheCallAndKeepsTheInterruptFlag() {
        server.otherwise(SigningServer.status(429, "{}", "Retry-After: 1"));
        BitGoClient c = BitGoClient.create(config().sleeper(d -> {
            throw new InterruptedException();
        }).build());
        BitGoException e = assertThrows(BitGoException.class, () -> c.api(HealthApi.class).ping());
        assertTrue(Thread.interrupted());
        assertTrue(e.getCause() instanceof InterruptedException);
        assertEquals(1, server.received().size());
    }
}
