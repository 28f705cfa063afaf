package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.utxo.internal.Hashes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The BIP174 updater role: adds to a PSBT what the updater knows about its inputs and outputs. Each piece of
 * knowledge goes where it fits, found by hash rather than by position:
 * <ul>
 *   <li>a previous transaction goes to the input spending one of its outputs — the whole transaction
 *       (PSBT_IN_NON_WITNESS_UTXO) when the spent script is not segwit, only the spent output
 *       (PSBT_IN_WITNESS_UTXO) when it is, directly or through the redeem script;</li>
 *   <li>a redeem script goes to the input or output whose P2SH script is its HASH160, a witness script to the one
 *       whose P2WSH program (direct or inside the redeem script) is its SHA256;</li>
 *   <li>a key origin goes to every input and output whose scripts contain the key or pay its HASH160
 *       (P2PKH, P2WPKH);</li>
 *   <li>a sighash type, when given, goes to every input.</li>
 * </ul>
 * Records go in at their place in the chosen {@link RecordOrder}; existing records with the same key are replaced.
 * Immutable and thread-safe; {@link #update} leaves its argument unchanged.
 */
public final class PsbtUpdater {

    private final List<RawTransaction> previousTransactions;
    private final List<byte[]> previousTxIds;
    private final List<byte[]> redeemScripts;
    private final List<byte[]> witnessScripts;
    private final List<Psbt.KeyOrigin> keyOrigins;
    private final Integer sighashType;
    private final RecordOrder order;

    private PsbtUpdater(Builder b) {
        this.previousTransactions = List.copyOf(b.previousTransactions);
        List<byte[]> ids = new ArrayList<>();
        for (RawTransaction tx : previousTransactions) {
            ids.add(tx.txidBytes());
        }
        this.previousTxIds = List.copyOf(ids);
        this.redeemScripts = List.copyOf(b.redeemScripts);
        this.witnessScripts = List.copyOf(b.witnessScripts);
        this.keyOrigins = List.copyOf(b.keyOrigins);
        this.sighashType = b.sighashType;
        this.order = b.order;
    }

    /** A builder of an updater that knows nothing yet and writes records in Bitcoin Core's order. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy of {@code psbt} with everything this updater knows added.
     *
     * @throws PsbtFormatException when a previous transaction with an input's txid lacks the spent output
     */
    public Psbt update(Psbt psbt) {
        Psbt out = psbt.copy();
        RawTransaction tx = out.unsignedTx();
        for (int i = 0; i < out.inputCount(); i++) {
            updateInput(out, i, tx.inputs().get(i));
        }
        for (int o = 0; o < out.outputCount(); o++) {
            PsbtMap map = out.output(o);
            Scripts s = addScripts(map, tx.outputs().get(o).scriptPubKey(), Psbt.OUT_REDEEM_SCRIPT,
                    Psbt.OUT_WITNESS_SCRIPT);
            addKeyOrigins(map, Psbt.OUT_BIP32_DERIVATION, s);
        }
        return out;
    }

    private void updateInput(Psbt psbt, int i, TxIn txIn) {
        PsbtMap map = psbt.input(i);
        RawTransaction previous = previousTransaction(txIn.prevTxid());
        TxOut spent = null;
        if (previous != null) {
            if (txIn.vout() < 0 || txIn.vout() >= previous.outputs().size()) {
                throw new PsbtFormatException("input " + i + " spends output " + Integer.toUnsignedString(txIn.vout())
                        + " of " + previous.txid() + ", which has only " + previous.outputs().size() + " outputs");
            }
            spent = previous.outputs().get(txIn.vout());
        } else {
            Optional<TxOut> witnessUtxo = psbt.witnessUtxo(i);
            if (witnessUtxo.isPresent()) {
                spent = witnessUtxo.get();
            } else {
                Optional<RawTransaction> nonWitness = psbt.nonWitnessUtxo(i);
                if (nonWitness.isPresent() && txIn.vout() >= 0 && txIn.vout() < nonWitness.get().outputs().size()) {
                    spent = nonWitness.get().outputs().get(txIn.vout());
                }
            }
        }
        if (spent != null) {
            Scripts s = addScripts(map, spent.scriptPubKey(), Psbt.IN_REDEEM_SCRIPT, Psbt.IN_WITNESS_SCRIPT);
            if (previous != null) {
                if (isWitnessProgram(s.redeem != null ? s.redeem : s.scriptPubKey)) {
                    map.put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, serialize(spent)), order);
                } else {
                    map.put(PsbtEntry.of(Psbt.IN_NON_WITNESS_UTXO, previous.serialize()), order);
                }
            }
            addKeyOrigins(map, Psbt.IN_BIP32_DERIVATION, s);
        }
        if (sighashType != null) {
            int t = sighashType;
            map.put(PsbtEntry.of(Psbt.IN_SIGHASH_TYPE, new byte[] {(byte) t, (byte) (t >>> 8), (byte) (t >>> 16),
                    (byte) (t >>> 24)}), order);
        }
    }

    private RawTransaction previousTransaction(byte[] txid) {
        for (int k = 0; k < previousTxIds.size(); k++) {
            if (Arrays.equals(previousTxIds.get(k), txid)) {
                return previousTransactions.get(k);
            }
        }
        return null;
    }

    /** The scripts of one input or output: its scriptPubKey and the redeem / witness scripts that match it. */
    private record Scripts(byte[] scriptPubKey, byte[] redeem, byte[] witness) {
    }

    private Scripts addScripts(PsbtMap map, byte[] scriptPubKey, int redeemType, int witnessType) {
        byte[] redeem = null;
        if (isP2sh(scriptPubKey)) {
            byte[] hash = Arrays.copyOfRange(scriptPubKey, 2, 22);
            redeem = find(redeemScripts, s -> Arrays.equals(Hashes.hash160(s), hash));
            if (redeem == null) {
                redeem = map.get(redeemType).orElse(null);
            } else {
                map.put(PsbtEntry.of(redeemType, redeem.clone()), order);
            }
        }
        byte[] program = redeem != null ? redeem : scriptPubKey;
        byte[] witness = null;
        if (isP2wsh(program)) {
            byte[] hash = Arrays.copyOfRange(program, 2, 34);
            witness = find(witnessScripts, s -> Arrays.equals(Hashes.sha256(s), hash));
            if (witness == null) {
                witness = map.get(witnessType).orElse(null);
            } else {
                map.put(PsbtEntry.of(witnessType, witness.clone()), order);
            }
        }
        return new Scripts(scriptPubKey, redeem, witness);
    }

    private void addKeyOrigins(PsbtMap map, int type, Scripts s) {
        for (Psbt.KeyOrigin origin : keyOrigins) {
            byte[] key = origin.publicKey();
            if (involves(s.scriptPubKey, key) || involves(s.redeem, key) || involves(s.witness, key)) {
                map.put(PsbtEntry.of(type, key.clone(), originValue(origin)), order);
            }
        }
    }

    /** Whether a script contains the key as a push, or pays its HASH160 as P2PKH or P2WPKH. */
    private static boolean involves(byte[] script, byte[] key) {
        if (script == null) {
            return false;
        }
        if (isP2wpkh(script)) {
            return Arrays.equals(Arrays.copyOfRange(script, 2, 22), Hashes.hash160(key));
        }
        if (isP2pkh(script)) {
            return Arrays.equals(Arrays.copyOfRange(script, 3, 23), Hashes.hash160(key));
        }
        int p = 0;
        while (p < script.length) {
            int op = script[p++] & 0xff;
            int len;
            if (op >= 1 && op <= 0x4b) {
                len = op;
            } else if (op == 0x4c && p + 1 <= script.length) {
                len = script[p] & 0xff;
                p += 1;
            } else if (op == 0x4d && p + 2 <= script.length) {
                len = (script[p] & 0xff) | (script[p + 1] & 0xff) << 8;
                p += 2;
            } else if (op == 0x4e && p + 4 <= script.length) {
                long l = (script[p] & 0xffL) | (script[p + 1] & 0xffL) << 8 | (script[p + 2] & 0xffL) << 16
                        | (script[p + 3] & 0xffL) << 24;
                if (l > script.length) {
                    return false;
                }
                len = (int) l;
                p += 4;
            } else if (op >= 0x4c && op <= 0x4e) {
                return false;
            } else {
                continue;
            }
            if (p + len > script.length) {
                return false;
            }
            if (len == key.length && Arrays.equals(script, p, p + len, key, 0, len)) {
                return true;
            }
            p += len;
        }
        return false;
    }

    private static byte[] originValue(Psbt.KeyOrigin origin) {
        int[] path = origin.path();
        byte[] v = new byte[4 + 4 * path.length];
        System.arraycopy(origin.fingerprint(), 0, v, 0, 4);
        for (int k = 0; k < path.length; k++) {
            int p = path[k];
            v[4 + 4 * k] = (byte) p;
            v[5 + 4 * k] = (byte) (p >>> 8);
            v[6 + 4 * k] = (byte) (p >>> 16);
            v[7 + 4 * k] = (byte) (p >>> 24);
        }
        return v;
    }

    private static byte[] serialize(TxOut out) {
        byte[] script = out.scriptPubKey();
        byte[] size = compactSize(script.length);
        byte[] v = new byte[8 + size.length + script.length];
        long value = out.value();
        for (int k = 0; k < 8; k++) {
            v[k] = (byte) (value >>> (8 * k));
        }
        System.arraycopy(size, 0, v, 8, size.length);
        System.arraycopy(script, 0, v, 8 + size.length, script.length);
        return v;
    }

    private static byte[] compactSize(int n) {
        if (n < 0xfd) {
            return new byte[] {(byte) n};
        }
        if (n <= 0xffff) {
            return new byte[] {(byte) 0xfd, (byte) n, (byte) (n >>> 8)};
        }
        return new byte[] {(byte) 0xfe, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }

    private static byte[] find(List<byte[]> scripts, java.util.function.Predicate<byte[]> matches) {
        for (byte[] s : scripts) {
            if (matches.test(s)) {
                return s;
            }
        }
        return null;
    }

    private static boolean isP2sh(byte[] s) {
        return s.length == 23 && (s[0] & 0xff) == 0xa9 && s[1] == 0x14 && (s[22] & 0xff) == 0x87;
    }

    private static boolean isP2wsh(byte[] s) {
        return s.length == 34 && s[0] == 0x00 && s[1] == 0x20;
    }

    private static boolean isP2wpkh(byte[] s) {
        return s.length == 22 && s[0] == 0x00 && s[1] == 0x14;
    }

    private static boolean isP2pkh(byte[] s) {
        return s.length == 25 && (s[0] & 0xff) == 0x76 && (s[1] & 0xff) == 0xa9 && s[2] == 0x14
                && (s[23] & 0xff) == 0x88 && (s[24] & 0xff) == 0xac;
    }

    /** A witness program: a version opcode (OP_0, OP_1..OP_16) followed by one push of 2 to 40 bytes. */
    static boolean isWitnessProgram(byte[] s) {
        if (s.length < 4 || s.length > 42) {
            return false;
        }
        int version = s[0] & 0xff;
        return (version == 0 || (version >= 0x51 && version <= 0x60)) && (s[1] & 0xff) == s.length - 2;
    }

    /** Collects what an updater knows. Not thread-safe; {@link #build} gives an immutable updater. */
    public static final class Builder {
        private final List<RawTransaction> previousTransactions = new ArrayList<>();
        private final List<byte[]> redeemScripts = new ArrayList<>();
        private final List<byte[]> witnessScripts = new ArrayList<>();
        private final List<Psbt.KeyOrigin> keyOrigins = new ArrayList<>();
        private Integer sighashType;
        private RecordOrder order = RecordOrder.BITCOIN_CORE;

        private Builder() {
        }

        /** A transaction whose outputs inputs of the PSBT may spend. */
        public Builder previousTransaction(RawTransaction tx) {
            previousTransactions.add(require(tx, "previous transaction"));
            return this;
        }

        /** A script a P2SH input or output may commit to. */
        public Builder redeemScript(byte[] script) {
            redeemScripts.add(require(script, "redeem script").clone());
            return this;
        }

        /** A script a P2WSH program may commit to. */
        public Builder witnessScript(byte[] script) {
            witnessScripts.add(require(script, "witness script").clone());
            return this;
        }

        /**
         * The origin of a public key: the 4-byte fingerprint of its master key and its path from there (hardened
         * steps with bit 31 set).
         */
        public Builder keyOrigin(byte[] publicKey, byte[] masterFingerprint, int[] path) {
            require(publicKey, "public key");
            require(masterFingerprint, "master fingerprint");
            require(path, "path");
            if (publicKey.length != 33 && publicKey.length != 65) {
                throw new PsbtFormatException("a public key has 33 or 65 bytes, not " + publicKey.length);
            }
            if (masterFingerprint.length != 4) {
                throw new PsbtFormatException("a master fingerprint has 4 bytes, not " + masterFingerprint.length);
            }
            keyOrigins.add(new Psbt.KeyOrigin(publicKey.clone(), masterFingerprint.clone(), path.clone(), List.of()));
            return this;
        }

        /** The sighash type every input is to be signed with (PSBT_IN_SIGHASH_TYPE). */
        public Builder sighashType(int type) {
            this.sighashType = type;
            return this;
        }

        /** Where new records go in each map; Bitcoin Core's order unless set. */
        public Builder recordOrder(RecordOrder recordOrder) {
            this.order = require(recordOrder, "record order");
            return this;
        }

        /** The updater. */
        public PsbtUpdater build() {
            return new PsbtUpdater(this);
        }

        private static <T> T require(T value, String what) {
            if (value == null) {
                throw new PsbtFormatException(what + " is missing");
            }
            return value;
        }
    }
}
