package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.auth.internal.SubjectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Computes the authentication headers of a request: the client half of BitGo's Auth V2/V3/V4.
 *
 * <p>Pure and thread-safe: the caller supplies the clock reading, the exact path-with-query of the request line
 * and the exact body bytes that go on the wire. A legacy (non-eligible) token yields only
 * {@code Authorization: Bearer <token>}.
 */
public final class RequestSigner {

    private final AccessToken token;
    private final AuthVersion version;

    /** A signer for one token and auth version. */
    public RequestSigner(AccessToken token, AuthVersion version) {
        this.token = Objects.requireNonNull(token, "token");
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The auth version this signer uses. */
    public AuthVersion version() {
        return version;
    }

    /** The token this signer uses. */
    public AccessToken token() {
        return token;
    }

    /**
     * Signs one request.
     *
     * @param method        the HTTP method (any case; {@code del} means DELETE)
     * @param pathWithQuery the request-line path and query exactly as sent, e.g. {@code /api/v2/wallets?limit=2}
     * @param body          the exact body bytes sent, or null/empty when there is none
     * @param epochMillis   the clock reading at send time
     * @param authRequestId V4: a fresh id per request (required); ignored by V2/V3
     * @throws SigningException on a missing method, path or (V4) request id
     */
    public RequestSignature sign(String method, String pathWithQuery, byte[] body, long epochMillis,
                                 String authRequestId) {
        if (!token.hmacEligible()) {
            return new RequestSignature(null, token.authorizationHeaderValue(), null, null, null, null);
        }
        String m = Subjects.method(method);
        String path = Subjects.requirePath(pathWithQuery);
        String id = Subjects.requireRequestId(version, authRequestId);
        long ts = version.wireTimestamp(epochMillis);
        SubjectBuffer buf = SubjectBuffer.get();
        String bodyHash = null;
        if (version == AuthVersion.V4) {
            int hexAt = Subjects.requestV4(buf, m, path, ts, body, id);
            bodyHash = new String(buf.array(), hexAt, 64, StandardCharsets.ISO_8859_1);
        } else {
            Subjects.request(buf, version, m, path, ts);
        }
        Subjects.mac(token, buf, Subjects.tail(version, body));
        String hmac = Subjects.macHex(buf);
        return new RequestSignature(version, token.authorizationHeaderValue(), Long.toString(ts), hmac,
                bodyHash, version == AuthVersion.V4 ? id : null);
    }

    /**
     * The exact bytes a request's HMAC covers (for diagnostics and tests): the same layout {@link #sign} MACs.
     */
    public static byte[] requestSubject(AuthVersion version, String method, String pathWithQuery, byte[] body,
                                        long epochMillis, String authRequestId) {
        Objects.requireNonNull(version, "version");
        String m = Subjects.method(method);
        String path = Subjects.requirePath(pathWithQuery);
        String id = Subjects.requireRequestId(version, authRequestId);
        long ts = version.wireTimestamp(epochMillis);
        SubjectBuffer buf = SubjectBuffer.get();
        if (version == AuthVersion.V4) {
            Subjects.requestV4(buf, m, path, ts, body, id);
        } else {
            Subjects.request(buf, version, m, path, ts);
        }
        return Subjects.bytes(buf, Subjects.tail(version, body));
    }

    @Override
    public String toString() {
        return "RequestSigner[" + version + ", " + token + "]";
    }
}
