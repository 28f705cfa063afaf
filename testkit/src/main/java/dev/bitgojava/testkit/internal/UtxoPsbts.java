package dev.bitgojava.testkit.internal;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.utxo.KeyRole;
import dev.bitgojava.signing.utxo.ScriptType;
import dev.bitgojava.signing.utxo.TapLeaf;
import dev.bitgojava.signing.utxo.TaprootInfo;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.WalletKeys;
import dev.bitgojava.signing.utxo.WalletScripts;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import dev.bitgojava.signing.utxo.psbt.PsbtEntry;
import dev.bitgojava.signing.utxo.psbt.PsbtMap;
import dev.bitgojava.signing.utxo.psbt.RecordOrder;
import dev.bitgojava.testkit.internal.Model.Unspent;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out unsigned wallet PSBTs the way BitGo's server builds them, with the signing module's {@link Psbt}
 * codec: p2sh inputs carry the funding transaction (non-witness UTXO), segwit and taproot inputs the spent output
 * (witness UTXO); every input its sighash type; ECDSA inputs their redeem/witness scripts and the BIP32
 * derivations of all three keys; taproot (chain 30/31) inputs the user+bitgo leaf with its control block and the
 * two keys' taproot derivations; change outputs their scripts and derivations. Records are in ascending key-type
 * order, as BitGo's current SDK writes them.
 */
final class UtxoPsbts {

    private static final RecordOrder ORDER = RecordOrder.KEY_TYPE_THEN_KEY;

    private UtxoPsbts() {
    }

    /**
     * One output of a build. {@code claimChain}/{@code claimIndex} (-1 for external outputs) name the wallet path
     * whose derivation records the output carries; normally the path of {@code script} itself.
     */
    record Output(byte[] script, long value, int claimChain, int claimIndex) {
        static Output external(byte[] script, long value) {
            return new Output(script, value, -1, -1);
        }

        boolean claimsWalletPath() {
            return claimChain >= 0;
        }
    }

    /** The unsigned transaction spending the unspents (in order) into the outputs. */
    static RawTransaction unsignedTransaction(UtxoCoin coin, List<Unspent> inputs, List<Output> outputs) {
        List<TxIn> ins = new ArrayList<>(inputs.size());
        for (Unspent u : inputs) {
            byte[] txid = java.util.HexFormat.of().parseHex(u.txid());
            for (int a = 0, b = txid.length - 1; a < b; a++, b--) {
                byte t = txid[a];
                txid[a] = txid[b];
                txid[b] = t;
            }
            ins.add(new TxIn(txid, u.vout(), TxIn.SEQUENCE_FINAL));
        }
        List<TxOut> outs = new ArrayList<>(outputs.size());
        for (Output o : outputs) {
            outs.add(new TxOut(o.value(), o.script()));
        }
        return new RawTransaction(coin.usesForkId() ? 2 : 1, ins, outs, 0);
    }

    /** The unsigned PSBT of a build. */
    static Psbt build(UtxoCoin coin, WalletKeys keys, List<Unspent> inputs, List<Output> outputs) {
        Psbt psbt = Psbt.create(unsignedTransaction(coin, inputs, outputs));
        addInputRecords(psbt, coin, keys, inputs);
        for (int k = 0; k < outputs.size(); k++) {
            Output o = outputs.get(k);
            if (o.claimsWalletPath()) {
                addChangeRecords(psbt.output(k), keys, o.claimChain(), o.claimIndex());
            }
        }
        return psbt;
    }

