package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.bitcoin.internal.ByteWriter;
import dev.bitgojava.signing.internal.Hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One input of a {@link RawTransaction}: the outpoint it spends, its scriptSig, sequence and witness stack.
 * Immutable: arrays are copied in and out.
 */
public final class TxIn {

    /** The sequence number that disables relative lock time and replace-by-fee signalling: 0xffffffff. */
    public static final int SEQUENCE_FINAL = 0xffffffff;

    private final byte[] prevTxid;
    private final int vout;
    private final byte[] scriptSig;
    private final int sequence;
    private final List<byte[]> witness;

    /**
     * An input.
     *
     * @param prevTxid  the spent transaction's id, 32 bytes in internal (serialised, not display) order
     * @param vout      the spent output's index (unsigned 32-bit)
     * @param scriptSig the unlocking script, empty for segwit inputs
     * @param sequence  the sequence number (unsigned 32-bit)
     * @param witness   the witness stack, empty when the input has none
     */
    public TxIn(byte[] prevTxid, int vout, byte[] scriptSig, int sequence, List<byte[]> witness) {
        Objects.requireNonNull(prevTxid, "prevTxid");
        if (prevTxid.length != 32) {
            throw new TransactionFormatException("prevTxid must be 32 bytes, got " + prevTxid.length);
        }
        this.prevTxid = prevTxid.clone();
        this.vout = vout;
        this.scriptSig = scriptSig == null ? new byte[0] : scriptSig.clone();
        this.sequence = sequence;
        this.witness = copyStack(witness);
    }

    /** An unsigned input: empty scriptSig and witness. */
    public TxIn(byte[] prevTxid, int vout, int sequence) {
        this(prevTxid, vout, null, sequence, List.of());
    }

    static List<byte[]> copyStack(List<byte[]> stack) {
        if (stack == null || stack.isEmpty()) {
            return List.of();
        }
        List<byte[]> copy = new ArrayList<>(stack.size());
        for (byte[] item : stack) {
            copy.add(Objects.requireNonNull(item, "witness item").clone());
        }
        return Collections.unmodifiableList(copy);
    }

    /** The spent transaction's id in internal byte order (the reverse of the displayed txid). */
    public byte[] prevTxid() {
        return prevTxid.clone();
    }

    /** The spent transaction's id as displayed (byte-reversed hex). */
    public String prevTxidHex() {
        return RawTransaction.reversedHex(prevTxid);
    }

    /** The spent output's index (unsigned 32-bit). */
    public int vout() {
        return vout;
    }

    /** The unlocking script (empty when none). */
    public byte[] scriptSig() {
        return scriptSig.clone();
    }

    /** The sequence number (unsigned 32-bit). */
    public int sequence() {
        return sequence;
    }

    /** The witness stack, copied (empty when none). */
    public List<byte[]> witness() {
        return copyStack(witness);
    }

    /** Whether the input carries witness items. */
    public boolean hasWitness() {
        return !witness.isEmpty();
    }

    /** This input with another scriptSig. */
    public TxIn withScriptSig(byte[] newScriptSig) {
        return new TxIn(prevTxid, vout, newScriptSig, sequence, witness);
    }

    /** This input with another witness stack. */
    public TxIn withWitness(List<byte[]> newWitness) {
        return new TxIn(prevTxid, vout, scriptSig, sequence, newWitness);
    }

    /** This input with empty scriptSig and witness. */
    public TxIn unsigned() {
        return new TxIn(prevTxid, vout, null, sequence, List.of());
    }

    void writeOutpoint(ByteWriter out) {
        out.write(prevTxid).writeInt32(vout);
    }

    void writeTo(ByteWriter out) {
        writeOutpoint(out);
        out.writeVarBytes(scriptSig).writeInt32(sequence);
    }

    void writeWitness(ByteWriter out) {
        out.writeCompactSize(witness.size());
        for (byte[] item : witness) {
            out.writeVarBytes(item);
        }
    }

    byte[] prevTxidRef() {
        return prevTxid;
    }

    byte[] scriptSigRef() {
        return scriptSig;
    }

    List<byte[]> witnessRef() {
        return witness;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TxIn other)) {
            return false;
        }
        if (vout != other.vout || sequence != other.sequence || !Arrays.equals(prevTxid, other.prevTxid)
                || !Arrays.equals(scriptSig, other.scriptSig) || witness.size() != other.witness.size()) {
            return false;
        }
        for (int i = 0; i < witness.size(); i++) {
            if (!Arrays.equals(witness.get(i), other.witness.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prevTxid) * 31 + vout;
    }

    @Override
    public String toString() {
        return "TxIn{" + prevTxidHex() + ":" + Integer.toUnsignedString(vout) + ", scriptSig=" + Hex.encode(scriptSig)
                + ", sequence=" + Integer.toHexString(sequence) + ", witnessItems=" + witness.size() + "}";
    }
}
