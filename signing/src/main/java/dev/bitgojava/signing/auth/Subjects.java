package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.auth.internal.SubjectBuffer;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import java.security.MessageDigest;
import java.security.DigestException;
import java.util.Locale;

/**
 * Builds the signed subjects of every auth version into this thread's {@link SubjectBuffer} and MACs them. The
 * one place where subject layouts are defined; signers, verifiers and the public {@code *Subject} helpers all
 * go through it.
 */
final class Subjects {

    private static final byte[] EMPTY = new byte[0];

    private Subjects() {
    }

    /** Upper-cases an HTTP method; BitGo's SDK name {@code del} (any case) becomes {@code DELETE}. */
    static String method(String method) {
        if (method == null || method.isEmpty()) {
            throw new SigningException("HTTP method is missing");
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return "DEL".equals(upper) ? "DELETE" : upper;
    }

    static String requirePath(String path) {
        if (path == null || path.isEmpty()) {
            throw new SigningException("request path is missing");
        }
        return path;
    }

    static String requireRequestId(AuthVersion version, String authRequestId) {
        if (version == AuthVersion.V4 && (authRequestId == null || authRequestId.isEmpty())) {
            throw new SigningException("auth V4 needs a request id");
        }
        return authRequestId;
    }

    /** SHA-256 of the body into {@code buf.digest}. */
    static void bodyHash(SubjectBuffer buf, byte[] body) {
        MessageDigest md = TokenHash.sha256();
        md.update(body == null ? EMPTY : body);
        try {
            md.digest(buf.digest, 0, 32);
        } catch (DigestException e) {
            throw new SigningException("SHA-256 failed", e);
        }
    }

    /**
     * Writes a request subject. {@code bodyHashHex} must be given for V4 (it is also a header) and is ignored
     * otherwise.
     */
    static SubjectBuffer request(AuthVersion v, String method, String path, byte[] body, long wireTimestamp,
                                 String bodyHashHex, String authRequestId) {
        SubjectBuffer b = SubjectBuffer.get();
        switch (v) {
            case V2:
                b.decimal(wireTimestamp).put('|').utf8(path).put('|');
                appendBody(b, body);
                break;
            case V3:
                b.utf8(method).put('|').decimal(wireTimestamp).put('|').utf8(v.headerValue()).put('|')
                        .utf8(path).put('|');
                appendBody(b, body);
                break;
            case V4:
                b.decimal(wireTimestamp).put('\n').utf8(method).put('\n').utf8(path).put('\n')
                        .utf8(bodyHashHex).put('\n').utf8(authRequestId).put('\n');
                break;
            default:
                throw new IllegalStateException();
        }
        return b;
    }

    /** Writes a response subject; the timestamp is the header text as received (or as it will be sent). */
    static SubjectBuffer response(AuthVersion v, String method, String path, int status, String timestamp,
                                  byte[] body, String authRequestId) {
        String ts = timestamp == null ? "" : timestamp;
        switch (v) {
            case V2: {
                SubjectBuffer b = SubjectBuffer.get();
                b.utf8(ts).put('|').utf8(path).put('|').decimal(status).put('|');
                appendBody(b, body);
                return b;
            }
            case V3: {
                SubjectBuffer b = SubjectBuffer.get();
                b.utf8(method).put('|').utf8(ts).put('|').utf8(path).put('|').decimal(status).put('|');
                appendBody(b, body);
                return b;
            }
            case V4: {
                SubjectBuffer b = SubjectBuffer.get();
                bodyHash(b, body);
                b.utf8(ts).put('\n').utf8(method).put('\n').utf8(path).put('\n').decimal(status).put('\n')
                        .hex(b.digest, 0, 32).put('\n').utf8(authRequestId == null ? "" : authRequestId).put('\n');
                return b;
            }
            default:
                throw new IllegalStateException();
        }
    }

    private static void appendBody(SubjectBuffer b, byte[] body) {
        if (body != null) {
            b.put(body, 0, body.length);
        }
    }

    /** HMAC-SHA256 of the buffer's bytes into {@code buf.digest}. */
    static void mac(AccessToken token, SubjectBuffer buf) {
        Mac mac = token.mac();
        mac.update(buf.array(), 0, buf.length());
        try {
            mac.doFinal(buf.digest, 0);
        } catch (ShortBufferException e) {
            throw new SigningException("HMAC output buffer too small", e);
        }
    }

    /**
     * Constant-time comparison of the MAC in {@code buf.digest} with a received hex header (either case,
     * exactly 64 digits; anything else never matches).
     */
    static boolean matches(SubjectBuffer buf, String receivedHex) {
        byte[] received = dev.bitgojava.signing.internal.Hex.decodeStrict(receivedHex, 32);
        if (received == null) {
            // Still compare, so that a malformed header costs the same as a wrong one.
            MessageDigest.isEqual(buf.digest, new byte[32]);
            return false;
        }
        return MessageDigest.isEqual(buf.digest, received);
    }
}
