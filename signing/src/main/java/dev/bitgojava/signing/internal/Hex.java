package dev.bitgojava.signing.internal;

import java.nio.charset.StandardCharsets;

/** Lowercase hex encoding and strict decoding, without intermediate objects. */
public final class Hex {

    private Hex() {
    }

    /** The lowercase hex digit of a nibble, without a table lookup: '0' + n, plus 39 more from 10 on ('a' - 10). */
    private static byte digit(int nibble) {
        return (byte) ('0' + nibble + (((9 - nibble) >> 31) & 39));
    }

    /** Lowercase hex of {@code len} bytes of {@code in} starting at {@code off}. */
    public static String encode(byte[] in, int off, int len) {
        byte[] out = new byte[len * 2];
        encodeInto(in, off, len, out, 0);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Lowercase hex of all of {@code in}. */
    public static String encode(byte[] in) {
        return encode(in, 0, in.length);
    }

    /** Writes the lowercase hex digits of {@code len} bytes into {@code out} at {@code at}. */
    public static void encodeInto(byte[] in, int off, int len, byte[] out, int at) {
        for (int i = 0; i < len; i++) {
            int b = in[off + i];
            out[at + 2 * i] = digit((b >>> 4) & 0x0f);
            out[at + 2 * i + 1] = digit(b & 0x0f);
        }
    }

    /**
     * Decodes exactly {@code expectedBytes} bytes of hex (either case) from {@code s}; returns null when
     * {@code s} is null, has another length, or holds any non-hex character.
     */
    public static byte[] decodeStrict(String s, int expectedBytes) {
        if (s == null || s.length() != expectedBytes * 2) {
            return null;
        }
        byte[] out = new byte[expectedBytes];
        for (int i = 0; i < expectedBytes; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || s.charAt(2 * i) > 'f' || s.charAt(2 * i + 1) > 'f') {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /**
     * Decodes hex of any even length (either case); returns null when {@code s} is null, has an odd length, or
     * holds any non-hex character.
     */
    public static byte[] decodeOrNull(String s) {
        if (s == null || (s.length() & 1) != 0) {
            return null;
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(s.charAt(2 * i));
            int lo = digit(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** The value of one ASCII hex digit (either case), or -1. */
    public static int digit(char c) {
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
