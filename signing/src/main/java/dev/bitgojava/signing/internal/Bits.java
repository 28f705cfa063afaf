package dev.bitgojava.signing.internal;

/** Regrouping of bit strings, as the bech32 family of address formats (segwit, CashAddr) needs it. */
public final class Bits {

    private Bits() {
    }

    /**
     * Regroups {@code from}-bit values into {@code to}-bit values (8 to 5 with zero padding, or 5 to 8 without).
     * Returns null when a value does not fit in {@code from} bits or, without padding, when the leftover bits
     * are too many or not all zero.
     */
    public static byte[] regroup(byte[] in, int from, int to, boolean pad) {
        int totalBits = in.length * from;
        byte[] out = new byte[pad ? (totalBits + to - 1) / to : totalBits / to];
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        int n = 0;
        for (byte b : in) {
            int value = b & 0xff;
            if ((value >>> from) != 0) {
                return null;
            }
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out[n++] = (byte) ((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out[n] = (byte) ((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            return null;
        }
        return out;
    }
}
