package dev.bitgojava.signing.auth;

/**
 * The header names of BitGo request authentication and response signing.
 *
 * <p>V2/V3 names are those BitGo's SDK sends and reads. The V4 request names are the ones documented in
 * BitGo's {@code sdk-hmac} package; BitGo defines no V4 response header names, so V4 responses use the same
 * {@code hmac}/{@code timestamp} pair as V2/V3 (an assumption, kept in one place here).
 */
public final class AuthHeaders {

    /** {@code Authorization}: {@code Bearer <sha256hex(token)>}, or the raw token for legacy tokens. */
    public static final String AUTHORIZATION = "Authorization";
    /** {@code Auth-Timestamp} (V2/V3): milliseconds since the epoch. */
    public static final String AUTH_TIMESTAMP = "Auth-Timestamp";
    /** {@code HMAC} (V2/V3): lowercase hex HMAC-SHA256 of the request subject. */
    public static final String HMAC = "HMAC";
    /** {@code BitGo-Auth-Version}: {@code 2.0}, {@code 3.0} or {@code 4.0}. */
    public static final String AUTH_VERSION = "BitGo-Auth-Version";
    /** {@code X-Signature} (V4): lowercase hex HMAC-SHA256 of the request preimage. */
    public static final String V4_SIGNATURE = "X-Signature";
    /** {@code X-Request-Timestamp} (V4): whole seconds since the epoch. */
    public static final String V4_TIMESTAMP = "X-Request-Timestamp";
    /** {@code X-Content-SHA256} (V4): lowercase hex SHA-256 of the body bytes. */
    public static final String V4_CONTENT_SHA256 = "X-Content-SHA256";
    /** {@code X-Auth-Request-Id} (V4): the caller-chosen request id that binds the response to the request. */
    public static final String V4_AUTH_REQUEST_ID = "X-Auth-Request-Id";
    /** {@code hmac}: the server's response signature. */
    public static final String RESPONSE_HMAC = "hmac";
    /** {@code timestamp}: the timestamp the server signed its response with. */
    public static final String RESPONSE_TIMESTAMP = "timestamp";

    /** Every request header a signer may set; a signer removes all of them before adding its own. */
    public static final java.util.List<String> ALL_REQUEST_HEADERS = java.util.List.of(
            AUTHORIZATION, AUTH_TIMESTAMP, HMAC, AUTH_VERSION,
            V4_SIGNATURE, V4_TIMESTAMP, V4_CONTENT_SHA256, V4_AUTH_REQUEST_ID);

    private AuthHeaders() {
    }
}
