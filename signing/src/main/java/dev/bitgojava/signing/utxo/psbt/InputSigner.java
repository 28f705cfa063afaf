package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.Schnorr;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.SighashCache;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.internal.Hashes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Computes signature hashes and signatures for PSBT inputs after the checks BIP174 asks of signers: the previous
 * transaction matches the outpoint, the redeem and witness scripts hash to what the output commits to, a witness
 * UTXO is only trusted for witness programs. Reuses one {@link SighashCache} per PSBT. Not thread-safe.
 */
public final class InputSigner {

    private static final byte[] ZERO_AUX = new byte[32];

    private final Psbt psbt;
    private final boolean forkId;
    private final SighashCache cache;
    private SighashCache taprootCache;

    /** A signer over the PSBT; {@code forkId} selects Bitcoin Cash's digest for non-segwit inputs. */
    public InputSigner(Psbt psbt, boolean forkId) {
        this.psbt = psbt;
        this.forkId = forkId;
        this.cache = new SighashCache(psbt.unsignedTx());
    }

    /** What an ECDSA input spends: the output, the script code and whether the digest is BIP143-style. */
    public record EcdsaContext(TxOut spent, byte[] scriptCode, boolean segwit) {
    }

    /**
     * The output an input spends: from the previous transaction (checked against the outpoint) and/or the witness
     * UTXO (which must agree with it when both are present).
     */
    public TxOut spentOutput(int i) {
        RawTransaction tx = psbt.unsignedTx();
        TxIn in = tx.inputs().get(i);
        Optional<byte[]> nonWitnessBytes = psbt.input(i).get(Psbt.IN_NON_WITNESS_UTXO);
        Optional<TxOut> witnessUtxo = psbt.witnessUtxo(i);
        TxOut spent = null;
        if (nonWitnessBytes.isPresent()) {
            RawTransaction prev = RawTransaction.parse(nonWitnessBytes.get());
            if (!Arrays.equals(prev.txidBytes(), in.prevTxid())) {
                throw new PsbtSigningException(i, "the non-witness UTXO transaction does not match the outpoint txid");
            }
            if (in.vout() < 0 || in.vout() >= prev.outputs().size()) {
                throw new PsbtSigningException(i, "the outpoint index is beyond the previous transaction's outputs");
            }
            spent = prev.outputs().get(in.vout());
        }
        if (witnessUtxo.isPresent()) {
            if (spent != null && !spent.equals(witnessUtxo.get())) {
                throw new PsbtSigningException(i, "the witness UTXO differs from the previous transaction's output");
            }
            spent = witnessUtxo.get();
        }
        if (spent == null) {
            throw new PsbtSigningException(i, "no UTXO data (neither non-witness nor witness UTXO)");
        }
        return spent;
    }

    /** Checks the input's data and returns what an ECDSA signature commits to. */
    public EcdsaContext ecdsaContext(int i) {
        Optional<byte[]> nonWitnessBytes = psbt.input(i).get(Psbt.IN_NON_WITNESS_UTXO);
        TxOut spent = spentOutput(i);
        byte[] spk = spent.scriptPubKey();
        byte[] script = spk;
        Optional<byte[]> redeem = psbt.redeemScript(i);
        if (isP2sh(spk)) {
            if (redeem.isEmpty()) {
                throw new PsbtSigningException(i, "P2SH output without a redeem script");
            }
            if (!Arrays.equals(Hashes.hash160(redeem.get()), Arrays.copyOfRange(spk, 2, 22))) {
                throw new PsbtSigningException(i, "the redeem script does not hash to the P2SH output");
            }
            script = redeem.get();
        } else if (redeem.isPresent()) {
            throw new PsbtSigningException(i, "a redeem script for an output that is not P2SH");
        }
        boolean segwit = isWitnessV0(script);
        if (!segwit && nonWitnessBytes.isEmpty()) {
            throw new PsbtSigningException(i, "only a witness UTXO is given, but the spent script is not a witness program");
        }
        Optional<byte[]> ws = psbt.witnessScript(i);
        if (segwit) {
            if (script.length == 34) {
                if (ws.isEmpty()) {
                    throw new PsbtSigningException(i, "P2WSH output without a witness script");
                }
                if (!Arrays.equals(Hashes.sha256(ws.get()), Arrays.copyOfRange(script, 2, 34))) {
                    throw new PsbtSigningException(i, "the witness script does not hash to the P2WSH program");
                }
                return new EcdsaContext(spent, ws.get(), true);
            }
            byte[] code = new byte[25];
            code[0] = 0x76;
            code[1] = (byte) 0xa9;
            code[2] = 0x14;
            System.arraycopy(script, 2, code, 3, 20);
            code[23] = (byte) 0x88;
            code[24] = (byte) 0xac;
            return new EcdsaContext(spent, code, true);
        }
        if (ws.isPresent()) {
            throw new PsbtSigningException(i, "a witness script for an output that is not a witness program");
        }
        if (isWitnessProgram(script)) {
            throw new PsbtSigningException(i, "unsupported witness program version");
        }
        return new EcdsaContext(spent, script, forkId);
    }

