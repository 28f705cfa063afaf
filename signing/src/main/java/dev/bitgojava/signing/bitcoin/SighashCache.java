package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.internal.ByteWriter;
import dev.bitgojava.signing.internal.Hashes;

import java.util.List;
import java.util.Objects;

/**
 * Signature hashes of one transaction, with the transaction-wide hashes (BIP 143 hashPrevouts, hashSequence,
 * hashOutputs; BIP 341 sha_prevouts, sha_amounts, sha_scriptpubkeys, sha_sequences, sha_outputs) computed once,
 * on first use, and shared by every input signed through this object. Thread-safe.
 */
public final class SighashCache {

    private static final byte[] ZERO32 = new byte[32];

    private final RawTransaction tx;
    private final List<TxOut> spentOutputs;

    private volatile byte[] shaPrevouts;
    private volatile byte[] shaSequences;
    private volatile byte[] shaOutputs;
    private volatile byte[] shaAmounts;
    private volatile byte[] shaScriptPubKeys;

    /** A cache for legacy and segwit v0 hashes, which need no spent outputs beyond each input's amount. */
    public SighashCache(RawTransaction tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.spentOutputs = null;
    }

    /**
     * A cache that also computes taproot hashes, which commit to every spent output.
     *
     * @param spentOutputs the output each input spends, one per input, in input order
     */
    public SighashCache(RawTransaction tx, List<TxOut> spentOutputs) {
        this.tx = Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(spentOutputs, "spentOutputs");
        if (spentOutputs.size() != tx.inputs().size()) {
            throw new SigningException("taproot signing needs one spent output per input: " + spentOutputs.size()
                    + " given for " + tx.inputs().size() + " inputs");
        }
        this.spentOutputs = List.copyOf(spentOutputs);
    }

    /** The transaction the hashes are for. */
    public RawTransaction transaction() {
        return tx;
    }

    // ---- transaction-wide single SHA-256 hashes (BIP 341 uses them as they are, BIP 143 hashes them again)

    /** SHA-256 of all outpoints (BIP 341 sha_prevouts). */
    public byte[] shaPrevouts() {
        return shaPrevoutsRef().clone();
    }

    /** SHA-256 of all input sequences (BIP 341 sha_sequences). */
    public byte[] shaSequences() {
        return shaSequencesRef().clone();
    }

    /** SHA-256 of all outputs (BIP 341 sha_outputs). */
    public byte[] shaOutputs() {
        return shaOutputsRef().clone();
    }

    /** SHA-256 of all spent amounts (BIP 341 sha_amounts); needs the spent outputs. */
    public byte[] shaAmounts() {
        return shaAmountsRef().clone();
    }

    /** SHA-256 of all spent scriptPubKeys with their compact-size lengths (BIP 341 sha_scriptpubkeys). */
    public byte[] shaScriptPubKeys() {
        return shaScriptPubKeysRef().clone();
    }

    /** BIP 143 hashPrevouts for SIGHASH_ALL: double SHA-256 of all outpoints. */
    public byte[] hashPrevouts() {
        return sha256(shaPrevoutsRef());
    }

    /** BIP 143 hashSequence for SIGHASH_ALL: double SHA-256 of all sequences. */
    public byte[] hashSequence() {
        return sha256(shaSequencesRef());
    }

    /** BIP 143 hashOutputs for SIGHASH_ALL: double SHA-256 of all outputs. */
    public byte[] hashOutputs() {
        return sha256(shaOutputsRef());
    }

    private byte[] shaPrevoutsRef() {
        byte[] value = shaPrevouts;
        if (value == null) {
            ByteWriter w = new ByteWriter(36 * tx.inputs().size());
            for (TxIn in : tx.inputs()) {
                in.writeOutpoint(w);
            }
            shaPrevouts = value = sha256(w);
        }
        return value;
    }

    private byte[] shaSequencesRef() {
        byte[] value = shaSequences;
        if (value == null) {
            ByteWriter w = new ByteWriter(4 * tx.inputs().size());
            for (TxIn in : tx.inputs()) {
                w.writeInt32(in.sequence());
            }
            shaSequences = value = sha256(w);
        }
        return value;
    }

    private byte[] shaOutputsRef() {
        byte[] value = shaOutputs;
        if (value == null) {
            ByteWriter w = new ByteWriter(40 * tx.outputs().size());
            for (TxOut out : tx.outputs()) {
                out.writeTo(w);
            }
            shaOutputs = value = sha256(w);
        }
        return value;
    }

    private byte[] shaAmountsRef() {
        byte[] value = shaAmounts;
        if (value == null) {
            List<TxOut> spent = requireSpentOutputs();
            ByteWriter w = new ByteWriter(8 * spent.size());
            for (TxOut out : spent) {
                w.writeInt64(out.value());
            }
            shaAmounts = value = sha256(w);
        }
        return value;
    }

