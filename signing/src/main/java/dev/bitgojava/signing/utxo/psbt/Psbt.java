package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.TransactionFormatException;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.bitcoin.internal.ByteReader;
import dev.bitgojava.signing.bitcoin.internal.ByteWriter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A BIP174 version-0 partially signed Bitcoin transaction, with the BIP371 taproot records. Parsing is strict:
 * every malformed input gives a {@link PsbtFormatException} that names the map and record; unknown and
 * proprietary records are kept; records are written back in the order they were read, so a parsed PSBT
 * re-serialises to the same bytes. Not thread-safe: a PSBT is a working document that signers add to; use
 * {@link #copy()} to keep a version.
 */
public final class Psbt {

    /** The PSBT magic bytes {@code psbt 0xff}. */
    private static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};

    public static final int GLOBAL_UNSIGNED_TX = 0x00;
    public static final int GLOBAL_XPUB = 0x01;
    public static final int GLOBAL_VERSION = 0xfb;
    public static final int PROPRIETARY = 0xfc;

    public static final int IN_NON_WITNESS_UTXO = 0x00;
    public static final int IN_WITNESS_UTXO = 0x01;
    public static final int IN_PARTIAL_SIG = 0x02;
    public static final int IN_SIGHASH_TYPE = 0x03;
    public static final int IN_REDEEM_SCRIPT = 0x04;
    public static final int IN_WITNESS_SCRIPT = 0x05;
    public static final int IN_BIP32_DERIVATION = 0x06;
    public static final int IN_FINAL_SCRIPTSIG = 0x07;
    public static final int IN_FINAL_SCRIPTWITNESS = 0x08;
    public static final int IN_RIPEMD160 = 0x0a;
    public static final int IN_SHA256 = 0x0b;
    public static final int IN_HASH160 = 0x0c;
    public static final int IN_HASH256 = 0x0d;
    public static final int IN_TAP_KEY_SIG = 0x13;
    public static final int IN_TAP_SCRIPT_SIG = 0x14;
    public static final int IN_TAP_LEAF_SCRIPT = 0x15;
    public static final int IN_TAP_BIP32_DERIVATION = 0x16;
    public static final int IN_TAP_INTERNAL_KEY = 0x17;
    public static final int IN_TAP_MERKLE_ROOT = 0x18;

    public static final int OUT_REDEEM_SCRIPT = 0x00;
    public static final int OUT_WITNESS_SCRIPT = 0x01;
    public static final int OUT_BIP32_DERIVATION = 0x02;
    public static final int OUT_TAP_INTERNAL_KEY = 0x05;
    public static final int OUT_TAP_TREE = 0x06;
    public static final int OUT_TAP_BIP32_DERIVATION = 0x07;

    private final PsbtMap global;
    private final List<PsbtMap> inputs;
    private final List<PsbtMap> outputs;
    private RawTransaction unsignedTx;

    private Psbt(PsbtMap global, List<PsbtMap> inputs, List<PsbtMap> outputs, RawTransaction unsignedTx) {
        this.global = global;
        this.inputs = inputs;
        this.outputs = outputs;
        this.unsignedTx = unsignedTx;
    }

    // ------------------------------------------------------------------ creation and codec

    /** The creator role: an empty PSBT around a transaction whose scriptSigs and witnesses are empty. */
    public static Psbt create(RawTransaction unsigned) {
        for (int i = 0; i < unsigned.inputs().size(); i++) {
            TxIn in = unsigned.inputs().get(i);
            if (in.scriptSig().length != 0 || in.hasWitness()) {
                throw new PsbtFormatException("input " + i + " of the unsigned transaction is signed");
            }
        }
        PsbtMap g = new PsbtMap(false, List.of(PsbtEntry.of(GLOBAL_UNSIGNED_TX, unsigned.serializeWithoutWitness())));
        List<PsbtMap> ins = new ArrayList<>();
        for (int i = 0; i < unsigned.inputs().size(); i++) {
            ins.add(new PsbtMap(true, List.of()));
        }
        List<PsbtMap> outs = new ArrayList<>();
        for (int i = 0; i < unsigned.outputs().size(); i++) {
            outs.add(new PsbtMap(false, List.of()));
        }
        return new Psbt(g, ins, outs, unsigned);
    }

    /** Parses hex. */
    public static Psbt fromHex(String hex) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex == null ? "" : hex.trim());
        } catch (IllegalArgumentException e) {
            throw new PsbtFormatException("PSBT hex is not valid hex", e);
        }
        return parse(bytes);
    }

    /** Parses standard Base64 (the form BitGo's API and Bitcoin Core use). */
    public static Psbt fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new PsbtFormatException("PSBT base64 is not valid base64", e);
        }
        return parse(bytes);
    }

    /** Parses PSBT bytes; throws {@link PsbtFormatException} naming what is wrong. */
    public static Psbt parse(byte[] bytes) {
        if (bytes == null) {
            throw new PsbtFormatException("no PSBT bytes");
        }
        try {
            return parseStrict(bytes);
        } catch (TransactionFormatException e) {
            throw new PsbtFormatException("malformed PSBT: " + e.getMessage(), e);
        }
    }

    private static Psbt parseStrict(byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new PsbtFormatException("missing PSBT magic bytes 70736274ff");
        }
        ByteReader r = new ByteReader(bytes, MAGIC.length, bytes.length - MAGIC.length);
        List<PsbtEntry> g = readMap(r, "global map");
        RawTransaction tx = null;
        for (PsbtEntry e : g) {
            long type = e.type();
            String where = "global record type 0x" + Long.toHexString(type);
            if (type == GLOBAL_UNSIGNED_TX) {
                noKeyData(e, where + " (unsigned transaction)");
                tx = parseUnsignedTx(e.value());
            } else if (type == GLOBAL_XPUB) {
                keyDataLength(e, 78, where + " (xpub)");
                derivationValue(e.value(), where + " (xpub)");
            } else if (type == GLOBAL_VERSION) {
                noKeyData(e, where + " (version)");
                if (e.value().length != 4) {
                    throw new PsbtFormatException(where + ": version must be 4 bytes");
                }
                int v = (e.value()[0] & 0xff) | (e.value()[1] & 0xff) << 8 | (e.value()[2] & 0xff) << 16
                        | (e.value()[3] & 0xff) << 24;
                if (v != 0) {
                    throw new PsbtFormatException("unsupported PSBT version " + Integer.toUnsignedString(v));
                }
            }
        }
        if (tx == null) {
            throw new PsbtFormatException("global map has no unsigned transaction (type 0x00)");
        }
        List<PsbtMap> ins = new ArrayList<>(tx.inputs().size());
        for (int i = 0; i < tx.inputs().size(); i++) {
            if (r.atEnd()) {
                throw new PsbtFormatException("PSBT ends before input map " + i + " of " + tx.inputs().size());
            }
            List<PsbtEntry> m = readMap(r, "input " + i);
            for (PsbtEntry e : m) {
                validateInputRecord(e, "input " + i + " record type 0x" + Long.toHexString(e.type()));
            }
            ins.add(new PsbtMap(true, m));
        }
        List<PsbtMap> outs = new ArrayList<>(tx.outputs().size());
        for (int i = 0; i < tx.outputs().size(); i++) {
            if (r.atEnd()) {
                throw new PsbtFormatException("PSBT ends before output map " + i + " of " + tx.outputs().size());
            }
            List<PsbtEntry> m = readMap(r, "output " + i);
            for (PsbtEntry e : m) {
                validateOutputRecord(e, "output " + i + " record type 0x" + Long.toHexString(e.type()));
            }
            outs.add(new PsbtMap(false, m));
        }
        if (!r.atEnd()) {
            throw new PsbtFormatException(r.remaining() + " bytes after the last output map");
        }
        return new Psbt(new PsbtMap(false, g), ins, outs, tx);
    }

    private static List<PsbtEntry> readMap(ByteReader r, String where) {
        List<PsbtEntry> entries = new ArrayList<>();
        Set<ByteBuffer> seen = new HashSet<>();
        while (true) {
            if (r.atEnd()) {
                throw new PsbtFormatException(where + " has no terminating 0x00 separator");
            }
            int keyStart = r.position();
            long keyLen = r.readCompactSize(where + " key length");
            if (keyLen == 0) {
                return entries;
            }
            if (keyLen > r.remaining()) {
                throw new PsbtFormatException(where + ": key length " + Long.toUnsignedString(keyLen)
                        + " exceeds the remaining " + r.remaining() + " bytes");
            }
            byte[] key = r.readBytes(keyLen, where + " key");
            checkKeyType(key, where);
            long valueLen = r.readCompactSize(where + " value length");
            if (valueLen > r.remaining()) {
                throw new PsbtFormatException(where + ": value length " + Long.toUnsignedString(valueLen)
                        + " exceeds the remaining " + r.remaining() + " bytes");
            }
            byte[] value = r.readBytes(valueLen, where + " value");
            if (!seen.add(ByteBuffer.wrap(key))) {
                throw new PsbtFormatException(where + ": duplicate key " + HexFormat.of().formatHex(key)
                        + " at byte " + keyStart);
            }
            entries.add(new PsbtEntry(key, value));
        }
    }

    private static void checkKeyType(byte[] key, String where) {
        int first = key[0] & 0xff;
        int need = first < 0xfd ? 1 : first == 0xfd ? 3 : first == 0xfe ? 5 : 9;
        if (key.length < need) {
            throw new PsbtFormatException(where + ": key type is truncated");
        }
        ByteReader kr = new ByteReader(key);
        kr.readCompactSize(where + " key type");
    }

    private static RawTransaction parseUnsignedTx(byte[] value) {
        if (value.length > 6 && value[4] == 0 && value[5] == 1) {
            // A legacy reading would take the marker as "no inputs"; BIP174 requires the legacy serialisation.
            try {
                RawTransaction.parseWithoutWitness(value);
            } catch (TransactionFormatException e) {
                throw new PsbtFormatException("the unsigned transaction uses the segwit serialisation (marker 00 01)");
            }
        }
        RawTransaction tx;
        try {
            tx = RawTransaction.parseWithoutWitness(value);
        } catch (TransactionFormatException e) {
            throw new PsbtFormatException("the unsigned transaction is malformed: " + e.getMessage(), e);
        }
        for (int i = 0; i < tx.inputs().size(); i++) {
            if (tx.inputs().get(i).scriptSig().length != 0) {
                throw new PsbtFormatException("input " + i + " of the unsigned transaction has a non-empty scriptSig");
            }
        }
        return tx;
    }

    private static void validateInputRecord(PsbtEntry e, String where) {
        long type = e.type();
        byte[] v = e.value();
        switch ((int) Math.min(type, Integer.MAX_VALUE)) {
            case IN_NON_WITNESS_UTXO:
                noKeyData(e, where + " (non-witness UTXO)");
                try {
                    RawTransaction.parse(v);
                } catch (TransactionFormatException ex) {
                    throw new PsbtFormatException(where + " (non-witness UTXO): " + ex.getMessage(), ex);
                }
                break;
            case IN_WITNESS_UTXO:
                noKeyData(e, where + " (witness UTXO)");
                parseTxOut(v, where + " (witness UTXO)");
                break;
            case IN_PARTIAL_SIG:
                publicKeyData(e, where + " (partial signature)");
                if (v.length == 0) {
                    throw new PsbtFormatException(where + " (partial signature): empty signature");
                }
                break;
            case IN_SIGHASH_TYPE:
                noKeyData(e, where + " (sighash type)");
                if (v.length != 4) {
                    throw new PsbtFormatException(where + " (sighash type): value must be 4 bytes, is " + v.length);
                }
                break;
            case IN_REDEEM_SCRIPT:
                noKeyData(e, where + " (redeem script)");
                break;
            case IN_WITNESS_SCRIPT:
                noKeyData(e, where + " (witness script)");
                break;
            case IN_BIP32_DERIVATION:
                publicKeyData(e, where + " (BIP32 derivation)");
                derivationValue(v, where + " (BIP32 derivation)");
                break;
            case IN_FINAL_SCRIPTSIG:
                noKeyData(e, where + " (final scriptSig)");
                break;
            case IN_FINAL_SCRIPTWITNESS:
                noKeyData(e, where + " (final scriptWitness)");
                parseWitness(v, where + " (final scriptWitness)");
                break;
            case IN_RIPEMD160:
            case IN_HASH160:
                keyDataLength(e, 20, where + " (hash preimage)");
                break;
            case IN_SHA256:
            case IN_HASH256:
                keyDataLength(e, 32, where + " (hash preimage)");
                break;
            case IN_TAP_KEY_SIG:
                noKeyData(e, where + " (taproot key signature)");
                schnorrSignature(v, where + " (taproot key signature)");
                break;
            case IN_TAP_SCRIPT_SIG:
                keyDataLength(e, 64, where + " (taproot script signature: x-only key and leaf hash)");
                schnorrSignature(v, where + " (taproot script signature)");
                break;
            case IN_TAP_LEAF_SCRIPT: {
                int cb = e.keyData().length;
                if (cb < 33 || cb > 33 + 32 * 128 || (cb - 33) % 32 != 0) {
                    throw new PsbtFormatException(where + " (taproot leaf script): control block of " + cb
                            + " bytes, must be 33 + 32m bytes");
                }
                if (v.length < 1) {
                    throw new PsbtFormatException(where + " (taproot leaf script): missing leaf version");
                }
                break;
            }
            case IN_TAP_BIP32_DERIVATION:
                keyDataLength(e, 32, where + " (taproot BIP32 derivation: x-only key)");
                tapDerivationValue(v, where + " (taproot BIP32 derivation)");
                break;
            case IN_TAP_INTERNAL_KEY:
                noKeyData(e, where + " (taproot internal key)");
                exactValue(v, 32, where + " (taproot internal key)");
                break;
            case IN_TAP_MERKLE_ROOT:
                noKeyData(e, where + " (taproot merkle root)");
                exactValue(v, 32, where + " (taproot merkle root)");
                break;
            default:
                break;
        }
    }

    private static void validateOutputRecord(PsbtEntry e, String where) {
        long type = e.type();
        byte[] v = e.value();
        switch ((int) Math.min(type, Integer.MAX_VALUE)) {
            case OUT_REDEEM_SCRIPT:
                noKeyData(e, where + " (redeem script)");
                break;
            case OUT_WITNESS_SCRIPT:
                noKeyData(e, where + " (witness script)");
                break;
            case OUT_BIP32_DERIVATION:
                publicKeyData(e, where + " (BIP32 derivation)");
                derivationValue(v, where + " (BIP32 derivation)");
                break;
            case OUT_TAP_INTERNAL_KEY:
                noKeyData(e, where + " (taproot internal key)");
                exactValue(v, 32, where + " (taproot internal key)");
                break;
            case OUT_TAP_TREE:
                noKeyData(e, where + " (taproot tree)");
                parseTapTree(v, where + " (taproot tree)");
                break;
            case OUT_TAP_BIP32_DERIVATION:
                keyDataLength(e, 32, where + " (taproot BIP32 derivation: x-only key)");
                tapDerivationValue(v, where + " (taproot BIP32 derivation)");
                break;
            default:
                break;
        }
    }

    private static void noKeyData(PsbtEntry e, String where) {
        if (e.key().length != 1) {
            throw new PsbtFormatException(where + ": this record type takes no key data, found "
                    + (e.key().length - 1) + " bytes");
        }
    }

    private static void keyDataLength(PsbtEntry e, int length, String where) {
        int actual = e.key().length - 1;
        if (actual != length) {
            throw new PsbtFormatException(where + ": key data must be " + length + " bytes, is " + actual);
        }
    }

    private static void exactValue(byte[] v, int length, String where) {
        if (v.length != length) {
            throw new PsbtFormatException(where + ": value must be " + length + " bytes, is " + v.length);
        }
    }

    private static void publicKeyData(PsbtEntry e, String where) {
        byte[] k = e.keyData();
        int h = k.length == 0 ? -1 : k[0] & 0xff;
        boolean ok = (k.length == 33 && (h == 2 || h == 3)) || (k.length == 65 && (h == 4 || h == 6 || h == 7));
        if (!ok) {
            throw new PsbtFormatException(where + ": key data must be a 33-byte compressed or 65-byte public key, is "
                    + k.length + " bytes");
        }
    }

    private static void derivationValue(byte[] v, String where) {
        if (v.length < 4 || v.length % 4 != 0) {
            throw new PsbtFormatException(where + ": value must be a 4-byte fingerprint and 4-byte indexes, is "
                    + v.length + " bytes");
        }
    }

    private static void schnorrSignature(byte[] v, String where) {
        if (v.length != 64 && v.length != 65) {
            throw new PsbtFormatException(where + ": a Schnorr signature is 64 or 65 bytes, is " + v.length);
        }
        if (v.length == 65 && v[64] == 0) {
            throw new PsbtFormatException(where + ": 65-byte signature with sighash byte 0x00");
        }
    }

    private static void tapDerivationValue(byte[] v, String where) {
        ByteReader r = new ByteReader(v);
        try {
            int n = r.readCount(32, where + " leaf hash count");
            r.skip(32L * n, where + " leaf hashes");
        } catch (TransactionFormatException ex) {
            throw new PsbtFormatException(where + ": " + ex.getMessage(), ex);
        }
        derivationValue(Arrays.copyOfRange(v, r.position(), v.length), where);
    }

    static TxOut parseTxOut(byte[] v, String where) {
        ByteReader r = new ByteReader(v);
        try {
            long amount = r.readInt64(where + " amount");
            byte[] script = r.readVarBytes(where + " scriptPubKey");
            if (!r.atEnd()) {
                throw new PsbtFormatException(where + ": " + r.remaining() + " extra bytes");
            }
            if (amount < 0) {
                throw new PsbtFormatException(where + ": negative amount");
            }
            return new TxOut(amount, script);
        } catch (TransactionFormatException ex) {
            throw new PsbtFormatException(where + ": " + ex.getMessage(), ex);
        }
    }

    static List<byte[]> parseWitness(byte[] v, String where) {
        ByteReader r = new ByteReader(v);
        try {
            int n = r.readCount(1, where + " item count");
            List<byte[]> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(r.readVarBytes(where + " item " + i));
            }
            if (!r.atEnd()) {
                throw new PsbtFormatException(where + ": " + r.remaining() + " extra bytes");
            }
            return items;
        } catch (TransactionFormatException ex) {
            throw new PsbtFormatException(where + ": " + ex.getMessage(), ex);
        }
    }

    private static void parseTapTree(byte[] v, String where) {
        if (v.length == 0) {
            throw new PsbtFormatException(where + ": empty tree");
        }
        ByteReader r = new ByteReader(v);
        int[] stack = new int[130];
        int top = 0;
        try {
            while (!r.atEnd()) {
                int depth = r.readUnsignedByte(where + " depth");
                int version = r.readUnsignedByte(where + " leaf version");
                r.readVarBytes(where + " script");
                if (depth > 128) {
                    throw new PsbtFormatException(where + ": leaf depth " + depth + " exceeds 128");
                }
                if ((version & 1) != 0) {
                    throw new PsbtFormatException(where + ": odd leaf version 0x" + Integer.toHexString(version));
                }
                if (top > 0 && stack[top - 1] == 0) {
                    throw new PsbtFormatException(where + ": leaf after a complete tree");
                }
                if (top > 0 && depth < stack[top - 1]) {
                    throw new PsbtFormatException(where + ": leaves are not in depth-first order");
                }
                stack[top++] = depth;
                while (top >= 2 && stack[top - 1] == stack[top - 2]) {
                    top--;
                    stack[top - 1]--;
                }
            }
        } catch (TransactionFormatException ex) {
            throw new PsbtFormatException(where + ": " + ex.getMessage(), ex);
        }
        if (top != 1 || stack[0] != 0) {
            throw new PsbtFormatException(where + ": leaves do not form a complete tree");
        }
    }

    /** The PSBT bytes, records in their current order. */
    public byte[] serialize() {
        ByteWriter w = new ByteWriter(1024);
        w.write(MAGIC);
        writeMap(w, global);
        for (PsbtMap m : inputs) {
            writeMap(w, m);
        }
        for (PsbtMap m : outputs) {
            writeMap(w, m);
        }
        return w.toByteArray();
    }

    private static void writeMap(ByteWriter w, PsbtMap map) {
        for (PsbtEntry e : map.entries()) {
            w.writeVarBytes(e.key());
            w.writeVarBytes(e.value());
        }
        w.writeByte(0);
    }

    /** The PSBT as lowercase hex. */
    public String toHex() {
        return HexFormat.of().formatHex(serialize());
    }

    /** The PSBT as standard Base64. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(serialize());
    }

    /** A deep copy. */
    public Psbt copy() {
        List<PsbtMap> ins = new ArrayList<>();
        inputs.forEach(m -> ins.add(m.copy()));
        List<PsbtMap> outs = new ArrayList<>();
        outputs.forEach(m -> outs.add(m.copy()));
        return new Psbt(global.copy(), ins, outs, unsignedTx);
    }

    /**
     * Rewrites every output's {@code PSBT_OUT_TAP_TREE} with sibling subtrees in ascending node-hash order, as
     * rust-bitcoin (and so BitGo's SDK) re-serializes it. The tree itself is unchanged.
     */
    public void canonicalizeOutputTapTrees() {
        for (PsbtMap m : outputs) {
            Optional<byte[]> tree = m.get(OUT_TAP_TREE);
            if (tree.isPresent()) {
                m.put(PsbtEntry.of(OUT_TAP_TREE, TapTreeOrder.canonical(tree.get())), RecordOrder.KEY_TYPE_THEN_KEY);
            }
        }
    }

    /** Sorts every map's records in {@code order}. */
    public void sortRecords(RecordOrder order) {
        global.sort(order);
        inputs.forEach(m -> m.sort(order));
        outputs.forEach(m -> m.sort(order));
    }

    // ------------------------------------------------------------------ structure

    /** The unsigned transaction. */
    public RawTransaction unsignedTx() {
        return unsignedTx;
    }

    /** The number of inputs (input maps). */
    public int inputCount() {
        return inputs.size();
    }

    /** The number of outputs (output maps). */
    public int outputCount() {
        return outputs.size();
    }

    /** The global map. */
    public PsbtMap global() {
        return global;
    }

    /** An input map. */
    public PsbtMap input(int index) {
        checkIndex(index, inputs.size(), "input");
        return inputs.get(index);
    }

    /** An output map. */
    public PsbtMap output(int index) {
        checkIndex(index, outputs.size(), "output");
        return outputs.get(index);
    }

    private static void checkIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new PsbtFormatException(what + " index " + index + " out of range (" + size + " " + what + "s)");
        }
    }

    // ------------------------------------------------------------------ typed input fields

    /** The previous transaction of an input (PSBT_IN_NON_WITNESS_UTXO). */
    public Optional<RawTransaction> nonWitnessUtxo(int index) {
        return input(index).get(IN_NON_WITNESS_UTXO).map(RawTransaction::parse);
    }

    /** The spent output of a segwit input (PSBT_IN_WITNESS_UTXO). */
    public Optional<TxOut> witnessUtxo(int index) {
        return input(index).get(IN_WITNESS_UTXO).map(v -> parseTxOut(v, "input " + index + " witness UTXO"));
    }

    /** The sighash type of an input (PSBT_IN_SIGHASH_TYPE). */
    public Optional<Integer> sighashType(int index) {
        return input(index).get(IN_SIGHASH_TYPE)
                .map(v -> (v[0] & 0xff) | (v[1] & 0xff) << 8 | (v[2] & 0xff) << 16 | (v[3] & 0xff) << 24);
    }

    /** The redeem script of an input. */
    public Optional<byte[]> redeemScript(int index) {
        return input(index).get(IN_REDEEM_SCRIPT);
    }

    /** The witness script of an input. */
    public Optional<byte[]> witnessScript(int index) {
        return input(index).get(IN_WITNESS_SCRIPT);
    }

    /** The partial ECDSA signatures of an input, by public key. */
    public List<KeyedValue> partialSignatures(int index) {
        return keyed(input(index), IN_PARTIAL_SIG);
    }

    /** The BIP32 derivations of an input (key data = public key). */
    public List<KeyOrigin> bip32Derivations(int index) {
        return origins(input(index), IN_BIP32_DERIVATION, false);
    }

    /** The BIP32 derivations of an output (key data = public key). */
    public List<KeyOrigin> outputBip32Derivations(int index) {
        return origins(output(index), OUT_BIP32_DERIVATION, false);
    }

    /** The taproot BIP32 derivations of an input (key data = x-only key). */
    public List<KeyOrigin> tapBip32Derivations(int index) {
        return origins(input(index), IN_TAP_BIP32_DERIVATION, true);
    }

    /** The taproot BIP32 derivations of an output. */
    public List<KeyOrigin> outputTapBip32Derivations(int index) {
        return origins(output(index), OUT_TAP_BIP32_DERIVATION, true);
    }

    /** The tap leaf scripts of an input: key = control block, value = script followed by leaf version. */
    public List<KeyedValue> tapLeafScripts(int index) {
        return keyed(input(index), IN_TAP_LEAF_SCRIPT);
    }

    /** The taproot script-path signatures of an input: key = x-only key and leaf hash. */
    public List<KeyedValue> tapScriptSignatures(int index) {
        return keyed(input(index), IN_TAP_SCRIPT_SIG);
    }

    private static List<KeyedValue> keyed(PsbtMap map, int type) {
        List<KeyedValue> out = new ArrayList<>();
        for (PsbtEntry e : map.all(type)) {
            out.add(new KeyedValue(e.keyData(), e.value().clone()));
        }
        return out;
    }

    private static List<KeyOrigin> origins(PsbtMap map, int type, boolean tap) {
        List<KeyOrigin> out = new ArrayList<>();
        for (PsbtEntry e : map.all(type)) {
            byte[] v = e.value();
            int offset = 0;
            List<byte[]> leafHashes = new ArrayList<>();
            if (tap) {
                ByteReader r = new ByteReader(v);
                int n = r.readCount(32, "leaf hashes");
                for (int i = 0; i < n; i++) {
                    leafHashes.add(r.readBytes(32, "leaf hash"));
                }
                offset = r.position();
            }
            byte[] fingerprint = Arrays.copyOfRange(v, offset, offset + 4);
            int[] path = new int[(v.length - offset - 4) / 4];
            for (int i = 0; i < path.length; i++) {
                int p = offset + 4 + 4 * i;
                path[i] = (v[p] & 0xff) | (v[p + 1] & 0xff) << 8 | (v[p + 2] & 0xff) << 16 | (v[p + 3] & 0xff) << 24;
            }
            out.add(new KeyOrigin(e.keyData(), fingerprint, path, leafHashes));
        }
        return out;
    }

    /** A record's key data and value. */
    public record KeyedValue(byte[] keyData, byte[] value) {
    }

    /**
     * A key origin record: the key (33-byte or x-only), its master fingerprint and path, and for taproot records
     * the leaf hashes the key signs in.
     */
    public record KeyOrigin(byte[] publicKey, byte[] fingerprint, int[] path, List<byte[]> leafHashes) {

        /** The path as BitGo writes it, e.g. {@code 0/0/20/7} (hardened steps with a trailing '). */
        public String pathString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < path.length; i++) {
                if (i > 0) {
                    sb.append('/');
                }
                sb.append(path[i] & 0x7fffffff);
                if (path[i] < 0) {
                    sb.append('\'');
                }
            }
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ combiner

    /**
     * The combiner role: a PSBT holding the union of the records of PSBTs of the same unsigned transaction; where
     * two PSBTs have a record with the same key, the first one's value is kept. Each map is then sorted in
     * {@code order}.
     */
    public static Psbt combine(List<Psbt> psbts, RecordOrder order) {
        if (psbts.isEmpty()) {
            throw new PsbtFormatException("nothing to combine");
        }
        Psbt base = psbts.get(0).copy();
        byte[] txBytes = base.unsignedTx.serializeWithoutWitness();
        for (int k = 1; k < psbts.size(); k++) {
            Psbt other = psbts.get(k);
            if (!Arrays.equals(txBytes, other.unsignedTx.serializeWithoutWitness())) {
                throw new PsbtFormatException("PSBT " + k + " has another unsigned transaction");
            }
            mergeInto(base.global, other.global, order);
            for (int i = 0; i < base.inputs.size(); i++) {
                mergeInto(base.inputs.get(i), other.inputs.get(i), order);
            }
            for (int i = 0; i < base.outputs.size(); i++) {
                mergeInto(base.outputs.get(i), other.outputs.get(i), order);
            }
        }
        base.sortRecords(order);
        return base;
    }

    private static void mergeInto(PsbtMap into, PsbtMap from, RecordOrder order) {
        for (PsbtEntry e : from.entries()) {
            if (into.get(e.key()).isEmpty()) {
                into.put(e, order);
            }
        }
    }

    /** The extractor role: the network transaction of a finalized PSBT. */
    public RawTransaction extract() {
        List<TxIn> ins = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PsbtMap m = inputs.get(i);
            Optional<byte[]> scriptSig = m.get(IN_FINAL_SCRIPTSIG);
            Optional<byte[]> witness = m.get(IN_FINAL_SCRIPTWITNESS);
            if (scriptSig.isEmpty() && witness.isEmpty()) {
                throw new PsbtFormatException("input " + i + " is not finalized");
            }
            TxIn u = unsignedTx.inputs().get(i);
            ins.add(new TxIn(u.prevTxid(), u.vout(), scriptSig.orElse(new byte[0]), u.sequence(),
                    witness.map(w -> parseWitness(w, "final scriptWitness")).orElse(List.of())));
        }
        return new RawTransaction(unsignedTx.version(), ins, unsignedTx.outputs(), unsignedTx.lockTime());
    }
}
