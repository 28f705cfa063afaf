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

    /** 58^5, the largest power of 58 below 2^32: five Base58 digits travel as one 32-bit limb. */
    private static final long POW5 = 58L * 58 * 58 * 58 * 58;
    private static final long[] POW = {1, 58, 58 * 58, 58 * 58 * 58, 58L * 58 * 58 * 58};

    /** Base58 text of the bytes, one leading {@code 1} per leading zero byte. */
    public static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // The number as big-endian 32-bit limbs, then divided by 58^5 repeatedly: five digits per division.
        int byteCount = input.length - zeros;
        int limbCount = (byteCount + 3) / 4;
        int[] limbs = new int[limbCount];
        for (int i = zeros; i < input.length; i++) {
            int fromEnd = input.length - 1 - i;
            limbs[limbCount - 1 - fromEnd / 4] |= (input[i] & 0xFF) << (8 * (fromEnd % 4));
        }
        // log(256)/log(58) < 1.3658, plus one group of five for rounding.
        char[] out = new char[zeros + byteCount * 13658 / 10000 + 6];
        int outStart = out.length;
        int first = 0;
        while (first < limbCount) {
            long remainder = 0;
            for (int i = first; i < limbCount; i++) {
                long value = (remainder << 32) | (limbs[i] & 0xFFFFFFFFL);
                limbs[i] = (int) (value / POW5);
                remainder = value % POW5;
            }
            while (first < limbCount && limbs[first] == 0) {
                first++;
            }
            for (int d = 0; d < 5; d++) {
                out[--outStart] = ALPHABET[(int) (remainder % 58)];
                remainder /= 58;
            }
        }
        while (outStart < out.length && out[outStart] == ALPHABET[0]) {
            outStart++;
        }
        for (int i = 0; i < zeros; i++) {
            out[--outStart] = ALPHABET[0];
        }
        return new String(out, outStart, out.length - outStart);
    }

    /** The bytes of Base58 text, or {@code null} when it holds a character outside the alphabet. */
    public static byte[] decode(String input) {
        int length = input.length();
        int zeros = 0;
        while (zeros < length && input.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        // The number as little-endian 32-bit limbs; digits are taken five at a time (multiply by 58^5, add).
        // log(58)/log(2^32) < 0.18305 limbs per digit, plus one.
        int[] limbs = new int[(length - zeros) * 18305 / 100000 + 2];
        int used = 0;
        int i = zeros;
        while (i < length) {
            int take = Math.min(5, length - i);
            long group = 0;
            for (int k = 0; k < take; k++) {
                char c = input.charAt(i + k);
                int digit = c < 128 ? INDEX[c] : -1;
                if (digit < 0) {
                    return null;
                }
                group = group * 58 + digit;
            }
            i += take;
            long multiplier = take == 5 ? POW5 : POW[take];
            long carry = group;
            for (int j = 0; j < used; j++) {
                long value = (limbs[j] & 0xFFFFFFFFL) * multiplier + carry;
                limbs[j] = (int) value;
                carry = value >>> 32;
            }
            if (carry != 0) {
                limbs[used++] = (int) carry;
            }
        }
        int significant = used * 4;
        while (significant > 0 && (limbs[(significant - 1) / 4] >>> (8 * ((significant - 1) % 4)) & 0xFF) == 0) {
            significant--;
        }
        byte[] out = new byte[zeros + significant];
        for (int b = 0; b < significant; b++) {
            out[out.length - 1 - b] = (byte) (limbs[b / 4] >>> (8 * (b % 4)));
        }
        return out;
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
