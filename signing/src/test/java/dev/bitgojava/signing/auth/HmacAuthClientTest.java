package dev.bitgojava.signing.auth;

import feign.Client;
import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Feign decorator signs the final request, replaces headers, and verifies responses. */
class HmacAuthClientTest {

    private static final String TOKEN = "v2x" + "cd".repeat(32);
    private static final String URL = "https://app.bitgo-test.com/api/v2/tbtc/wallet/w1/sendcoins?a=b%20c";
    private static final byte[] BODY = "{\"amount\":\"5\"}".getBytes(StandardCharsets.UTF_8);

    /** A clock that advances by one second each time it is read. */
    static final class TickingClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_761_100_000_000L);

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis.getAndAdd(1000)); }
    }

    private final List<Request> sent = new ArrayList<>();

    private Client server(AccessToken token, AuthVersion version, int status, boolean tamper) {
        return (request, options) -> {
            sent.add(request);
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            String path = PathWithQuery.of(request.url());
            String id = first(request.headers(), AuthHeaders.V4_AUTH_REQUEST_ID);
            ResponseSignature sig = new ResponseSigner(token, version)
                    .sign(request.httpMethod().name(), path, id, status, tamper ? "{}".getBytes() : body,
                            1_761_100_000_000L);
            Map<String, Collection<String>> headers = new TreeMap<>();
            sig.headers().forEach((k, v) -> headers.put(k, List.of(v)));
            return Response.builder().status(status).request(request).headers(headers).body(body).build();
        };
    }

    private static String first(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().iterator().next();
            }
        }
        return null;
    }

    private static Request post(Map<String, Collection<String>> headers) {
        return Request.create(Request.HttpMethod.POST, URL, headers, BODY, StandardCharsets.UTF_8, null);
    }

    @Test
    void existingAuthHeadersAreReplacedNotAppended() throws Exception {
        AccessToken token = AccessToken.of(TOKEN);
        Client client = HmacAuthClient.builder(server(token, AuthVersion.V3, 200, false), token)
                .version(AuthVersion.V3).clock(Clock.fixed(Instant.ofEpochMilli(1_761_100_000_000L), ZoneOffset.UTC)).build();
        Map<String, Collection<String>> stale = new TreeMap<>();
        stale.put("authorization", List.of("Bearer " + TOKEN));
        stale.put("HMAC", List.of("00"));
        stale.put("Content-Type", List.of("application/json"));
        client.execute(post(stale), new Request.Options()).close();
        Map<String, Collection<String>> h = sent.get(0).headers();
        long authHeaders = h.keySet().stream().filter(k -> k.equalsIgnoreCase("Authorization")).count();
        assertEquals(1, authHeaders);
        assertEquals(List.of(token.authorizationHeaderValue()), List.copyOf(h.get("Authorization")));
        assertEquals(1, h.get("HMAC").size());
        assertNotEquals("00", h.get("HMAC").iterator().next());
        assertEquals(List.of("application/json"), List.copyOf(h.get("Content-Type")));
        assertArrayEquals(BODY, sent.get(0).body());
    }

    @Test
    void eachExecutionIsSignedAfreshWithANewTimestamp() throws Exception {
        AccessToken token = AccessToken.of(TOKEN);
        Client client = HmacAuthClient.builder(server(token, AuthVersion.V2, 200, false), token)
                .clock(new TickingClock()).verifyResponses(false).build();
        client.execute(post(Map.of()), new Request.Options()).close();
        client.execute(post(Map.of()), new Request.Options()).close();
        assertNotEquals(first(sent.get(0).headers(), "Auth-Timestamp"), first(sent.get(1).headers(), "Auth-Timestamp"));
        assertNotEquals(first(sent.get(0).headers(), "HMAC"), first(sent.get(1).headers(), "HMAC"));
    }

    @Test
    void theSignatureCoversThePathAndQueryOnTheWire() throws Exception {
        AccessToken token = AccessToken.of(TOKEN);
        Client client = HmacAuthClient.builder(server(token, AuthVersion.V2, 200, false), token).build();
        client.execute(post(Map.of()), new Request.Options()).close();
        Request r = sent.get(0);
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.headers().forEach((k, v) -> h.put(k, v.iterator().next()));
        RequestCheck check = new RequestVerifier(Clock.systemUTC())
                .check(token, "POST", "/api/v2/tbtc/wallet/w1/sendcoins?a=b%20c", BODY, h::get);
        assertTrue(check.accepted(token));
    }

    @Test
    void aLegacyTokenIsSentAsPlainBearerOnly() throws Exception {
        AccessToken token = AccessToken.of("0b9071618315a910097c6ab4954989b87e5c82d6");
        Client client = HmacAuthClient.builder((request, options) -> {
            sent.add(request);
            return Response.builder().status(200).request(request).headers(Map.of()).body(new byte[0]).build();
        }, token).build();
        client.execute(post(Map.of()), new Request.Options()).close();
        Map<String, Collection<String>> h = sent.get(0).headers();
        assertEquals(List.of("Bearer 0b9071618315a910097c6ab4954989b87e5c82d6"), List.copyOf(h.get("Authorization")));
        assertFalse(h.containsKey("HMAC"));
        assertFalse(h.containsKey("Auth-Timestamp"));
        assertFalse(h.containsKey("BitGo-Auth-Version"));
    }

    @Test
    void aTamperedResponseIsRejected() {
        AccessToken token = AccessToken.of(TOKEN);
        Client client = HmacAuthClient.builder(server(token, AuthVersion.V4, 200, true), token)
                .version(AuthVersion.V4).clock(Clock.fixed(Instant.ofEpochMilli(1_761_100_000_000L), ZoneOffset.UTC)).build();
        ResponseVerificationException e = assertThrows(ResponseVerificationException.class,
                () -> client.execute(post(Map.of()), new Request.Options()));
        assertEquals(ResponseVerificationException.Reason.INVALID_SIGNATURE, e.reason());
    }

    @Test
    void anErrorResponseIsPassedOnUnverified() throws Exception {
        AccessToken token = AccessToken.of(TOKEN);
        Client client = HmacAuthClient.builder(server(token, AuthVersion.V3, 400, true), token)
                .version(AuthVersion.V3).build();
        try (Response r = client.execute(post(Map.of()), new Request.Options())) {
            assertEquals(400, r.status());
        }
    }

    @Test
    void aVerifiedResponseBodyCanStillBeRead() throws Exception {
        AccessToken token = AccessToken.of(TOKEN);
        Client client = HmacAuthClient.builder(server(token, AuthVersion.V4, 200, false), token)
                .version(AuthVersion.V4).clock(Clock.fixed(Instant.ofEpochMilli(1_761_100_000_000L), ZoneOffset.UTC)).build();
        try (Response r = client.execute(post(Map.of()), new Request.Options())) {
            assertEquals("{\"ok\":true}", new String(r.body().asInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
