package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.bitcoin.internal.ByteReader;
import dev.bitgojava.signing.bitcoin.internal.ByteWriter;
import dev.bitgojava.signing.internal.Hashes;
import dev.bitgojava.signing.internal.Hex;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable Bitcoin transaction: version, inputs, outputs and lock time, with the legacy and the BIP 144
 * (segwit marker and flag) serialisations. Parsing never throws anything but {@link TransactionFormatException}.
 */
public final class RawTransaction {

    private static final int MIN_INPUT_SIZE = 41;
    private static final int MIN_OUTPUT_SIZE = 9;

    private final int version;
    private final List<TxIn> inputs;
    private final List<TxOut> outputs;
    private final int lockTime;
    private final boolean hasWitness;

    /**
     * A transaction.
     *
     * @param version  the version (signed 32-bit)
     * @param inputs   the inputs, in order
     * @param outputs  the outputs, in order
     * @param lockTime the lock time (unsigned 32-bit)
     */
    public RawTransaction(int version, List<TxIn> inputs, List<TxOut> outputs, int lockTime) {
        this.version = version;
        this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        this.outputs = List.copyOf(Objects.requireNonNull(outputs, "outputs"));
        this.lockTime = lockTime;
        boolean witness = false;
        for (TxIn in : this.inputs) {
            witness |= in.hasWitness();
        }
        this.hasWitness = witness;
    }

    /** Parses a transaction in either serialisation (legacy, or BIP 144 with marker and flag). */
    public static RawTransaction parse(byte[] bytes) {
        return parse(bytes, true);
    }

    /** Parses hex in either serialisation. */
    public static RawTransaction fromHex(String hex) {
        return parse(decodeHex(hex));
    }

    /**
     * Parses the legacy serialisation only (no marker and flag), as PSBT's unsigned transaction requires; a
     * transaction with no inputs is then read as such rather than as a segwit marker.
     */
    public static RawTransaction parseWithoutWitness(byte[] bytes) {
        return parse(bytes, false);
    }

    private static RawTransaction parse(byte[] bytes, boolean allowWitness) {
        if (bytes == null) {
            throw new TransactionFormatException("no transaction bytes");
        }
        ByteReader reader = new ByteReader(bytes);
        RawTransaction tx = read(reader, allowWitness);
        if (!reader.atEnd()) {
            throw new TransactionFormatException(reader.remaining() + " unexpected bytes after the transaction");
        }
        return tx;
    }

    /** Reads one transaction from the reader, leaving it just after the transaction (for embedding formats). */
    public static RawTransaction read(ByteReader reader, boolean allowWitness) {
        int version = reader.readInt32("version");
        boolean segwit = false;
        if (allowWitness && reader.peek(0) == 0x00) {
            reader.skip(1, "segwit marker");
            int flag = reader.readUnsignedByte("segwit flag");
            if (flag != 0x01) {
                throw new TransactionFormatException("unknown segwit flag " + flag);
            }
            segwit = true;
        }
        int inputCount = reader.readCount(MIN_INPUT_SIZE, "input");
        if (segwit && inputCount == 0) {
            throw new TransactionFormatException("segwit transaction without inputs");
        }
        List<byte[]> prevTxids = new ArrayList<>(inputCount);
        int[] vouts = new int[inputCount];
        List<byte[]> scriptSigs = new ArrayList<>(inputCount);
        int[] sequences = new int[inputCount];
        for (int i = 0; i < inputCount; i++) {
            prevTxids.add(reader.readBytes(32, "input " + i + " previous txid"));
            vouts[i] = reader.readInt32("input " + i + " output index");
            scriptSigs.add(reader.readVarBytes("input " + i + " scriptSig"));
            sequences[i] = reader.readInt32("input " + i + " sequence");
        }
        int outputCount = reader.readCount(MIN_OUTPUT_SIZE, "output");
        List<TxOut> outputs = new ArrayList<>(outputCount);
        for (int i = 0; i < outputCount; i++) {
            long value = reader.readInt64("output " + i + " value");
            outputs.add(new TxOut(value, reader.readVarBytes("output " + i + " scriptPubKey")));
        }
        List<List<byte[]>> witnesses = new ArrayList<>(inputCount);
        boolean anyWitness = false;
        if (segwit) {
            for (int i = 0; i < inputCount; i++) {
                int items = reader.readCount(1, "input " + i + " witness item");
                List<byte[]> stack = new ArrayList<>(items);
                for (int j = 0; j < items; j++) {
                    stack.add(reader.readVarBytes("input " + i + " witness item " + j));
                }
                anyWitness |= items > 0;
                witnesses.add(stack);
            }
            if (!anyWitness) {
                throw new TransactionFormatException("segwit serialisation with only empty witnesses");
            }
        }
        int lockTime = reader.readInt32("lock time");
        List<TxIn> inputs = new ArrayList<>(inputCount);
        for (int i = 0; i < inputCount; i++) {
            inputs.add(new TxIn(prevTxids.get(i), vouts[i], scriptSigs.get(i), sequences[i],
                    segwit ? witnesses.get(i) : List.of()));
        }
        return new RawTransaction(version, inputs, outputs, lockTime);
    }

