package dev.bitgojava.signing.utxo.internal;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Segwit address encoding (BIP173 bech32 for version 0, BIP350 bech32m for versions 1 to 16). */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;

    private Bech32() {
    }

    /** A decoded segwit address: witness version and program. */
    public record Segwit(int version, byte[] program) {
    }

    /** Encodes a witness program as a segwit address with the given human-readable part. */
    public static String encode(String hrp, int version, byte[] program) {
        byte[] data5 = convertBits(program, 8, 5, true);
        byte[] values = new byte[data5.length + 1];
        values[0] = (byte) version;
        System.arraycopy(data5, 0, values, 1, data5.length);
        int constant = version == 0 ? BECH32_CONST : BECH32M_CONST;
        byte[] checksum = checksum(hrp, values, constant);
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + values.length + 6);
        sb.append(hrp).append('1');
        for (byte v : values) {
            sb.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            sb.append(CHARSET.charAt(v));
        }
        return sb.toString();
    }

    /** Decodes a segwit address of the expected hrp, or returns null if it is not a valid one. */
    public static Segwit decode(String hrp, String address) {
        if (address.length() > 90 || address.length() < 8) {
            return null;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
            return null;
        }
        int sep = lower.lastIndexOf('1');
        if (sep < 1 || sep + 7 > lower.length() || !lower.substring(0, sep).equals(hrp)) {
            return null;
        }
        byte[] values = new byte[lower.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(lower.charAt(sep + 1 + i));
            if (v < 0) {
                return null;
            }
            values[i] = (byte) v;
        }
        int polymod = polymod(expand(hrp, values));
        byte[] data = java.util.Arrays.copyOf(values, values.length - 6);
        if (data.length < 1) {
            return null;
        }
        int version = data[0];
        int expectedConst = version == 0 ? BECH32_CONST : BECH32M_CONST;
        if (polymod != expectedConst || version > 16) {
            return null;
        }
        byte[] program;
        try {
            program = convertBits(java.util.Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (program.length < 2 || program.length > 40 || (version == 0 && program.length != 20 && program.length != 32)) {
            return null;
        }
        return new Segwit(version, program);
    }

    private static byte[] checksum(String hrp, byte[] values, int constant) {
        byte[] enc = expand(hrp, values);
        byte[] withZeros = java.util.Arrays.copyOf(enc, enc.length + 6);
        int mod = polymod(withZeros) ^ constant;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static byte[] expand(String hrp, byte[] values) {
        int n = hrp.length();
        byte[] out = new byte[n * 2 + 1 + values.length];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
        }
        out[n] = 0;
        System.arraycopy(values, 0, out, 2 * n + 1, values.length);
        return out;
    }

    private static int polymod(byte[] values) {
        int chk = 1;
        for (byte v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
            if ((top & 1) != 0) chk ^= 0x3b6a57b2;
            if ((top & 2) != 0) chk ^= 0x26508e6d;
            if ((top & 4) != 0) chk ^= 0x1ea119fa;
            if ((top & 8) != 0) chk ^= 0x3d4233dd;
            if ((top & 16) != 0) chk ^= 0x2a1462b3;
        }
        return chk;
    }

    /** Regroups bits (8 to 5 with padding, or 5 to 8 without); throws IllegalArgumentException on bad padding. */
    public static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
        for (byte b : in) {
            int value = b & 0xff;
            if ((value >>> from) != 0) {
                throw new IllegalArgumentException("value out of range");
            }
            acc = (acc << from) | value;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            throw new IllegalArgumentException("invalid padding");
        }
        return out.toByteArray();
    }
}
