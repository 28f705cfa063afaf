package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.TransactionFormatException;

import java.util.Arrays;

/**
 * Reads Bitcoin's little-endian wire encoding from a byte array. Every length is checked against the bytes that
 * remain, so a huge compact size fails at once instead of allocating; every failure is a
 * {@link TransactionFormatException}.
 */
public final class ByteReader {

    private final byte[] data;
    private final int end;
    private int position;

    /** Reads the whole array. */
    public ByteReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Reads {@code data[offset, offset + length)}. */
    public ByteReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("range outside the array");
        }
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    /** The current position in the array. */
    public int position() {
        return position;
    }

    /** How many bytes remain. */
    public int remaining() {
        return end - position;
    }

    /** Whether every byte has been read. */
    public boolean atEnd() {
        return position == end;
    }

    private void need(long count, String what) {
        if (count < 0 || count > remaining()) {
            throw new TransactionFormatException("truncated data: " + what + " needs " + count + " bytes, "
                    + remaining() + " remain");
        }
    }

    /** The next byte, unsigned. */
    public int readUnsignedByte(String what) {
        need(1, what);
        return data[position++] & 0xff;
    }

    /** The next byte without consuming it, or -1 at the end. */
    public int peek(int ahead) {
        int at = position + ahead;
        return at < end ? data[at] & 0xff : -1;
    }

    /** A little-endian 32-bit value. */
    public int readInt32(String what) {
        need(4, what);
        int p = position;
        position += 4;
        return (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | (data[p + 3] & 0xff) << 24;
    }

    /** A little-endian 64-bit value. */
    public long readInt64(String what) {
        long low = readInt32(what) & 0xffffffffL;
        long high = readInt32(what) & 0xffffffffL;
        return low | high << 32;
    }

    /** {@code count} bytes, copied. */
    public byte[] readBytes(long count, String what) {
        need(count, what);
        int n = (int) count;
        byte[] out = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return out;
    }

    /** Skips {@code count} bytes. */
    public void skip(long count, String what) {
        need(count, what);
        position += (int) count;
    }

    /** A compact size (Bitcoin's varint) in canonical (shortest) form, as an unsigned value. */
    public long readCompactSize(String what) {
        int first = readUnsignedByte(what);
        long value;
        long minimum;
        if (first < 0xfd) {
            return first;
        } else if (first == 0xfd) {
            need(2, what);
            value = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8;
            position += 2;
            minimum = 0xfd;
        } else if (first == 0xfe) {
            value = readInt32(what) & 0xffffffffL;
            minimum = 0x10000;
        } else {
            value = readInt64(what);
            minimum = 0x100000000L;
        }
        if (Long.compareUnsigned(value, minimum) < 0) {
            throw new TransactionFormatException("non-canonical compact size for " + what);
        }
        return value;
    }

    /**
     * A compact size that counts items each at least {@code minItemSize} bytes long: fails unless that many items
     * can still fit in the remaining bytes.
     */
    public int readCount(int minItemSize, String what) {
        long count = readCompactSize(what);
        if (count < 0 || count > remaining() / Math.max(1, minItemSize)) {
            throw new TransactionFormatException(what + " count " + Long.toUnsignedString(count)
                    + " exceeds the remaining " + remaining() + " bytes");
        }
        return (int) count;
    }

    /** A compact-size length followed by that many bytes. */
    public byte[] readVarBytes(String what) {
        long length = readCompactSize(what);
        need(length, what);
        return readBytes(length, what);
    }
}
