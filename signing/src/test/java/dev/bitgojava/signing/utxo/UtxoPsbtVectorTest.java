package dev.bitgojava.signing.utxo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UtxoPsbtVectorTest {

    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return VectorFiles.tests("utxo-psbt.json", Map.of("scenarios", UtxoPsbtVectorTest::scenario));
    }

    private static void scenario(VectorCase c) {
        JsonNode in = c.input();
        JsonNode e = c.expected();
        UtxoCoin coin = UtxoCoin.fromId(c.in("coin"));
        String signerXprv = in.path("walletXprvs").path(in.path("signer").asText("user")).asText();
        String cosignerXprv = in.path("walletXprvs").path(in.path("cosigner").asText()).asText();

        Psbt unsigned = Psbt.fromHex(c.out("unsignedPsbtHex"));
        assertEquals(c.out("unsignedPsbtHex"), Psbt.fromBase64(c.out("unsignedPsbtBase64")).toHex());
        assertEquals(c.out("unsignedTxHex"), HEX.formatHex(unsigned.unsignedTx().serializeWithoutWitness()));
        assertEquals(c.out("unsignedTxid"), unsigned.unsignedTx().txid());
        assertDecoded(e.path("unsignedPsbtDecoded"), unsigned);

        Psbt half = PsbtSigner.sign(unsigned, signerXprv, coin);
        Psbt cosigned = PsbtSigner.sign(unsigned, cosignerXprv, coin);
        JsonNode inputs = e.path("inputs");
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode vi = inputs.get(i);
            String scheme = vi.path("signatureScheme").asText();
            if (scheme.startsWith("ecdsa")) {
                assertEquals(vi.path("sighashDigestHex").asText(),
                        HEX.formatHex(PsbtSigner.signatureHash(unsigned, i, coin, null)), "input " + i + " digest");
                assertEquals(vi.path("userSignatureHex").asText(), partialSig(half, i, vi.path("userDerivedPubkeyHex").asText()),
                        "input " + i + " user signature");
                assertEquals(vi.path("cosignerSignatureHex").asText(),
                        partialSig(cosigned, i, vi.path("cosignerDerivedPubkeyHex").asText()), "input " + i + " cosigner signature");
            } else {
                byte[] leafHash = java.util.Arrays.copyOfRange(half.tapScriptSignatures(i).get(0).keyData(), 32, 64);
                assertEquals(vi.path("sighashDigestHex").asText(),
                        HEX.formatHex(PsbtSigner.signatureHash(unsigned, i, coin, leafHash)), "input " + i + " digest");
                assertEquals(vi.path("userSignatureHex").asText(), tapSig(half, i), "input " + i + " user signature");
                assertEquals(vi.path("cosignerSignatureHex").asText(), tapSig(cosigned, i), "input " + i + " cosigner signature");
            }
            assertEquals(vi.path("sighashType").asInt(), unsigned.sighashType(i).orElse(-1), "input " + i + " sighash type");
        }

        assertEquals(c.out("halfSignedPsbtHex"), half.toHex(), "half-signed PSBT");
        if (e.hasNonNull("halfSignedLegacyTxHex")) {
            assertEquals(c.out("halfSignedLegacyTxHex"), PsbtSigner.legacyHalfSigned(half, coin).toHex(),
                    "legacy half-signed tx");
        }
        Psbt both = PsbtSigner.sign(half, cosignerXprv, coin);
        assertEquals(c.out("bothSignaturesPsbtHex"), both.toHex(), "both signatures");
        RawTransaction full = PsbtSigner.finalizeAndExtract(both, coin);
        assertEquals(c.out("fullySignedTxHex"), full.toHex(), "fully signed tx");
        assertEquals(c.out("txid"), full.txid());
        assertEquals(c.out("wtxid"), full.wtxid());
        assertEquals(e.path("virtualSize").asInt(), (full.serializeWithoutWitness().length * 3 + full.serialize().length + 3) / 4);

        JsonNode xpubs = in.path("walletXpubs");
        WalletKeys keys = WalletKeys.fromXpubs(xpubs.path("user").asText(), xpubs.path("backup").asText(),
                xpubs.path("bitgo").asText());
        TransactionExplanation x = UtxoTransactionVerifier.explain(unsigned, keys, coin);
        JsonNode view = e.path("verifierView").path("explainUnsigned");
        assertEquals(view.path("inputAmount").asText(), x.inputAmount().toString());
        assertEquals(view.path("outputAmount").asText(), x.externalAmount().toString());
        assertEquals(view.path("changeAmount").asText(), x.changeAmount().toString());
        assertEquals(view.path("fee").asText(), x.fee().toString());
        assertEquals(view.path("outputs").size(), x.externalOutputs().size());
        for (int k = 0; k < x.externalOutputs().size(); k++) {
            assertEquals(view.path("outputs").get(k).path("address").asText(), x.externalOutputs().get(k).address());
            assertEquals(view.path("outputs").get(k).path("amount").asText(), x.externalOutputs().get(k).amount().toString());
        }
        assertEquals(view.path("changeOutputs").size(), x.changeOutputs().size());
        for (int k = 0; k < x.changeOutputs().size(); k++) {
            JsonNode co = view.path("changeOutputs").get(k);
            TransactionExplanation.Output o = x.changeOutputs().get(k);
            assertEquals(co.path("address").asText(), o.address());
            assertEquals(co.path("amount").asText(), o.amount().toString());
            assertEquals(co.path("chain").asInt(), o.chain());
            assertEquals(co.path("index").asInt(), o.index());
        }
    }

    private static void assertDecoded(JsonNode d, Psbt psbt) {
        assertEquals(d.path("unsignedTx").path("inputs").size(), psbt.inputCount());
        assertEquals(d.path("unsignedTx").path("outputs").size(), psbt.outputCount());
        for (int i = 0; i < psbt.inputCount(); i++) {
            JsonNode di = d.path("inputs").get(i);
            if (di.has("redeemScriptHex")) {
                assertEquals(di.path("redeemScriptHex").asText(), psbt.redeemScript(i).map(HEX::formatHex).orElse(null));
            }
            if (di.has("witnessScriptHex")) {
                assertEquals(di.path("witnessScriptHex").asText(), psbt.witnessScript(i).map(HEX::formatHex).orElse(null));
            }
            if (di.has("witnessUtxo")) {
                var w = psbt.witnessUtxo(i).orElseThrow();
                assertEquals(di.path("witnessUtxo").path("scriptPubKeyHex").asText(), HEX.formatHex(w.scriptPubKey()));
                assertEquals(di.path("witnessUtxo").path("value").asText(), Long.toString(w.value()));
            }
            if (di.has("bip32Derivation")) {
                List<Psbt.KeyOrigin> origins = psbt.bip32Derivations(i);
                assertEquals(di.path("bip32Derivation").size(), origins.size());
                for (int k = 0; k < origins.size(); k++) {
                    JsonNode dk = di.path("bip32Derivation").get(k);
                    assertEquals(dk.path("pubkeyHex").asText(), HEX.formatHex(origins.get(k).publicKey()));
                    assertEquals(dk.path("masterFingerprintHex").asText(), HEX.formatHex(origins.get(k).fingerprint()));
                    assertEquals(dk.path("path").asText(), origins.get(k).pathString());
                }
            }
        }
    }

    private static String partialSig(Psbt psbt, int i, String pubHex) {
        for (Psbt.KeyedValue kv : psbt.partialSignatures(i)) {
            if (HEX.formatHex(kv.keyData()).equals(pubHex)) {
                return HEX.formatHex(kv.value());
            }
        }
        return null;
    }

    private static String tapSig(Psbt psbt, int i) {
        List<Psbt.KeyedValue> sigs = psbt.tapScriptSignatures(i);
        return sigs.size() == 1 ? HEX.formatHex(sigs.get(0).value()) : null;
    }
}
