package dev.bitgojava.signing.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The authentication headers of one request, as computed by {@link RequestSigner}.
 *
 * @param version       the auth version signed with, or null for a legacy (plain bearer) token
 * @param authorization the {@code Authorization} value (never null)
 * @param timestamp     the signed timestamp as sent (ms for V2/V3, s for V4), or null when unsigned
 * @param hmac          lowercase hex HMAC-SHA256 of the subject, or null when unsigned
 * @param contentSha256 V4 only: lowercase hex SHA-256 of the body bytes, else null
 * @param authRequestId V4 only: the request id, else null
 */
public record RequestSignature(AuthVersion version, String authorization, String timestamp, String hmac,
                               String contentSha256, String authRequestId) {

    /** Whether the request carries an HMAC (false for a legacy token). */
    public boolean signed() {
        return hmac != null;
    }

    /** Calls {@code sink} once per header to send, in a fixed order. */
    public void forEachHeader(BiConsumer<String, String> sink) {
        sink.accept(AuthHeaders.AUTHORIZATION, authorization);
        if (version == null) {
            return;
        }
        if (version == AuthVersion.V4) {
            sink.accept(AuthHeaders.V4_TIMESTAMP, timestamp);
            sink.accept(AuthHeaders.V4_SIGNATURE, hmac);
            sink.accept(AuthHeaders.V4_CONTENT_SHA256, contentSha256);
            sink.accept(AuthHeaders.V4_AUTH_REQUEST_ID, authRequestId);
        } else {
            sink.accept(AuthHeaders.AUTH_TIMESTAMP, timestamp);
            sink.accept(AuthHeaders.HMAC, hmac);
        }
        sink.accept(AuthHeaders.AUTH_VERSION, version.headerValue());
    }

    /** The headers to send, in a fixed order (an unmodifiable map). */
    public Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>(8);
        forEachHeader(out::put);
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "RequestSignature[version=" + version + ", timestamp=" + timestamp + ", signed=" + signed() + "]";
    }
}
