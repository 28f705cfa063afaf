package dev.bitgojava.signing.keys;

import java.util.Arrays;

/**
 * Stellar's StrKey text form of ed25519 keys, used by BitGo for xlm/txlm keychains: Base32 (RFC 4648 alphabet, no
 * padding) of {@code version byte || 32-byte key || CRC16-XModem} (checksum little-endian). Version 0x30 gives
 * public keys ({@code G…}), 0x90 private seeds ({@code S…}).
 */
public final class StellarStrKey {

    /** Version byte of an account (public key) StrKey. */
    public static final int PUBLIC_KEY_VERSION = 6 << 3;
    /** Version byte of a secret seed StrKey. */
    public static final int SECRET_SEED_VERSION = 18 << 3;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int ENCODED_LENGTH = 56;

    private StellarStrKey() {
    }

    /** The {@code G…} text of a 32-byte ed25519 public key. */
    public static String encodePublicKey(byte[] publicKey) {
        return encode(PUBLIC_KEY_VERSION, publicKey);
    }

    /** The {@code S…} text of a 32-byte ed25519 seed. */
    public static String encodeSecretSeed(byte[] seed) {
        return encode(SECRET_SEED_VERSION, seed);
    }

    /**
     * The 32-byte public key of a {@code G…} text.
     *
     * @throws InvalidStrKeyException when the text is not a valid account StrKey
     */
    public static byte[] decodePublicKey(String text) {
        return decode(PUBLIC_KEY_VERSION, text, "public key (G…)");
    }

    /**
     * The 32-byte seed of an {@code S…} text (the caller should wipe it).
     *
     * @throws InvalidStrKeyException when the text is not a valid secret-seed StrKey
     */
    public static byte[] decodeSecretSeed(String text) {
        return decode(SECRET_SEED_VERSION, text, "secret seed (S…)");
    }

    private static String encode(int version, byte[] key) {
        if (key == null || key.length != 32) {
            throw new InvalidStrKeyException("a StrKey holds exactly 32 key bytes");
        }
        byte[] data = new byte[35];
        data[0] = (byte) version;
        System.arraycopy(key, 0, data, 1, 32);
        int crc = crc16XModem(data, 33);
        data[33] = (byte) crc;
        data[34] = (byte) (crc >>> 8);
        StringBuilder out = new StringBuilder(ENCODED_LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        Arrays.fill(data, (byte) 0);
        return out.toString();
    }

    private static byte[] decode(int version, String text, String what) {
        if (text == null || text.length() != ENCODED_LENGTH) {
            throw new InvalidStrKeyException("not a Stellar " + what + ": a StrKey has 56 characters");
        }
        byte[] data = new byte[35];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(text.charAt(i));
            if (v < 0) {
                throw new InvalidStrKeyException("not a Stellar " + what + ": character outside the Base32 alphabet");
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                data[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new InvalidStrKeyException("not a Stellar " + what + ": non-canonical Base32 padding bits");
        }
        try {
            if ((data[0] & 0xFF) != version) {
                throw new InvalidStrKeyException("not a Stellar " + what + ": version byte 0x"
                        + Integer.toHexString(data[0] & 0xFF) + " instead of 0x" + Integer.toHexString(version));
            }
            int crc = crc16XModem(data, 33);
            if ((data[33] & 0xFF) != (crc & 0xFF) || (data[34] & 0xFF) != (crc >>> 8)) {
                throw new InvalidStrKeyException("not a Stellar " + what + ": the CRC16 checksum does not match");
            }
            return Arrays.copyOfRange(data, 1, 33);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private static int crc16XModem(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }
}
