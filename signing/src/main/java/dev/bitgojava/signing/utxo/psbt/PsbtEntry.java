package dev.bitgojava.signing.utxo.psbt;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One key-value record of a PSBT map. The key holds the compact-size key type followed by the key data.
 *
 * @param key   the whole key (type and key data), never empty
 * @param value the value
 */
public record PsbtEntry(byte[] key, byte[] value) {

    /** A record of a one-byte key type with key data. */
    public static PsbtEntry of(int type, byte[] keyData, byte[] value) {
        byte[] key = new byte[1 + keyData.length];
        key[0] = (byte) type;
        System.arraycopy(keyData, 0, key, 1, keyData.length);
        return new PsbtEntry(key, value);
    }

    /** A record of a one-byte key type without key data. */
    public static PsbtEntry of(int type, byte[] value) {
        return new PsbtEntry(new byte[] {(byte) type}, value);
    }

    /** The key type (for the multi-byte compact-size types, the full value). */
    public long type() {
        int first = key[0] & 0xff;
        if (first < 0xfd) {
            return first;
        }
        int n = first == 0xfd ? 2 : first == 0xfe ? 4 : 8;
        long v = 0;
        for (int i = n; i >= 1 && i < key.length; i--) {
            v = (v << 8) | (key[i] & 0xff);
        }
        return v;
    }

    /** The key data after the key type. */
    public byte[] keyData() {
        int first = key[0] & 0xff;
        int skip = first < 0xfd ? 1 : first == 0xfd ? 3 : first == 0xfe ? 5 : 9;
        return Arrays.copyOfRange(key, Math.min(skip, key.length), key.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PsbtEntry e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value);
    }
}
