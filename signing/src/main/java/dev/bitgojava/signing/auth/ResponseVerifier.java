package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.internal.Hex;
import dev.bitgojava.signing.auth.internal.SubjectBuffer;

import java.time.Clock;
import java.util.Objects;

/**
 * Checks the server's {@code hmac}/{@code timestamp} headers on a response: the client half of response
 * signing. Pure and thread-safe; the clock is injected for the validity window.
 *
 * <p>Rules, as BitGo's SDK applies them: only 2xx responses are verified ({@link #appliesTo}); the HMAC is
 * compared in constant time; then V3 requires {@code now-300 s <= timestamp <= now+60 s} (ms) and V4 the same in
 * whole seconds; V2 has no window. Legacy tokens sign nothing, so there is nothing to verify.
 */
public final class ResponseVerifier {

    private final AccessToken token;
    private final AuthVersion version;
    private final Clock clock;

    /** A verifier for one token, auth version and clock. */
    public ResponseVerifier(AccessToken token, AuthVersion version, Clock clock) {
        this.token = Objects.requireNonNull(token, "token");
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a response with this status is verified at all: only 2xx (errors become API errors first). */
    public static boolean appliesTo(int status) {
        return status >= 200 && status < 300;
    }

    /** Whether this verifier checks anything: false for a legacy token, which signs nothing. */
    public boolean enabled() {
        return token.hmacEligible();
    }

    /**
     * Checks a response without throwing.
     *
     * @param method          the request's HTTP method
     * @param pathWithQuery   the request's path and query as sent
     * @param authRequestId   V4: the request's id; ignored by V2/V3
     * @param status          the response status code
     * @param timestampHeader the response's {@code timestamp} header, or null
     * @param hmacHeader      the response's {@code hmac} header, or null
     * @param body            the exact response body bytes (null means empty)
     */
    public ResponseCheck check(String method, String pathWithQuery, String authRequestId, int status,
                               String timestampHeader, String hmacHeader, byte[] body) {
        SubjectBuffer buf = macResponse(method, pathWithQuery, authRequestId, status, timestampHeader, body);
        boolean valid = timestampHeader != null && Subjects.matches(buf, hmacHeader);
        String expected = Hex.encode(buf.digest, 0, 32);
        boolean inWindow = version.isInValidityWindow(timestampHeader, clock.millis());
        return new ResponseCheck(valid, inWindow, version.enforcesValidityWindow(), expected);
    }

    /** MACs a response's subject into this thread's buffer ({@code digest}), the body straight from its array. */
    private SubjectBuffer macResponse(String method, String pathWithQuery, String authRequestId, int status,
                                      String timestampHeader, byte[] body) {
        String m = Subjects.method(method);
        String path = Subjects.requirePath(pathWithQuery);
        SubjectBuffer buf = Subjects.response(version, m, path, status, timestampHeader, body, authRequestId);
        Subjects.mac(token, buf, Subjects.tail(version, body));
        return buf;
    }

    /**
     * Verifies a response, in BitGo's order: the HMAC first, then the window.
     *
     * @throws ResponseVerificationException when the signature is missing or wrong, or the timestamp is stale
     */
    public void verify(String method, String pathWithQuery, String authRequestId, int status,
                       String timestampHeader, String hmacHeader, byte[] body) {
        if (hmacHeader == null || timestampHeader == null) {
            throw new ResponseVerificationException(ResponseVerificationException.Reason.MISSING_SIGNATURE);
        }
        // The same checks as check(), without building the expected HMAC's hex or a result object.
        SubjectBuffer buf = macResponse(method, pathWithQuery, authRequestId, status, timestampHeader, body);
        if (!Subjects.matches(buf, hmacHeader)) {
            throw new ResponseVerificationException(ResponseVerificationException.Reason.INVALID_SIGNATURE);
        }
        if (version.enforcesValidityWindow() && !version.isInValidityWindow(timestampHeader, clock.millis())) {
            throw new ResponseVerificationException(ResponseVerificationException.Reason.OUTSIDE_VALIDITY_WINDOW);
        }
    }

    /** The exact bytes a response's HMAC covers (for diagnostics and tests). */
    public static byte[] responseSubject(AuthVersion version, String method, String pathWithQuery, int status,
                                         String timestampHeader, byte[] body, String authRequestId) {
        Objects.requireNonNull(version, "version");
        return Subjects.bytes(Subjects.response(version, Subjects.method(method), Subjects.requirePath(pathWithQuery),
                status, timestampHeader, body, authRequestId), Subjects.tail(version, body));
    }
}
