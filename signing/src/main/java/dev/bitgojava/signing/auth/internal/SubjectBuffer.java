package dev.bitgojava.signing.auth.internal;

import dev.bitgojava.signing.internal.Hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A per-thread, reusable byte buffer that signing subjects are written into before they are MAC'd, so that
 * signing allocates (almost) nothing once a thread is warm. Not thread-safe: obtain it with {@link #get()}.
 */
public final class SubjectBuffer {

    private static final ThreadLocal<SubjectBuffer> LOCAL = ThreadLocal.withInitial(SubjectBuffer::new);
    private static final int SHRINK_ABOVE = 1 << 20;

    private byte[] bytes = new byte[1024];
    private int length;
    /** Scratch space for a 32-byte digest or MAC. */
    public final byte[] digest = new byte[32];
    /** Scratch space for a received 32-byte MAC, decoded from hex. */
    public final byte[] received = new byte[32];

    private SubjectBuffer() {
    }

    /** This thread's buffer, emptied. */
    public static SubjectBuffer get() {
        SubjectBuffer b = LOCAL.get();
        if (b.bytes.length > SHRINK_ABOVE) {
            b.bytes = new byte[1024];
        }
        b.length = 0;
        return b;
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] array() {
        return bytes;
    }

    /** The number of bytes written. */
    public int length() {
        return length;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    /** Appends one byte. */
    public SubjectBuffer put(char asciiChar) {
        ensure(1);
        bytes[length++] = (byte) asciiChar;
        return this;
    }

    /** Appends bytes. */
    public SubjectBuffer put(byte[] in, int off, int len) {
        ensure(len);
        System.arraycopy(in, off, bytes, length, len);
        length += len;
        return this;
    }

    /** Appends the UTF-8 encoding of a string (ASCII is copied without allocation). */
    public SubjectBuffer utf8(String s) {
        int n = s.length();
        if (n > 16) {
            // The JDK encodes a Latin-1 string with a vectorised scan and one copy: faster than a charAt loop.
            byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
            return put(encoded, 0, encoded.length);
        }
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                return put(rest, 0, rest.length);
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    /** Appends the decimal digits of a number. */
    public SubjectBuffer decimal(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return utf8(Long.toString(v));
            }
            put('-');
            v = -v;
        }
        ensure(20);
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    /** Appends the lowercase hex of bytes. */
    public SubjectBuffer hex(byte[] in, int off, int len) {
        ensure(len * 2);
        Hex.encodeInto(in, off, len, bytes, length);
        length += len * 2;
        return this;
    }
}
