package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.Taproot;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.internal.ByteWriter;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The input finalizer for multisig inputs (P2SH, P2SH-P2WSH, P2WSH with {@code OP_m <keys> OP_n
 * OP_CHECKMULTISIG}) and 2-of-2 tapscript leaves ({@code <A> OP_CHECKSIGVERIFY <B> OP_CHECKSIG}). Signatures
 * go in the order of the keys in the script; only UTXO, final-script, proprietary and unknown records remain.
 */
public final class PsbtFinalizer {

    private static final int[] SIGNING_TYPES = {Psbt.IN_PARTIAL_SIG, Psbt.IN_SIGHASH_TYPE, Psbt.IN_REDEEM_SCRIPT,
            Psbt.IN_WITNESS_SCRIPT, Psbt.IN_BIP32_DERIVATION, Psbt.IN_TAP_KEY_SIG, Psbt.IN_TAP_SCRIPT_SIG,
            Psbt.IN_TAP_LEAF_SCRIPT, Psbt.IN_TAP_BIP32_DERIVATION, Psbt.IN_TAP_INTERNAL_KEY, Psbt.IN_TAP_MERKLE_ROOT};

    private PsbtFinalizer() {
    }

    /** Finalizes every input of a copy of the PSBT; throws {@link PsbtSigningException} if one lacks signatures. */
    public static Psbt finalizeAll(Psbt psbt, boolean forkId) {
        Psbt out = psbt.copy();
        InputSigner context = new InputSigner(out, forkId);
        for (int i = 0; i < out.inputCount(); i++) {
            finalizeInput(out, context, i);
        }
        return out;
    }

    /** Finalizes, then extracts the network transaction. */
    public static RawTransaction finalizeAndExtract(Psbt psbt, boolean forkId) {
        return finalizeAll(psbt, forkId).extract();
    }

    private static void finalizeInput(Psbt psbt, InputSigner context, int i) {
        PsbtMap map = psbt.input(i);
        if (map.get(Psbt.IN_FINAL_SCRIPTSIG).isPresent() || map.get(Psbt.IN_FINAL_SCRIPTWITNESS).isPresent()) {
            return;
        }
        byte[] scriptSig = null;
        List<byte[]> witness = null;
        if (!psbt.tapLeafScripts(i).isEmpty()) {
            witness = taprootWitness(psbt, i);
        } else {
            InputSigner.EcdsaContext c = context.ecdsaContext(i);
            List<byte[]> sigs = multisigSignatures(psbt, i, c.scriptCode(), false);
            byte[] spk = c.spent().scriptPubKey();
            if (c.segwit() && InputSigner.isWitnessV0(spk) || (InputSigner.isP2sh(spk) && c.segwit()
                    && psbt.witnessScript(i).isPresent())) {
                witness = new ArrayList<>();
                witness.add(new byte[0]);
                witness.addAll(sigs);
                witness.add(c.scriptCode());
                if (InputSigner.isP2sh(spk)) {
                    scriptSig = push(psbt.redeemScript(i).orElseThrow());
                }
            } else {
                ByteArrayOutputStream s = new ByteArrayOutputStream();
                s.write(0);
                for (byte[] sig : sigs) {
                    s.writeBytes(push(sig));
                }
                s.writeBytes(push(c.scriptCode()));
                scriptSig = s.toByteArray();
            }
        }
        for (int type : SIGNING_TYPES) {
            map.removeType(type);
        }
        if (scriptSig != null) {
            map.put(PsbtEntry.of(Psbt.IN_FINAL_SCRIPTSIG, scriptSig), RecordOrder.KEY_TYPE_THEN_KEY);
        }
        if (witness != null) {
            map.put(PsbtEntry.of(Psbt.IN_FINAL_SCRIPTWITNESS, witnessBytes(witness)), RecordOrder.KEY_TYPE_THEN_KEY);
        }
    }

    /**
     * The signatures of a multisig script in key order: exactly m of them, or with {@code withEmptySlots}, one
     * slot per key with an empty item where a signature is missing.
     */
    static List<byte[]> multisigSignatures(Psbt psbt, int i, byte[] script, boolean withEmptySlots) {
        List<byte[]> keys = multisigKeys(script, i);
        int m = (script[0] & 0xff) - 0x50;
        List<Psbt.KeyedValue> partial = psbt.partialSignatures(i);
        List<byte[]> sigs = new ArrayList<>();
        for (byte[] key : keys) {
            byte[] found = null;
            for (Psbt.KeyedValue kv : partial) {
                if (Arrays.equals(kv.keyData(), key)) {
                    found = kv.value();
                }
            }
            if (found != null && (withEmptySlots || sigs.size() < m)) {
                sigs.add(found);
            } else if (withEmptySlots) {
                sigs.add(new byte[0]);
            }
        }
        if (!withEmptySlots && sigs.size() < m) {
            throw new PsbtSigningException(i, "has " + sigs.size() + " of the " + m + " signatures it needs");
        }
        return sigs;
    }

