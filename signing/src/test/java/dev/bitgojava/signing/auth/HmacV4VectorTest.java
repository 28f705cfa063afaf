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

import static dev.bitgojava.signing.auth.HmacVectorTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Auth V4 request and response signing against {@code hmac-v4.json}, computed by BitGo's sdk-hmac. */
class HmacV4VectorTest {

    @TestFactory
    Stream<DynamicNode> hmacV4Vectors() {
        return VectorFiles.tests("hmac-v4.json", Map.of(
                "request", this::request,
                "pathWithQuery", this::pathWithQuery,
                "response", this::response,
                "responseHmacHeader", this::response));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private void request(VectorCase c) {
        JsonNode in = c.input();
        AccessToken token = AccessToken.of(c.in("rawToken"));
        String originalMethod = textOrNull(in, "xOriginalMethod");
        String method = originalMethod != null ? originalMethod : c.in("requestMethod");
        String direct = textOrNull(in, "pathWithQueryGivenDirectly");
        String path = direct != null ? direct : PathWithQuery.of(textOrNull(in, "xOriginalUri"), textOrNull(in, "requestUrl"));
        byte[] body = hex(in.get("body").get("bytesHex").asText());
        long clockMs = in.get("clockMs").asLong();
        String id = c.in("authRequestId");

        RequestSignature sig = new RequestSigner(token, AuthVersion.V4).sign(method, path, body, clockMs, id);
        byte[] preimage = RequestSigner.requestSubject(AuthVersion.V4, method, path, body, clockMs, id);
        JsonNode ex = c.expected();
        assertEquals(c.out("method"), Subjects.method(method), "method");
        assertEquals(c.out("pathWithQuery"), path, "pathWithQuery");
        assertEquals(ex.get("timestampSec").asLong(), AuthVersion.V4.wireTimestamp(clockMs), "timestampSec");
        assertEquals(c.out("bodyHashHex"), TokenHash.sha256Hex(body), "bodyHashHex");
        assertEquals(c.out("preimage"), new String(preimage, StandardCharsets.UTF_8), "preimage");
        assertEquals(c.out("preimageUtf8Hex"), Hex.encode(preimage), "preimage bytes");
        assertEquals(c.out("hmac"), sig.hmac(), "hmac");

        JsonNode result = ex.get("headersResult");
        assertEquals(result.get("hmac").asText(), sig.hmac(), "headersResult.hmac");
        assertEquals(result.get("timestampSec").asText(), sig.timestamp(), "headersResult.timestampSec");
        assertEquals(result.get("bodyHashHex").asText(), sig.contentSha256(), "headersResult.bodyHashHex");
        assertEquals(result.get("authRequestId").asText(), sig.authRequestId(), "headersResult.authRequestId");

        Map<String, String> headers = sig.headers();
        for (Iterator<Map.Entry<String, JsonNode>> it = ex.get("documentedHeaders").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            assertEquals(h.getValue().asText(), headers.get(h.getKey()), h.getKey());
        }
    }

    private void pathWithQuery(VectorCase c) {
        assertEquals(c.out("pathWithQuery"),
                PathWithQuery.of(textOrNull(c.input(), "xOriginalUri"), textOrNull(c.input(), "requestUrl")));
    }

    private void response(VectorCase c) {
        JsonNode in = c.input();
        AccessToken token = AccessToken.of(c.in("rawToken"));
        long clockMs = in.get("clockMs").asLong();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(clockMs), ZoneOffset.UTC);
        byte[] body = hex(in.get("body").get("bytesHex").asText());
        String method = c.in("method");
        String path = c.in("pathWithQuery");
        String id = c.in("authRequestId");
        int status = in.get("statusCode").asInt();
        String timestamp = textOrNull(in, "timestampSec");
        String hmacHeader = textOrNull(in, "hmacHeader");

        ResponseCheck check = new ResponseVerifier(token, AuthVersion.V4, clock)
                .check(method, path, id, status, timestamp, hmacHeader, body);
        byte[] preimage = ResponseVerifier.responseSubject(AuthVersion.V4, method, path, status, timestamp, body, id);
        JsonNode ex = c.expected();
        assertEquals(c.out("bodyHashHex"), TokenHash.sha256Hex(body), "bodyHashHex");
        assertEquals(c.out("preimage"), new String(preimage, StandardCharsets.UTF_8), "preimage");
        assertEquals(c.out("expectedHmac"), check.expectedHmac(), "expectedHmac");
        JsonNode result = ex.get("verifyResult");
        assertEquals(result.get("isValid").asBoolean(), check.hmacValid(), "isValid");
        assertEquals(result.get("expectedHmac").asText(), check.expectedHmac(), "verifyResult.expectedHmac");
        assertEquals(result.get("preimage").asText(), new String(preimage, StandardCharsets.UTF_8), "verifyResult.preimage");
        assertEquals(result.get("isInResponseValidityWindow").asBoolean(), check.inValidityWindow(), "window");
        assertEquals(result.get("verificationTime").asLong(), clock.millis(), "verificationTime");
    }
}
