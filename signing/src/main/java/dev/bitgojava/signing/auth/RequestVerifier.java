package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.auth.internal.SubjectBuffer;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks a request's authentication headers the way a BitGo server would: the counterpart of
 * {@link RequestSigner}, for test servers and fakes. Pure and thread-safe.
 *
 * <p>The auth version comes from the request's {@code BitGo-Auth-Version} header. The request timestamp must lie in
 * the same window a client applies to responses (V3: ms, V4: s; V2: none), an assumption since BitGo's server
 * rules are not public.
 */
public final class RequestVerifier {

    private final Clock clock;

    /** A verifier reading the given clock for the validity window. */
    public RequestVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks one request.
     *
     * @param token         the token the server holds for the bearer value presented
     * @param method        the request's HTTP method
     * @param pathWithQuery the request-line path and query as received
     * @param body          the request body bytes as received (null means empty)
     * @param header        looks up a request header by name (case-insensitively), null when absent
     */
    public RequestCheck check(AccessToken token, String method, String pathWithQuery, byte[] body,
                              Function<String, String> header) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(header, "header");
        boolean authorized = token.matchesAuthorization(header.apply(AuthHeaders.AUTHORIZATION));
        String declared = header.apply(AuthHeaders.AUTH_VERSION);
        if (declared == null) {
            return new RequestCheck(null, authorized, false, false, null, null);
        }
        AuthVersion version;
        try {
            version = AuthVersion.fromHeaderValue(declared);
        } catch (SigningException e) {
            return new RequestCheck(null, authorized, false, false, null, null);
        }
        boolean v4 = version == AuthVersion.V4;
        String ts = header.apply(v4 ? AuthHeaders.V4_TIMESTAMP : AuthHeaders.AUTH_TIMESTAMP);
        String hmac = header.apply(v4 ? AuthHeaders.V4_SIGNATURE : AuthHeaders.HMAC);
        String id = v4 ? header.apply(AuthHeaders.V4_AUTH_REQUEST_ID) : null;
        long wireTs;
        try {
            wireTs = Long.parseLong(ts == null ? "" : ts);
        } catch (NumberFormatException e) {
            return new RequestCheck(version, authorized, false, false, ts, id);
        }
        if (v4 && (id == null || id.isEmpty())) {
            return new RequestCheck(version, authorized, false, false, ts, id);
        }
        String m = Subjects.method(method);
        String path = Subjects.requirePath(pathWithQuery);
        SubjectBuffer buf = SubjectBuffer.get();
        if (v4) {
            Subjects.requestV4(buf, m, path, wireTs, body, id);
        } else {
            Subjects.request(buf, version, m, path, wireTs);
        }
        Subjects.mac(token, buf, Subjects.tail(version, body));
        boolean valid = Subjects.matches(buf, hmac);
        boolean inWindow = version.isInValidityWindow(ts, clock.millis());
        return new RequestCheck(version, authorized, valid, inWindow, ts, id);
    }
}