    static List<byte[]> multisigKeys(byte[] script, int i) {
        int n = script.length;
        if (n < 3 || (script[n - 1] & 0xff) != 0xae) {
            throw new PsbtSigningException(i, "the script is not a multisig script");
        }
        int m = (script[0] & 0xff) - 0x50;
        int total = (script[n - 2] & 0xff) - 0x50;
        List<byte[]> keys = new ArrayList<>();
        int p = 1;
        while (p < n - 2) {
            int len = script[p] & 0xff;
            if ((len != 33 && len != 65) || p + 1 + len > n - 2) {
                throw new PsbtSigningException(i, "the script is not a multisig script");
            }
            keys.add(Arrays.copyOfRange(script, p + 1, p + 1 + len));
            p += 1 + len;
        }
        if (m < 1 || m > 16 || total != keys.size() || m > total) {
            throw new PsbtSigningException(i, "the script is not a multisig script");
        }
        return keys;
    }

    private static List<byte[]> taprootWitness(Psbt psbt, int i) {
        List<Psbt.KeyedValue> sigs = psbt.tapScriptSignatures(i);
        for (Psbt.KeyedValue leaf : psbt.tapLeafScripts(i)) {
            byte[] v = leaf.value();
            byte[] script = Arrays.copyOf(v, v.length - 1);
            int version = v[v.length - 1] & 0xff;
            byte[] leafHash = Taproot.leafHash(version, script);
            if (script.length != 68 || script[0] != 0x20 || (script[33] & 0xff) != 0xad || script[34] != 0x20
                    || (script[67] & 0xff) != 0xac) {
                continue;
            }
            byte[] a = Arrays.copyOfRange(script, 1, 33);
            byte[] b = Arrays.copyOfRange(script, 35, 67);
            byte[] sigA = tapSig(sigs, a, leafHash);
            byte[] sigB = tapSig(sigs, b, leafHash);
            if (sigA != null && sigB != null) {
                return List.of(sigB, sigA, script, leaf.keyData());
            }
        }
        throw new PsbtSigningException(i, "no tap leaf has both of its signatures");
    }

    static byte[] tapSig(List<Psbt.KeyedValue> sigs, byte[] xOnly, byte[] leafHash) {
        for (Psbt.KeyedValue kv : sigs) {
            byte[] k = kv.keyData();
            if (Arrays.equals(k, 0, 32, xOnly, 0, 32) && Arrays.equals(k, 32, 64, leafHash, 0, 32)) {
                return kv.value();
            }
        }
        return null;
    }

    /** A minimal data push of {@code data}. */
    static byte[] push(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 3);
        int n = data.length;
        if (n < 0x4c) {
            out.write(n);
        } else if (n <= 0xff) {
            out.write(0x4c);
            out.write(n);
        } else {
            out.write(0x4d);
            out.write(n & 0xff);
            out.write(n >>> 8);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] witnessBytes(List<byte[]> items) {
        ByteWriter w = new ByteWriter(256);
        w.writeCompactSize(items.size());
        for (byte[] item : items) {
            w.writeVarBytes(item);
        }
        return w.toByteArray();
    }

    /**
     * BitGo's legacy half-signed network format: every multisig input gets one slot per key in script order,
     * with empty pushes for missing signatures (p2sh scriptSig {@code OP_0 <sig|OP_0>... <redeemScript>}, segwit
     * witness {@code [empty, sig|empty..., witnessScript]}).
     */
    public static RawTransaction legacyHalfSigned(Psbt psbt, boolean forkId) {
        InputSigner context = new InputSigner(psbt, forkId);
        RawTransaction tx = psbt.unsignedTx();
        List<TxIn> ins = new ArrayList<>();
        for (int i = 0; i < psbt.inputCount(); i++) {
            TxIn u = tx.inputs().get(i);
            if (!psbt.tapLeafScripts(i).isEmpty()) {
                throw new PsbtSigningException(i, "the legacy half-signed format has no taproot form");
            }
            InputSigner.EcdsaContext c = context.ecdsaContext(i);
            List<byte[]> slots = multisigSignatures(psbt, i, c.scriptCode(), true);
            byte[] spk = c.spent().scriptPubKey();
            byte[] scriptSig = new byte[0];
            List<byte[]> witness = List.of();
            if (c.segwit() && psbt.witnessScript(i).isPresent()) {
                List<byte[]> w = new ArrayList<>();
                w.add(new byte[0]);
                w.addAll(slots);
                w.add(c.scriptCode());
                witness = w;
                if (InputSigner.isP2sh(spk)) {
                    scriptSig = push(psbt.redeemScript(i).orElseThrow());
                }
            } else {
                ByteArrayOutputStream s = new ByteArrayOutputStream();
                s.write(0);
                for (byte[] sig : slots) {
                    s.writeBytes(sig.length == 0 ? new byte[] {0} : push(sig));
                }
                s.writeBytes(push(c.scriptCode()));
                scriptSig = s.toByteArray();
            }
            ins.add(new TxIn(u.prevTxid(), u.vout(), scriptSig, u.sequence(), witness));
        }
        return new RawTransaction(tx.version(), ins, tx.outputs(), tx.lockTime());
    }
}
