package dev.bitgojava.signing.eth.internal;

import dev.bitgojava.signing.eth.InvalidEthInputException;
import dev.bitgojava.signing.internal.Hex;

import java.math.BigInteger;
import java.util.Arrays;

/** Hex, address and integer conversions shared by the Ethereum code; every failure is an {@link InvalidEthInputException}. */
public final class EthBytes {

    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

    private EthBytes() {
    }

    /** Lowercase hex of the bytes, without prefix. */
    public static String hex(byte[] bytes) {
        return Hex.encode(bytes);
    }

    /** Lowercase {@code 0x}-prefixed hex of the bytes. */
    public static String prefixedHex(byte[] bytes) {
        return "0x" + hex(bytes);
    }

    /** The value of one hex digit, or -1. */
    public static int digit(char c) {
        return Hex.digit(c);
    }

    /** Strips an optional {@code 0x}/{@code 0X} prefix. */
    public static String stripPrefix(String hex) {
        return hex.length() >= 2 && hex.charAt(0) == '0' && (hex.charAt(1) == 'x' || hex.charAt(1) == 'X')
                ? hex.substring(2) : hex;
    }

    /** Decodes strict even-length hex with an optional {@code 0x} prefix. */
    public static byte[] decodeHex(String hex, String what) {
        if (hex == null) {
            throw new InvalidEthInputException(what + " is missing");
        }
        String body = stripPrefix(hex);
        if ((body.length() & 1) != 0) {
            throw new InvalidEthInputException(what + " has an odd number of hex digits");
        }
        byte[] out = new byte[body.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(body.charAt(2 * i));
            int lo = digit(body.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new InvalidEthInputException(what + " is not hex");
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /**
     * Parses a 20-byte address: {@code 0x} and 40 hex digits. All-lowercase and all-uppercase digits are accepted
     * as they are; mixed case must carry a valid EIP-55 checksum, since a wrong one means a mistyped address.
     */
    public static byte[] parseAddress(String address, String what) {
        if (address == null) {
            throw new InvalidEthInputException(what + " is missing");
        }
        if (address.length() != 42 || !address.startsWith("0x")) {
            throw new InvalidEthInputException(what + " is not an address (0x and 40 hex digits): " + address);
        }
        byte[] bytes = decodeHex(address, what);
        String body = address.substring(2);
        if (!body.equals(body.toLowerCase(java.util.Locale.ROOT)) && !body.equals(body.toUpperCase(java.util.Locale.ROOT))
                && !checksumAddress(bytes).equals(address)) {
            throw new InvalidEthInputException(what + " has mixed case but an invalid EIP-55 checksum: " + address);
        }
        return bytes;
    }

    /** The EIP-55 mixed-case form of a 20-byte address. */
    public static String checksumAddress(byte[] address) {
        String lower = hex(address);
        byte[] hash = Keccak.hash(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(42).append("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> ((i & 1) == 0 ? 4 : 0)) & 0xf;
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** Checks that a value fits a Solidity {@code uint256}. */
    public static BigInteger requireUint256(BigInteger value, String what) {
        if (value == null) {
            throw new InvalidEthInputException(what + " is missing");
        }
        if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
            throw new InvalidEthInputException(what + " is outside 0 .. 2^256-1: " + value);
        }
        return value;
    }

    /** The minimal big-endian bytes of a non-negative integer (empty for zero), as RLP and the JSON view use. */
    public static byte[] minimalBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        int start = 0;
        while (start < raw.length && raw[start] == 0) {
            start++;
        }
        return start == 0 ? raw : Arrays.copyOfRange(raw, start, raw.length);
    }

    /** Writes a non-negative integer as a 32-byte big-endian word at {@code offset}. */
    public static void putWord(byte[] out, int offset, BigInteger value) {
        byte[] minimal = minimalBytes(value);
        System.arraycopy(minimal, 0, out, offset + 32 - minimal.length, minimal.length);
    }

    /** Writes a non-negative long as a 32-byte big-endian word at {@code offset} (the word must be zeroed). */
    public static void putWord(byte[] out, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            out[offset + 31 - i] = (byte) (value >>> (8 * i));
        }
    }

    /** Left-pads to 32 bytes. */
    public static byte[] toBytes32(BigInteger value) {
        byte[] out = new byte[32];
        putWord(out, 0, value);
        return out;
    }
}
