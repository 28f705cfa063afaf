package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.RequestSignature;
import dev.bitgojava.signing.auth.RequestSigner;
import dev.bitgojava.signing.auth.ResponseSigner;
import dev.bitgojava.signing.auth.ResponseSignature;
import dev.bitgojava.signing.auth.ResponseVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Auth V2/V3/V4 request signing of a 300-byte POST and verification of a 2.5 KB response (inputs in
 * {@code bench-inputs.json}). Baseline: one {@code javax.crypto.Mac} (already initialised) over the same subject bytes,
 * plus the SHA-256 of the body for V4 — the work no implementation can avoid.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class AuthBench {

    @Param({"V2", "V3", "V4"})
    public AuthVersion version;

    private String method;
    private String path;
    private byte[] requestBody;
    private String getPath;
    private byte[] responseBody;
    private int status;
    private long timestampMs;
    private String requestId;

    private RequestSigner signer;
    private ResponseVerifier verifier;
    private String responseTimestamp;
    private String responseHmac;

    private Mac mac;
    private MessageDigest sha256;
    private byte[] requestSubject;
    private byte[] responseSubject;

    @Setup
    public void setUp() throws GeneralSecurityException {
        JsonNode in = Vectors.resource("bench-inputs.json");
        String token = in.path("token").asText();
        method = in.path("method").asText();
        path = in.path("path").asText();
        requestBody = in.path("requestBody").asText().getBytes(StandardCharsets.UTF_8);
        getPath = in.path("getPath").asText();
        responseBody = in.path("responseBody").asText().getBytes(StandardCharsets.UTF_8);
        status = in.path("responseStatus").asInt();
        timestampMs = in.path("timestampMs").asLong();
        requestId = in.path("authRequestId").asText();
        Vectors.check(requestBody.length == 300 && responseBody.length == 2500, "body sizes");

        AccessToken accessToken = AccessToken.of(token);
        signer = new RequestSigner(accessToken, version);
        verifier = new ResponseVerifier(accessToken, version, Clock.fixed(Instant.ofEpochMilli(timestampMs), ZoneOffset.UTC));
        ResponseSignature rs = new ResponseSigner(accessToken, version)
                .sign("GET", getPath, requestId, status, responseBody, timestampMs);
        responseTimestamp = rs.timestamp();
        responseHmac = rs.hmac();

        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        sha256 = MessageDigest.getInstance("SHA-256");
        requestSubject = RequestSigner.requestSubject(version, method, path, requestBody, timestampMs, requestId);
        responseSubject = ResponseVerifier.responseSubject(version, "GET", getPath, status, responseTimestamp,
                responseBody, requestId);
        RequestSignature signed = signRequest();
        Vectors.check(signed.hmac().equals(java.util.HexFormat.of().formatHex(mac.doFinal(requestSubject))),
                "request HMAC equals the bare Mac over the subject");
        verifyResponse();
    }

    @Benchmark
    public RequestSignature signRequest() {
        return signer.sign(method, path, requestBody, timestampMs, requestId);
    }

    @Benchmark
    public void verifyResponse() {
        verifier.verify("GET", getPath, requestId, status, responseTimestamp, responseHmac, responseBody);
    }

    @Benchmark
    public byte[] baselineMacRequest() {
        if (version == AuthVersion.V4) {
            sha256.update(requestBody);
            sha256.digest();
        }
        return mac.doFinal(requestSubject);
    }

    @Benchmark
    public byte[] baselineMacResponse() {
        if (version == AuthVersion.V4) {
            sha256.update(responseBody);
            sha256.digest();
        }
        return mac.doFinal(responseSubject);
    }
}