    /**
     * Adds the server's own input records for the wallet unspents {@code inputs} (in input order) to a PSBT whose
     * inputs have none yet: what BitGo trusts when it checks a user signature, whatever the client sent.
     */
    static void addInputRecords(Psbt psbt, UtxoCoin coin, WalletKeys keys, List<Unspent> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            Unspent u = inputs.get(i);
            PsbtMap in = psbt.input(i);
            WalletScripts scripts = WalletScripts.derive(keys, u.chain(), u.index());
            ScriptType type = scripts.type();
            RawTransaction funding = RawTransaction.parse(u.fundingTx());
            TxOut spent = funding.outputs().get(u.vout());
            if (type.isSegwit()) {
                in.put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, txOut(spent)), ORDER);
            } else {
                in.put(PsbtEntry.of(Psbt.IN_NON_WITNESS_UTXO, funding.serializeWithoutWitness()), ORDER);
            }
            int sighash = type.isTaproot() ? 0 : coin.defaultEcdsaSighash();
            in.put(PsbtEntry.of(Psbt.IN_SIGHASH_TYPE, uint32(sighash)), ORDER);
            if (type.isTaproot()) {
                TapLeaf leaf = scripts.taproot().orElseThrow().leafFor(KeyRole.USER, KeyRole.BITGO);
                in.put(PsbtEntry.of(Psbt.IN_TAP_LEAF_SCRIPT, leaf.controlBlock(), leafValue(leaf)), ORDER);
                for (KeyRole role : new KeyRole[] {KeyRole.USER, KeyRole.BITGO}) {
                    in.put(PsbtEntry.of(Psbt.IN_TAP_BIP32_DERIVATION, xOnly(scripts.publicKey(role)),
                            tapOrigin(List.of(leaf.leafHash()), keys.fingerprint(role), u.chain(), u.index())),
                            ORDER);
                }
            } else {
                scripts.redeemScript().ifPresent(s -> in.put(PsbtEntry.of(Psbt.IN_REDEEM_SCRIPT, s), ORDER));
                scripts.witnessScript().ifPresent(s -> in.put(PsbtEntry.of(Psbt.IN_WITNESS_SCRIPT, s), ORDER));
                for (KeyRole role : KeyRole.values()) {
                    in.put(PsbtEntry.of(Psbt.IN_BIP32_DERIVATION, scripts.publicKey(role),
                            origin(keys.fingerprint(role), u.chain(), u.index())), ORDER);
                }
            }
        }
    }

    private static void addChangeRecords(PsbtMap out, WalletKeys keys, int chain, int index) {
        WalletScripts scripts = WalletScripts.derive(keys, chain, index);
        if (scripts.type().isTaproot()) {
            TaprootInfo tap = scripts.taproot().orElseThrow();
            out.put(PsbtEntry.of(Psbt.OUT_TAP_INTERNAL_KEY, tap.internalKey()), ORDER);
            out.put(PsbtEntry.of(Psbt.OUT_TAP_TREE, tapTree(tap)), ORDER);
            for (KeyRole role : KeyRole.values()) {
                List<byte[]> leafHashes = new ArrayList<>();
                for (TapLeaf leaf : tap.leaves()) {
                    if (leaf.involves(role)) {
                        leafHashes.add(leaf.leafHash());
                    }
                }
                out.put(PsbtEntry.of(Psbt.OUT_TAP_BIP32_DERIVATION, xOnly(scripts.publicKey(role)),
                        tapOrigin(leafHashes, keys.fingerprint(role), chain, index)), ORDER);
            }
            return;
        }
        scripts.redeemScript().ifPresent(s -> out.put(PsbtEntry.of(Psbt.OUT_REDEEM_SCRIPT, s), ORDER));
        scripts.witnessScript().ifPresent(s -> out.put(PsbtEntry.of(Psbt.OUT_WITNESS_SCRIPT, s), ORDER));
        for (KeyRole role : KeyRole.values()) {
            out.put(PsbtEntry.of(Psbt.OUT_BIP32_DERIVATION, scripts.publicKey(role),
                    origin(keys.fingerprint(role), chain, index)), ORDER);
        }
    }

    /** BIP 371 tap tree: per leaf in depth-first order, depth, leaf version and the script. */
    private static byte[] tapTree(TaprootInfo tap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TapLeaf leaf : tap.leaves()) {
            int depth = (leaf.controlBlock().length - 33) / 32;
            out.write(depth);
            out.write(leaf.leafVersion());
            compactSize(out, leaf.script().length);
            out.writeBytes(leaf.script());
        }
        return out.toByteArray();
    }

    private static byte[] leafValue(TapLeaf leaf) {
        byte[] script = leaf.script();
        byte[] value = new byte[script.length + 1];
        System.arraycopy(script, 0, value, 0, script.length);
        value[script.length] = (byte) leaf.leafVersion();
        return value;
    }

    private static byte[] origin(byte[] fingerprint, int chain, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(20);
        out.writeBytes(fingerprint);
        for (int step : new int[] {0, 0, chain, index}) {
            out.writeBytes(uint32(step));
        }
        return out.toByteArray();
    }

    private static byte[] tapOrigin(List<byte[]> leafHashes, byte[] fingerprint, int chain, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        compactSize(out, leafHashes.size());
        leafHashes.forEach(out::writeBytes);
        out.writeBytes(origin(fingerprint, chain, index));
        return out.toByteArray();
    }

    private static byte[] txOut(TxOut o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = o.value();
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
        byte[] script = o.scriptPubKey();
        compactSize(out, script.length);
        out.writeBytes(script);
        return out.toByteArray();
    }

    private static byte[] xOnly(byte[] compressed) {
        byte[] x = new byte[32];
        System.arraycopy(compressed, 1, x, 0, 32);
        return x;
    }

    private static byte[] uint32(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    private static void compactSize(ByteArrayOutputStream out, long n) {
        if (n < 0xfd) {
            out.write((int) n);
        } else if (n <= 0xffff) {
            out.write(0xfd);
            out.write((int) n & 0xff);
            out.write((int) (n >>> 8) & 0xff);
        } else {
            out.write(0xfe);
            out.writeBytes(uint32((int) n));
        }
    }
}