    /** The version (signed 32-bit). */
    public int version() {
        return version;
    }

    /** The inputs (unmodifiable). */
    public List<TxIn> inputs() {
        return inputs;
    }

    /** The outputs (unmodifiable). */
    public List<TxOut> outputs() {
        return outputs;
    }

    /** The lock time (unsigned 32-bit). */
    public int lockTime() {
        return lockTime;
    }

    /** Whether any input carries a witness, so that {@link #serialize()} uses the BIP 144 form. */
    public boolean hasWitness() {
        return hasWitness;
    }

    /** The network serialisation: BIP 144 (marker, flag, witnesses) when any input has a witness, else legacy. */
    public byte[] serialize() {
        return serialize(hasWitness);
    }

    /** The legacy serialisation without witnesses, the one the txid hashes. */
    public byte[] serializeWithoutWitness() {
        return serialize(false);
    }

    /** {@link #serialize()} as lowercase hex. */
    public String toHex() {
        return Hex.encode(serialize());
    }

    private byte[] serialize(boolean withWitness) {
        ByteWriter out = new ByteWriter(estimateSize());
        writeTo(out, withWitness);
        return out.toByteArray();
    }

    /** Writes the transaction, with witnesses (BIP 144 form) when asked and any input has one. */
    public void writeTo(ByteWriter out, boolean withWitness) {
        boolean segwit = withWitness && hasWitness;
        out.writeInt32(version);
        if (segwit) {
            out.writeByte(0x00).writeByte(0x01);
        }
        out.writeCompactSize(inputs.size());
        for (TxIn in : inputs) {
            in.writeTo(out);
        }
        out.writeCompactSize(outputs.size());
        for (TxOut o : outputs) {
            o.writeTo(out);
        }
        if (segwit) {
            for (TxIn in : inputs) {
                in.writeWitness(out);
            }
        }
        out.writeInt32(lockTime);
    }

    private int estimateSize() {
        int size = 16;
        for (TxIn in : inputs) {
            size += 45 + in.scriptSigRef().length;
            for (byte[] item : in.witnessRef()) {
                size += 3 + item.length;
            }
        }
        for (TxOut o : outputs) {
            size += 11 + o.scriptPubKeyRef().length;
        }
        return size;
    }

    /** The transaction hash in internal byte order: double SHA-256 of the serialisation without witnesses. */
    public byte[] txidBytes() {
        return doubleSha256(serializeWithoutWitness());
    }

    /** The txid as displayed (byte-reversed hex). */
    public String txid() {
        return reversedHex(txidBytes());
    }

    /** The witness transaction id as displayed: the hash of the full serialisation (equals the txid without witnesses). */
    public String wtxid() {
        return reversedHex(doubleSha256(serialize()));
    }

    /** This transaction with one input replaced. */
    public RawTransaction withInput(int index, TxIn input) {
        List<TxIn> copy = new ArrayList<>(inputs);
        copy.set(index, Objects.requireNonNull(input, "input"));
        return new RawTransaction(version, copy, outputs, lockTime);
    }

    /** This transaction with the scriptSig of one input replaced. */
    public RawTransaction withScriptSig(int index, byte[] scriptSig) {
        return withInput(index, inputs.get(index).withScriptSig(scriptSig));
    }

    /** This transaction with the witness of one input replaced. */
    public RawTransaction withWitness(int index, List<byte[]> witness) {
        return withInput(index, inputs.get(index).withWitness(witness));
    }

    /** This transaction with every scriptSig and witness removed (the unsigned form). */
    public RawTransaction unsigned() {
        List<TxIn> copy = new ArrayList<>(inputs.size());
        for (TxIn in : inputs) {
            copy.add(in.unsigned());
        }
        return new RawTransaction(version, copy, outputs, lockTime);
    }

    static byte[] doubleSha256(byte[] data) {
        return Hashes.hash256(data);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static String reversedHex(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return Hex.encode(reversed);
    }

    static byte[] decodeHex(String hex) {
        if (hex == null || (hex.length() & 1) != 0) {
            throw new TransactionFormatException("hex must have an even number of digits");
        }
        byte[] bytes = Hex.decodeOrNull(hex);
        if (bytes == null) {
            throw new TransactionFormatException("invalid hex");
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawTransaction other && version == other.version && lockTime == other.lockTime
                && inputs.equals(other.inputs) && outputs.equals(other.outputs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, inputs, outputs, lockTime);
    }

    @Override
    public String toString() {
        return "RawTransaction{version=" + version + ", inputs=" + inputs.size() + ", outputs=" + outputs.size()
                + ", lockTime=" + Integer.toUnsignedString(lockTime) + "}";
    }
}
