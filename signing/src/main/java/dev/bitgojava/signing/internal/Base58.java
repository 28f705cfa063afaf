package dev.bitgojava.signing.internal;

import java.security.MessageDigest;
import java.util.Arrays;

/** Bitcoin's Base58 alphabet and Base58Check (payload followed by the first four bytes of double SHA-256). */
public final class Base58 {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEX[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    /** Base58 text of the bytes, one leading {@code 1} per leading zero byte. */
    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] digits = Arrays.copyOf(input, input.length);
        char[] out = new char[input.length * 2];
        int outStart = out.length;
        for (int start = zeros; start < digits.length; ) {
            int remainder = 0;
            for (int i = start; i < digits.length; i++) {
                int value = (remainder << 8) | (digits[i] & 0xFF);
                digits[i] = (byte) (value / 58);
                remainder = value % 58;
            }
            out[--outStart] = ALPHABET[remainder];
            if (digits[start] == 0) {
                start++;
            }
        }
        while (outStart < out.length && out[outStart] == ALPHABET[0]) {
            outStart++;
        }
        while (--zeros >= 0) {
            out[--outStart] = ALPHABET[0];
        }
        return new String(out, outStart, out.length - outStart);
    }

    /** The bytes of Base58 text, or {@code null} when it holds a character outside the alphabet. */
    public static byte[] decode(String input) {
        if (input.isEmpty()) {
            return new byte[0];
        }
        byte[] input58 = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                return null;
            }
            input58[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < input58.length && input58[zeros] == 0) {
            zeros++;
        }
        byte[] out = new byte[input.length()];
        int outStart = out.length;
        for (int start = zeros; start < input58.length; ) {
            int remainder = 0;
            for (int i = start; i < input58.length; i++) {
                int value = remainder * 58 + (input58[i] & 0xFF);
                input58[i] = (byte) (value / 256);
                remainder = value % 256;
            }
            out[--outStart] = (byte) remainder;
            if (input58[start] == 0) {
                start++;
            }
        }
        while (outStart < out.length && out[outStart] == 0) {
            outStart++;
        }
        return Arrays.copyOfRange(out, outStart - zeros, out.length);
    }

    /** Base58Check text of the payload. */
    public static String encodeChecked(byte[] payload) {
        byte[] full = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(checksum(payload, payload.length), 0, full, payload.length, 4);
        return encode(full);
    }

    /**
     * The payload of Base58Check text, or {@code null} when the text holds a character outside the alphabet, is
     * shorter than a checksum, or its checksum does not match.
     */
    public static byte[] decodeChecked(String input) {
        byte[] raw = input == null ? null : decode(input);
        if (raw == null || raw.length < 4) {
            return null;
        }
        int length = raw.length - 4;
        if (!MessageDigest.isEqual(checksum(raw, length), Arrays.copyOfRange(raw, length, raw.length))) {
            return null;
        }
        return Arrays.copyOf(raw, length);
    }

    /** The first four bytes of SHA-256(SHA-256(data[0..length))). */
    public static byte[] checksum(byte[] data, int length) {
        return Arrays.copyOf(Hashes.sha256(Hashes.sha256(data, 0, length)), 4);
    }
}