    private byte[] shaScriptPubKeysRef() {
        byte[] value = shaScriptPubKeys;
        if (value == null) {
            List<TxOut> spent = requireSpentOutputs();
            ByteWriter w = new ByteWriter(36 * spent.size());
            for (TxOut out : spent) {
                w.writeVarBytes(out.scriptPubKeyRef());
            }
            shaScriptPubKeys = value = sha256(w);
        }
        return value;
    }

    private List<TxOut> requireSpentOutputs() {
        if (spentOutputs == null) {
            throw new SigningException("taproot signature hashes need the spent outputs of every input");
        }
        return spentOutputs;
    }

    private void checkInput(int inputIndex) {
        if (inputIndex < 0 || inputIndex >= tx.inputs().size()) {
            throw new SigningException("input index " + inputIndex + " out of range: the transaction has "
                    + tx.inputs().size() + " inputs");
        }
    }

    // ---- legacy

    /**
     * The original (pre-segwit) signature hash, including its quirks: OP_CODESEPARATORs are removed from the
     * scriptCode, NONE and SINGLE zero the other inputs' sequences, and SIGHASH_SINGLE without a matching output
     * gives the hash {@code 0x01 00..00} (the "SIGHASH_SINGLE bug"). The caller removes its own signature from
     * the scriptCode (FindAndDelete) if needed.
     */
    public byte[] legacy(int inputIndex, byte[] scriptCode, int hashType) {
        checkInput(inputIndex);
        Objects.requireNonNull(scriptCode, "scriptCode");
        int base = hashType & 0x1f;
        boolean anyoneCanPay = (hashType & Sighash.ANYONECANPAY) != 0;
        List<TxIn> inputs = tx.inputs();
        List<TxOut> outputs = tx.outputs();
        if (base == Sighash.SINGLE && inputIndex >= outputs.size()) {
            byte[] one = new byte[32];
            one[0] = 1;
            return one;
        }
        byte[] script = Scripts.withoutCodeSeparators(scriptCode);
        ByteWriter w = new ByteWriter(128 + script.length + 48 * inputs.size() + 40 * outputs.size());
        w.writeInt32(tx.version());
        if (anyoneCanPay) {
            w.writeCompactSize(1);
            TxIn in = inputs.get(inputIndex);
            in.writeOutpoint(w);
            w.writeVarBytes(script);
            w.writeInt32(in.sequence());
        } else {
            w.writeCompactSize(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                TxIn in = inputs.get(i);
                in.writeOutpoint(w);
                if (i == inputIndex) {
                    w.writeVarBytes(script);
                    w.writeInt32(in.sequence());
                } else {
                    w.writeCompactSize(0);
                    w.writeInt32(base == Sighash.NONE || base == Sighash.SINGLE ? 0 : in.sequence());
                }
            }
        }
        if (base == Sighash.NONE) {
            w.writeCompactSize(0);
        } else if (base == Sighash.SINGLE) {
            w.writeCompactSize(inputIndex + 1);
            for (int i = 0; i < inputIndex; i++) {
                w.writeInt64(-1L).writeCompactSize(0);
            }
            outputs.get(inputIndex).writeTo(w);
        } else {
            w.writeCompactSize(outputs.size());
            for (TxOut out : outputs) {
                out.writeTo(w);
            }
        }
        w.writeInt32(tx.lockTime());
        w.writeInt32(hashType);
        return doubleSha256(w);
    }

    // ---- segwit v0 (BIP 143) and the BCH replay-protected form

    /**
     * The BIP 143 preimage with the three intermediate hashes. With the FORKID bit (0x40) set in
     * {@code hashType} this is also Bitcoin Cash's digest: the same algorithm with the full 32-bit hash type.
     *
     * @param scriptCode the script code without its length prefix
     * @param amount     the value of the spent output in satoshis
     */
    public SegwitV0Preimage segwitV0Preimage(int inputIndex, byte[] scriptCode, long amount, int hashType) {
        checkInput(inputIndex);
        Objects.requireNonNull(scriptCode, "scriptCode");
        int base = hashType & 0x1f;
        boolean anyoneCanPay = (hashType & Sighash.ANYONECANPAY) != 0;
        byte[] hashPrevouts = anyoneCanPay ? ZERO32 : hashPrevouts();
        byte[] hashSequence = anyoneCanPay || base == Sighash.SINGLE || base == Sighash.NONE ? ZERO32 : hashSequence();
        byte[] hashOutputs;
        if (base != Sighash.SINGLE && base != Sighash.NONE) {
            hashOutputs = hashOutputs();
        } else if (base == Sighash.SINGLE && inputIndex < tx.outputs().size()) {
            ByteWriter o = new ByteWriter(64);
            tx.outputs().get(inputIndex).writeTo(o);
            hashOutputs = doubleSha256(o);
        } else {
            hashOutputs = ZERO32;
        }
        TxIn in = tx.inputs().get(inputIndex);
        ByteWriter w = new ByteWriter(160 + scriptCode.length);
        w.writeInt32(tx.version());
        w.write(hashPrevouts).write(hashSequence);
        in.writeOutpoint(w);
        w.writeVarBytes(scriptCode);
        w.writeInt64(amount);
        w.writeInt32(in.sequence());
        w.write(hashOutputs);
        w.writeInt32(tx.lockTime());
        w.writeInt32(hashType);
        return new SegwitV0Preimage(w.toByteArray(), hashPrevouts.clone(), hashSequence.clone(), hashOutputs.clone());
    }

