package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.internal.Hex;
import dev.bitgojava.signing.auth.internal.SubjectBuffer;

import java.util.Objects;

/**
 * Signs a response the way BitGo's server does: the counterpart of {@link ResponseVerifier}, for test servers
 * and fakes. Pure and thread-safe.
 */
public final class ResponseSigner {

    private final AccessToken token;
    private final AuthVersion version;

    /** A response signer for one token and auth version. */
    public ResponseSigner(AccessToken token, AuthVersion version) {
        this.token = Objects.requireNonNull(token, "token");
        this.version = Objects.requireNonNull(version, "version");
    }

    /**
     * Signs a response to a request.
     *
     * @param method        the request's HTTP method
     * @param pathWithQuery the request's path and query as received on the request line
     * @param authRequestId V4: the request's {@code X-Auth-Request-Id}; ignored by V2/V3
     * @param status        the response status code
     * @param body          the exact response body bytes (null means empty)
     * @param epochMillis   the server clock reading
     */
    public ResponseSignature sign(String method, String pathWithQuery, String authRequestId, int status,
                                  byte[] body, long epochMillis) {
        String ts = Long.toString(version.wireTimestamp(epochMillis));
        return signWithTimestamp(method, pathWithQuery, authRequestId, status, body, ts);
    }

    /** Signs with a given timestamp text (lets tests produce stale, future or malformed timestamps). */
    public ResponseSignature signWithTimestamp(String method, String pathWithQuery, String authRequestId,
                                               int status, byte[] body, String timestamp) {
        String m = Subjects.method(method);
        String path = Subjects.requirePath(pathWithQuery);
        SubjectBuffer buf = Subjects.response(version, m, path, status, timestamp, body, authRequestId);
        Subjects.mac(token, buf, Subjects.tail(version, body));
        return new ResponseSignature(timestamp, Hex.encode(buf.digest, 0, 32));
    }
}
