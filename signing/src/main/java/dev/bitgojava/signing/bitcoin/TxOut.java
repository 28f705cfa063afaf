package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.bitcoin.internal.ByteWriter;
import dev.bitgojava.signing.internal.Hex;

import java.util.Arrays;
import java.util.Objects;

/** One output of a transaction: a value in satoshis and the locking script. Immutable. */
public final class TxOut {

    private final long value;
    private final byte[] scriptPubKey;

    /**
     * An output.
     *
     * @param value        the amount in satoshis (a signed 64-bit value on the wire)
     * @param scriptPubKey the locking script
     */
    public TxOut(long value, byte[] scriptPubKey) {
        this.value = value;
        this.scriptPubKey = Objects.requireNonNull(scriptPubKey, "scriptPubKey").clone();
    }

    /** The amount in satoshis. */
    public long value() {
        return value;
    }

    /** The locking script, copied. */
    public byte[] scriptPubKey() {
        return scriptPubKey.clone();
    }

    byte[] scriptPubKeyRef() {
        return scriptPubKey;
    }

    void writeTo(ByteWriter out) {
        out.writeInt64(value).writeVarBytes(scriptPubKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxOut other && value == other.value && Arrays.equals(scriptPubKey, other.scriptPubKey);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value) * 31 + Arrays.hashCode(scriptPubKey);
    }

    @Override
    public String toString() {
        return "TxOut{" + value + " sat, " + Hex.encode(scriptPubKey) + "}";
    }
}
