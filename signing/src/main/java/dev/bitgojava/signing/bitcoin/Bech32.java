package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.internal.Bits;

import java.util.Locale;

/**
 * Segwit addresses: bech32 (BIP 173) for witness version 0 and bech32m (BIP 350) for versions 1 to 16.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUES[CHARSET.charAt(i)] = i;
        }
    }

    private Bech32() {
    }

    /** A decoded segwit address: human-readable part, witness version and witness program. */
    public record SegwitAddress(String hrp, int witnessVersion, byte[] program) {

        /** The output script paying to this address: {@code OP_n <program>}. */
        public byte[] scriptPubKey() {
            byte[] script = new byte[2 + program.length];
            script[0] = (byte) (witnessVersion == 0 ? 0 : 0x50 + witnessVersion);
            script[1] = (byte) program.length;
            System.arraycopy(program, 0, script, 2, program.length);
            return script;
        }
    }

    /**
     * Encodes a segwit address ({@code bc}, {@code tb}, {@code bcrt}, … as {@code hrp}).
     *
     * @throws AddressFormatException for an invalid version or program length
     */
    public static String encodeSegwitAddress(String hrp, int witnessVersion, byte[] program) {
        checkProgram(witnessVersion, program);
        byte[] data5 = convertBits(program, 8, 5, true);
        byte[] values = new byte[1 + data5.length];
        values[0] = (byte) witnessVersion;
        System.arraycopy(data5, 0, values, 1, data5.length);
        String lowerHrp = hrp.toLowerCase(Locale.ROOT);
        int constant = witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST;
        int checksum = polymod(lowerHrp, values, new byte[6]) ^ constant;
        StringBuilder out = new StringBuilder(lowerHrp.length() + 1 + values.length + 6);
        out.append(lowerHrp).append('1');
        for (byte v : values) {
            out.append(CHARSET.charAt(v));
        }
        for (int i = 0; i < 6; i++) {
            out.append(CHARSET.charAt((checksum >>> (5 * (5 - i))) & 31));
        }
        return out.toString();
    }

    /**
     * Decodes a segwit address, checking its checksum variant against its witness version.
     *
     * @throws AddressFormatException naming what is wrong
     */
    public static SegwitAddress decodeSegwitAddress(String address) {
        if (address == null || address.length() < 8 || address.length() > 90) {
            throw new AddressFormatException("a segwit address has 8 to 90 characters");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < address.length(); i++) {
            char ch = address.charAt(i);
            if (ch < 33 || ch > 126) {
                throw new AddressFormatException("invalid character in address");
            }
            lower |= ch >= 'a' && ch <= 'z';
            upper |= ch >= 'A' && ch <= 'Z';
        }
        if (lower && upper) {
            throw new AddressFormatException("mixed-case address");
        }
        String s = address.toLowerCase(Locale.ROOT);
        int separator = s.lastIndexOf('1');
        if (separator < 1 || separator + 7 > s.length()) {
            throw new AddressFormatException("missing or misplaced separator '1'");
        }
        String hrp = s.substring(0, separator);
        byte[] values = new byte[s.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            char ch = s.charAt(separator + 1 + i);
            int v = ch < 128 ? VALUES[ch] : -1;
            if (v < 0) {
                throw new AddressFormatException("invalid data character '" + ch + "'");
            }
            values[i] = (byte) v;
        }
        int check = polymod(hrp, values, new byte[0]);
        byte[] data = java.util.Arrays.copyOf(values, values.length - 6);
        if (data.length == 0) {
            throw new AddressFormatException("no witness version");
        }
        int version = data[0];
        int expected = version == 0 ? BECH32_CONST : BECH32M_CONST;
        if (check != expected) {
            throw new AddressFormatException(check == BECH32_CONST || check == BECH32M_CONST
                    ? "wrong checksum variant for witness version " + version : "invalid checksum");
        }
        byte[] program = convertBits(java.util.Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
        checkProgram(version, program);
        return new SegwitAddress(hrp, version, program);
    }

    private static void checkProgram(int version, byte[] program) {
        if (version < 0 || version > 16) {
            throw new AddressFormatException("witness version " + version + " outside 0..16");
        }
        if (program == null || program.length < 2 || program.length > 40) {
            throw new AddressFormatException("witness program must be 2 to 40 bytes");
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            throw new AddressFormatException("a version 0 witness program must be 20 or 32 bytes");
        }
    }

    private static int polymod(String hrp, byte[] values, byte[] tail) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte v : values) {
            chk = step(chk, v);
        }
        for (byte v : tail) {
            chk = step(chk, v);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = (chk & 0x1ffffff) << 5 ^ value;
        if ((top & 1) != 0) {
            chk ^= 0x3b6a57b2;
        }
        if ((top & 2) != 0) {
            chk ^= 0x26508e6d;
        }
        if ((top & 4) != 0) {
            chk ^= 0x1ea119fa;
        }
        if ((top & 8) != 0) {
            chk ^= 0x3d4233dd;
        }
        if ((top & 16) != 0) {
            chk ^= 0x2a1462b3;
        }
        return chk;
    }

    private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        byte[] out = Bits.regroup(in, from, to, pad);
        if (out == null) {
            throw new AddressFormatException("invalid padding in address data");
        }
        return out;
    }
}
