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
     * Writes the head of a V2/V3 request subject into {@code b}: everything before the body, which is MAC'd
     * straight from the caller's array (see {@link #tail}). V4 subjects are written by {@link #requestV4}.
     */
    static void request(SubjectBuffer b, AuthVersion v, String method, String path, long wireTimestamp) {
        switch (v) {
            case V2:
                b.decimal(wireTimestamp).put('|').utf8(path).put('|');
                break;
            case V3:
                b.utf8(method).put('|').decimal(wireTimestamp).put('|').utf8(v.headerValue()).put('|')
                        .utf8(path).put('|');
                break;
            default:
                throw new IllegalStateException("not a V2/V3 request subject: " + v);
        }
    }

    /**
     * Writes a whole V4 request subject, the body entering as its SHA-256 (left in {@code digest}), and returns
     * where the body hash's 64 hex digits start in the buffer, so the {@code X-Content-SHA256} header can be cut
     * from the subject instead of being encoded twice.
     */
    static int requestV4(SubjectBuffer b, String method, String path, long wireTimestamp, byte[] body,
                         String authRequestId) {
        bodyHash(b, body);
        b.decimal(wireTimestamp).put('\n').utf8(method).put('\n').utf8(path).put('\n');
        int hexAt = b.length();
        b.hex(b.digest, 0, 32).put('\n').utf8(authRequestId).put('\n');
        return hexAt;
    }

    /** Appends the lowercase hex of the 32-byte MAC in {@code buf.digest} to the buffer and returns it as text. */
    static String macHex(SubjectBuffer b) {
        int at = b.length();
        b.hex(b.digest, 0, 32);
        return new String(b.array(), at, 64, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the head of a response subject (everything before the body; all of it for V4, whose body enters as
     * its SHA-256); the timestamp is the header text as received (or as it will be sent).
     */
    static SubjectBuffer response(AuthVersion v, String method, String path, int status, String timestamp,
                                  byte[] body, String authRequestId) {
        String ts = timestamp == null ? "" : timestamp;
        switch (v) {
            case V2: {
                SubjectBuffer b = SubjectBuffer.get();
                b.utf8(ts).put('|').utf8(path).put('|').decimal(status).put('|');
                return b;
            }
            case V3: {
                SubjectBuffer b = SubjectBuffer.get();
                b.utf8(method).put('|').utf8(ts).put('|').utf8(path).put('|').decimal(status).put('|');
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

    /** What follows the head in a subject: the body for V2/V3 (null counts as empty), nothing for V4. */
    static byte[] tail(AuthVersion v, byte[] body) {
        return v == AuthVersion.V4 || body == null ? EMPTY : body;
    }

    /** The whole subject, head and tail, as one array (diagnostics and tests; signing never builds it). */
    static byte[] bytes(SubjectBuffer head, byte[] tail) {
        byte[] out = java.util.Arrays.copyOf(head.array(), head.length() + tail.length);
        System.arraycopy(tail, 0, out, head.length(), tail.length);
        return out;
    }

    /**
     * HMAC-SHA256 of the head's bytes followed by {@code tail} into {@code head.digest}. The tail (a body of any
     * size) goes into the MAC from the caller's array: it is never copied.
     */
    static void mac(AccessToken token, SubjectBuffer head, byte[] tail) {
        Mac mac = token.mac();
        mac.update(head.array(), 0, head.length());
        if (tail.length > 0) {
            mac.update(tail, 0, tail.length);
        }
        try {
            mac.doFinal(head.digest, 0);
        } catch (ShortBufferException e) {
            throw new SigningException("HMAC output buffer too small", e);
        }
    }

    /**
     * Constant-time comparison of the MAC in {@code buf.digest} with a received hex header (either case,
     * exactly 64 digits; anything else never matches).
     */
    static boolean matches(SubjectBuffer buf, String receivedHex) {
        // Decode the received hex once into scratch space and compare bytes: no string of ours is built.
        byte[] received = buf.received;
        boolean wellFormed = receivedHex != null && receivedHex.length() == 64;
        for (int i = 0; i < 32; i++) {
            int hi = wellFormed ? hexValue(receivedHex.charAt(2 * i)) : 0;
            int lo = wellFormed ? hexValue(receivedHex.charAt(2 * i + 1)) : 0;
            wellFormed &= hi >= 0 && lo >= 0;
            received[i] = (byte) ((hi << 4) | lo);
        }
        // A malformed header is still compared, so that it costs the same as a wrong one.
        boolean equal = MessageDigest.isEqual(buf.digest, received);
        return equal && wellFormed;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
