package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client and server halves agree with each other, and reject what they must. */
class AuthRoundTripTest {

    private static final String TOKEN = "v2x" + "ab".repeat(32);
    private static final long NOW = 1_761_100_000_123L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"address\":\"2N1\",\"amount\":\"1000\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/api/v2/tbtc/wallet/abc/sendcoins?x=a%20b";

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(headers);
        return m;
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aSignedRequestPassesTheServerCheck(AuthVersion version) {
        AccessToken token = AccessToken.of(TOKEN);
        Map<String, String> headers = caseInsensitive(
                new RequestSigner(token, version).sign("post", PATH, BODY, NOW, "req-1").headers());
        RequestCheck check = new RequestVerifier(CLOCK).check(token, "POST", PATH, BODY, headers::get);
        assertEquals(version, check.version());
        assertTrue(check.accepted(token));
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aRequestWithAnotherBodyFailsTheServerCheck(AuthVersion version) {
        AccessToken token = AccessToken.of(TOKEN);
        Map<String, String> headers = caseInsensitive(
                new RequestSigner(token, version).sign("POST", PATH, BODY, NOW, "req-1").headers());
        byte[] other = "{\"address\":\"2N1\",\"amount\":\"9000\"}".getBytes(StandardCharsets.UTF_8);
        RequestCheck check = new RequestVerifier(CLOCK).check(token, "POST", PATH, other, headers::get);
        assertFalse(check.hmacValid());
        assertFalse(check.accepted(token));
    }

    @ParameterizedTest
    @EnumSource(AuthVersion.class)
    void aSignedResponsePassesTheClientCheck(AuthVersion version) {
        AccessToken token = AccessToken.of(TOKEN);
        ResponseSignature sig = new ResponseSigner(token, version).sign("GET", PATH, "req-2", 200, BODY, NOW - 1000);
        new ResponseVerifier(token, version, CLOCK).verify("GET", PATH, "req-2", 200, sig.timestamp(), sig.hmac(), BODY);
    }

    @ParameterizedTest
    @EnumSource(value = AuthVersion.class, names = {"V3", "V4"})
    void aStaleResponseIsRejectedWhereTheWindowIsEnforced(AuthVersion version) {
        AccessToken token = AccessToken.of(TOKEN);
        ResponseSignature sig = new ResponseSigner(token, version).sign("GET", PATH, "r", 200, BODY, NOW - 301_000);
        ResponseVerificationException e = assertThrows(ResponseVerificationException.class,
                () -> new ResponseVerifier(token, version, CLOCK).verify("GET", PATH, "r", 200, sig.timestamp(), sig.hmac(), BODY));
        assertEquals(ResponseVerificationException.Reason.OUTSIDE_VALIDITY_WINDOW, e.reason());
    }

    @Test
    void aStaleV2ResponseIsAcceptedAsBitGosSdkDoes() {
        AccessToken token = AccessToken.of(TOKEN);
        ResponseSignature sig = new ResponseSigner(token, AuthVersion.V2).sign("GET", PATH, null, 200, BODY, NOW - 3_600_000);
        ResponseCheck check = new ResponseVerifier(token, AuthVersion.V2, CLOCK)
                .check("GET", PATH, null, 200, sig.timestamp(), sig.hmac(), BODY);
        assertFalse(check.inValidityWindow());
        assertTrue(check.accepted());
    }

    @Test
    void anUpperCaseHexSignatureIsAcceptedAndAMalformedOneIsNot() {
        AccessToken token = AccessToken.of(TOKEN);
        ResponseSignature sig = new ResponseSigner(token, AuthVersion.V3).sign("GET", PATH, null, 200, BODY, NOW);
        ResponseVerifier verifier = new ResponseVerifier(token, AuthVersion.V3, CLOCK);
        assertTrue(verifier.check("GET", PATH, null, 200, sig.timestamp(), sig.hmac().toUpperCase(), BODY).hmacValid());
        assertFalse(verifier.check("GET", PATH, null, 200, sig.timestamp(), sig.hmac() + "0", BODY).hmacValid());
        assertFalse(verifier.check("GET", PATH, null, 200, sig.timestamp(), "0x" + sig.hmac().substring(2), BODY).hmacValid());
    }

    @Test
    void aMissingSignatureIsReportedAsMissing() {
        ResponseVerifier verifier = new ResponseVerifier(AccessToken.of(TOKEN), AuthVersion.V2, CLOCK);
        ResponseVerificationException e = assertThrows(ResponseVerificationException.class,
                () -> verifier.verify("GET", PATH, null, 200, Long.toString(NOW), null, BODY));
        assertEquals(ResponseVerificationException.Reason.MISSING_SIGNATURE, e.reason());
    }

    @Test
    void v4NeedsARequestId() {
        RequestSigner signer = new RequestSigner(AccessToken.of(TOKEN), AuthVersion.V4);
        assertThrows(SigningException.class, () -> signer.sign("GET", PATH, null, NOW, null));
    }

    @Test
    void badTokensAreTypedErrors() {
        assertThrows(SigningException.class, () -> AccessToken.of(null));
        assertThrows(SigningException.class, () -> AccessToken.of(""));
        assertThrows(SigningException.class, () -> AccessToken.of("v2x abc"));
    }

    @Test
    void theTokenNeverAppearsInStrings() {
        AccessToken token = AccessToken.of(TOKEN);
        RequestSigner signer = new RequestSigner(token, AuthVersion.V3);
        String hash = TokenHash.of(TOKEN);
        for (String s : List.of(token.toString(), signer.toString(), signer.sign("GET", PATH, null, NOW, null).toString())) {
            assertFalse(s.contains(TOKEN), s);
            assertFalse(s.contains(hash), s);
        }
    }

    @Test
    void signingFromManyThreadsGivesTheSameResultAsFromOne() throws Exception {
        RequestSigner signer = new RequestSigner(AccessToken.of(TOKEN), AuthVersion.V3);
        String expected = signer.sign("POST", PATH, BODY, NOW, null).hmac();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!expected.equals(signer.sign("POST", PATH, BODY, NOW, null).hmac())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