    /** The ECDSA signature hash of an input for a hash type. */
    public byte[] ecdsaSighash(int i, int hashType) {
        EcdsaContext c = ecdsaContext(i);
        if (c.segwit()) {
            return cache.segwitV0(i, c.scriptCode(), c.spent().value(), hashType);
        }
        return cache.legacy(i, c.scriptCode(), hashType);
    }

    /** The sighash type the input asks for, or {@code fallback}. */
    public int hashType(int i, int fallback) {
        return psbt.sighashType(i).orElse(fallback);
    }

    /** Signs an ECDSA input: DER signature followed by the sighash byte. */
    public byte[] signEcdsa(int i, byte[] privateKey32, int hashType) {
        byte[] digest = ecdsaSighash(i, hashType);
        byte[] der = Ecdsa.sign(digest, privateKey32);
        byte[] sig = Arrays.copyOf(der, der.length + 1);
        sig[der.length] = (byte) hashType;
        return sig;
    }

    /** The BIP341 script-path signature hash of an input for a leaf. */
    public byte[] taprootScriptSighash(int i, byte[] leafHash, int hashType) {
        if (taprootCache == null) {
            List<TxOut> spent = new ArrayList<>();
            for (int k = 0; k < psbt.inputCount(); k++) {
                // BIP341 commits to every spent output; a non-segwit input of the same transaction carries
                // only its previous transaction
                spent.add(spentOutput(k));
            }
            taprootCache = new SighashCache(psbt.unsignedTx(), spent);
        }
        return taprootCache.taproot(i, hashType, leafHash, null);
    }

    /** A BIP340 signature with zero auxiliary randomness; the sighash byte is appended unless DEFAULT. */
    public byte[] signTaprootScript(int i, byte[] leafHash, byte[] privateKey32, int hashType) {
        byte[] sig = Schnorr.sign(taprootScriptSighash(i, leafHash, hashType), privateKey32, ZERO_AUX);
        if (hashType == 0) {
            return sig;
        }
        byte[] out = Arrays.copyOf(sig, 65);
        out[64] = (byte) hashType;
        return out;
    }

    /** Whether the compressed public key of the secret key appears in the script code. */
    static boolean scriptMentions(byte[] script, byte[] pubkey) {
        outer:
        for (int p = 0; p + pubkey.length <= script.length; p++) {
            for (int k = 0; k < pubkey.length; k++) {
                if (script[p + k] != pubkey[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isP2sh(byte[] s) {
        return s.length == 23 && (s[0] & 0xff) == 0xa9 && s[1] == 0x14 && (s[22] & 0xff) == 0x87;
    }

    static boolean isWitnessV0(byte[] s) {
        return (s.length == 22 || s.length == 34) && s[0] == 0 && s[1] == s.length - 2;
    }

    static boolean isWitnessProgram(byte[] s) {
        return s.length >= 4 && s.length <= 42 && (s[0] == 0 || ((s[0] & 0xff) >= 0x51 && (s[0] & 0xff) <= 0x60))
                && s[1] == s.length - 2;
    }

    static byte[] publicKey(byte[] privateKey32) {
        return Secp256k1.publicKey(privateKey32);
    }
}
