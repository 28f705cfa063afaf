package dev.bitgojava.signing.bitcoin.internal;

import java.util.Arrays;

/** A growable buffer that writes Bitcoin's little-endian wire encoding. Not thread-safe. */
public final class ByteWriter {

    private byte[] buffer;
    private int size;

    /** A writer with room for {@code initialCapacity} bytes before it grows. */
    public ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }

    /** Writes one byte. */
    public ByteWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes a little-endian 32-bit value. */
    public ByteWriter writeInt32(int value) {
        ensure(4);
        buffer[size] = (byte) value;
        buffer[size + 1] = (byte) (value >>> 8);
        buffer[size + 2] = (byte) (value >>> 16);
        buffer[size + 3] = (byte) (value >>> 24);
        size += 4;
        return this;
    }

    /** Writes a little-endian 64-bit value. */
    public ByteWriter writeInt64(long value) {
        writeInt32((int) value);
        return writeInt32((int) (value >>> 32));
    }

    /** Writes the bytes as they are. */
    public ByteWriter write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    /** Writes {@code bytes[offset, offset + length)}. */
    public ByteWriter write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Writes a compact size (Bitcoin's varint) in canonical form. */
    public ByteWriter writeCompactSize(long value) {
        if (value >= 0 && value < 0xfd) {
            return writeByte((int) value);
        } else if (value >= 0 && value <= 0xffff) {
            writeByte(0xfd);
            return writeByte((int) value).writeByte((int) (value >>> 8));
        } else if (value >= 0 && value <= 0xffffffffL) {
            writeByte(0xfe);
            return writeInt32((int) value);
        }
        writeByte(0xff);
        return writeInt64(value);
    }

    /** Writes a compact-size length followed by the bytes. */
    public ByteWriter writeVarBytes(byte[] bytes) {
        writeCompactSize(bytes.length);
        return write(bytes);
    }

    /** How many bytes were written. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** The internal buffer (valid up to {@link #size()}); avoids a copy when the bytes are hashed at once. */
    public byte[] buffer() {
        return buffer;
    }

    /** The length of a compact size's encoding. */
    public static int compactSizeLength(long value) {
        if (value >= 0 && value < 0xfd) {
            return 1;
        } else if (value >= 0 && value <= 0xffff) {
            return 3;
        } else if (value >= 0 && value <= 0xffffffffL) {
            return 5;
        }
        return 9;
    }
}
