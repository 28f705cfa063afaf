package dev.bitgojava.signing.utxo.internal;

import dev.bitgojava.signing.internal.Bits;

import java.util.Locale;

/** Bitcoin Cash CashAddr encoding of P2PKH and P2SH hashes. */
public final class CashAddr {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private CashAddr() {
    }

    /** A decoded CashAddr: type 0 = P2PKH, 1 = P2SH; 20-byte hash. */
    public record Decoded(int type, byte[] hash) {
    }

    /** Encodes a 20-byte hash with the prefix; type 0 = P2PKH, 1 = P2SH. */
    public static String encode(String prefix, int type, byte[] hash20) {
        byte[] payload = new byte[21];
        payload[0] = (byte) (type << 3);
        System.arraycopy(hash20, 0, payload, 1, 20);
        byte[] data = Bits.regroup(payload, 8, 5, true);
        long mod = polymod(prefix, data, true);
        StringBuilder sb = new StringBuilder(prefix).append(':');
        for (byte d : data) {
            sb.append(CHARSET.charAt(d));
        }
        for (int i = 0; i < 8; i++) {
            sb.append(CHARSET.charAt((int) ((mod >>> (5 * (7 - i))) & 31)));
        }
        return sb.toString();
    }

    /** Decodes a CashAddr of the given prefix (the prefix may be omitted), or null if invalid. */
    public static Decoded decode(String prefix, String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
            return null;
        }
        String body = lower;
        int colon = lower.indexOf(':');
        if (colon >= 0) {
            if (!lower.substring(0, colon).equals(prefix)) {
                return null;
            }
            body = lower.substring(colon + 1);
        }
        if (body.length() != 42) {
            return null;
        }
        byte[] values = new byte[body.length()];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(body.charAt(i));
            if (v < 0) {
                return null;
            }
            values[i] = (byte) v;
        }
        if (polymod(prefix, values, false) != 0) {
            return null;
        }
        byte[] payload = Bits.regroup(java.util.Arrays.copyOf(values, values.length - 8), 5, 8, false);
        if (payload == null || payload.length != 21 || (payload[0] & 0x07) != 0) {
            return null;
        }
        int type = (payload[0] & 0xff) >>> 3;
        return new Decoded(type, java.util.Arrays.copyOfRange(payload, 1, 21));
    }

    private static long polymod(String prefix, byte[] data, boolean withTemplate) {
        long c = 1;
        int total = prefix.length() + 1 + data.length + (withTemplate ? 8 : 0);
        for (int i = 0; i < total; i++) {
            int d;
            if (i < prefix.length()) {
                d = prefix.charAt(i) & 31;
            } else if (i == prefix.length()) {
                d = 0;
            } else if (i - prefix.length() - 1 < data.length) {
                d = data[i - prefix.length() - 1];
            } else {
                d = 0;
            }
            long c0 = c >>> 35;
            c = ((c & 0x07ffffffffL) << 5) ^ d;
            if ((c0 & 0x01) != 0) c ^= 0x98f2bc8e61L;
            if ((c0 & 0x02) != 0) c ^= 0x79b76d99e2L;
            if ((c0 & 0x04) != 0) c ^= 0xf33e5fb3c4L;
            if ((c0 & 0x08) != 0) c ^= 0xae2eabe2a8L;
            if ((c0 & 0x10) != 0) c ^= 0x1e4f43e470L;
        }
        return c ^ 1;
    }
}
