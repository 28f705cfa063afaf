package dev.bitgojava.signing.auth;

import java.util.Map;

/**
 * The signature headers of one response, as computed by {@link ResponseSigner} (the server side).
 *
 * @param timestamp the {@code timestamp} header value (ms for V2/V3, s for V4)
 * @param hmac      the {@code hmac} header value, lowercase hex
 */
public record ResponseSignature(String timestamp, String hmac) {

    /** The headers to send: {@code hmac} and {@code timestamp}. */
    public Map<String, String> headers() {
        return Map.of(AuthHeaders.RESPONSE_HMAC, hmac, AuthHeaders.RESPONSE_TIMESTAMP, timestamp);
    }
}