    /** The BIP 143 signature hash (double SHA-256 of {@link #segwitV0Preimage}). */
    public byte[] segwitV0(int inputIndex, byte[] scriptCode, long amount, int hashType) {
        return segwitV0Preimage(inputIndex, scriptCode, amount, hashType).sighash();
    }

    /** A BIP 143 preimage and the transaction-wide hashes it contains. */
    public record SegwitV0Preimage(byte[] preimage, byte[] hashPrevouts, byte[] hashSequence, byte[] hashOutputs) {

        /** The signature hash: double SHA-256 of the preimage. */
        public byte[] sighash() {
            return RawTransaction.doubleSha256(preimage);
        }
    }

    // ---- taproot (BIP 341 / BIP 342)

    /**
     * The BIP 341 signature message, prefixed with the epoch byte 0x00 — exactly the bytes that the
     * {@code TapSighash} tagged hash covers.
     *
     * @param hashType     0x00 (DEFAULT), 0x01..0x03 or 0x81..0x83
     * @param leafHashOrNull the tapleaf hash for a script-path spend (BIP 342: key version 0, no code separator
     *                     executed), or null for a key-path spend
     * @param annexOrNull  the annex (starting with 0x50) when the witness has one, else null
     */
    public byte[] taprootSigMsg(int inputIndex, int hashType, byte[] leafHashOrNull, byte[] annexOrNull) {
        checkInput(inputIndex);
        requireSpentOutputs();
        if (!(hashType >= 0 && hashType <= 3) && !(hashType >= 0x81 && hashType <= 0x83)) {
            throw new SigningException("invalid taproot hash type 0x" + Integer.toHexString(hashType));
        }
        if (leafHashOrNull != null && leafHashOrNull.length != 32) {
            throw new SigningException("a tapleaf hash must be 32 bytes");
        }
        if (annexOrNull != null && (annexOrNull.length == 0 || (annexOrNull[0] & 0xff) != 0x50)) {
            throw new SigningException("an annex must start with 0x50");
        }
        int outputType = hashType == Sighash.DEFAULT ? Sighash.ALL : hashType & 3;
        boolean anyoneCanPay = (hashType & Sighash.ANYONECANPAY) != 0;
        if (outputType == Sighash.SINGLE && inputIndex >= tx.outputs().size()) {
            throw new SigningException("SIGHASH_SINGLE for input " + inputIndex + " without a matching output");
        }
        ByteWriter w = new ByteWriter(256);
        w.writeByte(0x00);
        w.writeByte(hashType);
        w.writeInt32(tx.version());
        w.writeInt32(tx.lockTime());
        if (!anyoneCanPay) {
            w.write(shaPrevoutsRef()).write(shaAmountsRef()).write(shaScriptPubKeysRef()).write(shaSequencesRef());
        }
        if (outputType != Sighash.NONE && outputType != Sighash.SINGLE) {
            w.write(shaOutputsRef());
        }
        int spendType = (leafHashOrNull != null ? 2 : 0) | (annexOrNull != null ? 1 : 0);
        w.writeByte(spendType);
        if (anyoneCanPay) {
            TxIn in = tx.inputs().get(inputIndex);
            in.writeOutpoint(w);
            spentOutputs.get(inputIndex).writeTo(w);
            w.writeInt32(in.sequence());
        } else {
            w.writeInt32(inputIndex);
        }
        if (annexOrNull != null) {
            ByteWriter a = new ByteWriter(annexOrNull.length + 9);
            a.writeVarBytes(annexOrNull);
            w.write(sha256(a));
        }
        if (outputType == Sighash.SINGLE) {
            ByteWriter o = new ByteWriter(64);
            tx.outputs().get(inputIndex).writeTo(o);
            w.write(sha256(o));
        }
        if (leafHashOrNull != null) {
            w.write(leafHashOrNull);
            w.writeByte(0x00);
            w.writeInt32(0xffffffff);
        }
        return w.toByteArray();
    }

    /** The BIP 341 signature hash: {@code TapSighash} tagged hash of {@link #taprootSigMsg}. */
    public byte[] taproot(int inputIndex, int hashType, byte[] leafHashOrNull, byte[] annexOrNull) {
        return TaggedHash.of("TapSighash", taprootSigMsg(inputIndex, hashType, leafHashOrNull, annexOrNull));
    }

    // ---- hashing helpers

    private static byte[] sha256(ByteWriter w) {
        return Hashes.sha256(w.buffer(), 0, w.size());
    }

    private static byte[] sha256(byte[] data) {
        return Hashes.sha256(data);
    }

    private static byte[] doubleSha256(ByteWriter w) {
        return Hashes.sha256(sha256(w));
    }
}
