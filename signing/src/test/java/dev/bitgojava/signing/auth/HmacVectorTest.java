package dev.bitgojava.signing.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.internal.Hex;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auth V2/V3 request and response signing against {@code hmac.json}, computed by BitGo's own SDK. */
class HmacVectorTest {

    @TestFactory
    Stream<DynamicNode> hmacVectors() {
        return VectorFiles.tests("hmac.json", Map.of(
                "request", this::request,
                "subjectEdge", this::subjectEdge,
                "response", this::response));
    }

    static AuthVersion version(JsonNode node) {
        return AuthVersion.fromHeaderValue(node.asText());
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private void request(VectorCase c) {
        AccessToken token = AccessToken.of(c.in("token"));
        AuthVersion version = version(c.input().get("authVersion"));
        byte[] body = hex(c.in("bodyUtf8Hex"));
        assertEquals(c.in("bodyText"), new String(body, StandardCharsets.UTF_8), "vector body text and bytes agree");
        long ts = c.input().get("timestampMs").asLong();
        RequestSignature sig = new RequestSigner(token, version)
                .sign(c.in("sdkMethod"), c.in("pathWithQuery"), body, ts, null);
        Map<String, String> headers = sig.headers();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.expected().get("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getValue().isNull()) {
                assertFalse(headers.containsKey(h.getKey()), h.getKey() + " must not be sent");
            } else {
                assertEquals(h.getValue().asText(), headers.get(h.getKey()), h.getKey());
            }
        }
        if (c.expected().has("subject")) {
            byte[] subject = RequestSigner.requestSubject(version, c.in("sdkMethod"), c.in("pathWithQuery"), body,
                    ts, null);
            assertEquals(c.out("subject"), new String(subject, StandardCharsets.UTF_8), "subject");
            assertEquals(c.out("subjectUtf8Hex"), Hex.encode(subject), "subject bytes");
            assertEquals(c.out("hmac"), sig.hmac(), "hmac");
            assertEquals(c.out("tokenHash"), TokenHash.of(c.in("token")), "token hash");
            assertTrue(token.hmacEligible());
        } else {
            assertFalse(sig.signed(), "a legacy token signs nothing");
            assertFalse(token.hmacEligible());
        }
    }

    private void subjectEdge(VectorCase c) {
        AccessToken token = AccessToken.of(c.in("token"));
        AuthVersion version = version(c.input().get("authVersion"));
        String path = PathWithQuery.of(c.in("url"));
        byte[] body = c.in("text").getBytes(StandardCharsets.UTF_8);
        long ts = c.input().get("timestamp").asLong();
        JsonNode status = c.input().get("statusCode");
        String subject;
        String hmac;
        if (status == null || status.isNull()) {
            subject = new String(RequestSigner.requestSubject(version, c.in("method"), path, body, ts, null),
                    StandardCharsets.UTF_8);
            hmac = new RequestSigner(token, version).sign(c.in("method"), path, body, ts, null).hmac();
        } else {
            String tsText = Long.toString(ts);
            subject = new String(ResponseVerifier.responseSubject(version, c.in("method"), path, status.asInt(),
                    tsText, body, null), StandardCharsets.UTF_8);
            hmac = new ResponseSigner(token, version)
                    .signWithTimestamp(c.in("method"), path, null, status.asInt(), body, tsText).hmac();
        }
        assertEquals(c.out("subject"), subject, "subject");
        assertEquals(c.out("hmac"), hmac, "hmac");
    }

    private void response(VectorCase c) {
        AccessToken token = AccessToken.of(c.in("token"));
        AuthVersion version = version(c.input().get("authVersion"));
        Clock clock = Clock.fixed(Instant.ofEpochMilli(c.input().get("verificationTimeMs").asLong()), ZoneOffset.UTC);
        byte[] body = hex(c.in("responseTextUtf8Hex"));
        assertEquals(c.in("responseText"), new String(body, StandardCharsets.UTF_8), "vector body text and bytes agree");
        int status = c.input().get("statusCode").asInt();
        String method = c.in("sdkMethod");
        String path = c.in("requestPathWithQuery");
        String tsHeader = c.input().get("responseTimestampHeader").isNull() ? null : c.in("responseTimestampHeader");
        String hmacHeader = c.input().get("responseHmacHeader").isNull() ? null : c.in("responseHmacHeader");

        ResponseVerifier verifier = new ResponseVerifier(token, version, clock);
        ResponseCheck check = verifier.check(method, path, null, status, tsHeader, hmacHeader, body);
        byte[] subject = ResponseVerifier.responseSubject(version, method, path, status, tsHeader, body, null);
        assertEquals(c.out("subject"), new String(subject, StandardCharsets.UTF_8), "subject");
        assertEquals(c.out("expectedHmac"), check.expectedHmac(), "expected hmac");
        assertEquals(c.expected().get("hmacMatches").asBoolean(), check.hmacValid(), "hmac matches");
        assertEquals(c.expected().get("isInResponseValidityWindow").asBoolean(), check.inValidityWindow(),
                "in validity window");

        JsonNode outcome = c.expected().get("sdkClientOutcome");
        if (outcome.get("accepted").asBoolean()) {
            assertTrue(ResponseVerifier.appliesTo(status), "accepted responses are successes");
            assertTrue(check.accepted());
            verifier.verify(method, path, null, status, tsHeader, hmacHeader, body);
            return;
        }
        int errorStatus = outcome.get("errorStatus").asInt();
        if (errorStatus == new ResponseVerificationException(ResponseVerificationException.Reason.INVALID_SIGNATURE)
                .statusEquivalent()) {
            assertTrue(ResponseVerifier.appliesTo(status), "only successes are verified");
            assertFalse(check.accepted());
            ResponseVerificationException e = assertThrows(ResponseVerificationException.class,
                    () -> verifier.verify(method, path, null, status, tsHeader, hmacHeader, body));
            assertEquals(outcome.get("errorMessage").asText(), e.getMessage(), "error message");
        } else {
            // An error status becomes an API error before any HMAC check: the error is the response's own.
            assertFalse(ResponseVerifier.appliesTo(status), "error responses are not verified");
            assertEquals(status, errorStatus, "error responses surface their own status");
        }
    }
}
