package dev.bitgojava.signing.utxo.psbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class Bip174VectorTest {

    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicNode> psbtVersion0() {
        return VectorFiles.tests("bip174.json", Map.of(
                "invalid", PsbtVectorChecks::refused,
                "valid", PsbtVectorChecks::decodes,
                "signerChecks", Bip174VectorTest::signerRefuses,
                "roles", Bip174VectorTest::role));
    }

    private static void signerRefuses(VectorCase c) {
        assertTrue(c.expected().path("signerMustRefuse").asBoolean(false));
        Psbt psbt = Psbt.fromHex(c.in("psbtHex"));
        int index = c.expected().path("inputIndex").asInt();
        InputSigner signer = new InputSigner(psbt, false);
        PsbtSigningException e = assertThrows(PsbtSigningException.class, () -> signer.ecdsaContext(index));
        assertEquals(index, e.inputIndex());
    }

    private static void role(VectorCase c) {
        String role = c.in("role");
        Psbt produced;
        switch (role) {
            case "creator":
                produced = creator(c.input());
                break;
            case "signer":
                produced = signer(Psbt.fromHex(c.in("psbtHex")), c.input().path("keys"));
                break;
            case "finalizer":
                produced = PsbtFinalizer.finalizeAll(Psbt.fromHex(c.in("psbtHex")), false);
                break;
            case "combiner": {
                List<Psbt> parts = new ArrayList<>();
                c.input().fields().forEachRemaining(f -> {
                    if (f.getValue().isArray() && f.getKey().toLowerCase().contains("hex")) {
                        f.getValue().forEach(p -> parts.add(Psbt.fromHex(p.asText())));
                    }
                });
                produced = Psbt.combine(parts, RecordOrder.BITCOIN_CORE);
                break;
            }
            case "extractor": {
                RawTransaction tx = Psbt.fromHex(c.in("psbtHex")).extract();
                String expectedTx = c.expected().has("txHex") ? c.out("txHex") : c.out("networkTxHex");
                assertEquals(expectedTx, tx.toHex());
                return;
            }
            default:
                fail("role '" + role + "' is not implemented by this test");
                return;
        }
        assertEquals(c.out("psbtHex"), produced.toHex());
    }

    private static Psbt creator(JsonNode in) {
        int sequence = (int) in.path("sequence").asLong(0xffffffffL);
        List<TxIn> inputs = new ArrayList<>();
        for (JsonNode i : in.path("inputs")) {
            byte[] txid = HEX.parseHex(i.path("txid").asText());
            reverse(txid);
            inputs.add(new TxIn(txid, i.path("vout").asInt(), sequence));
        }
        List<TxOut> outputs = new ArrayList<>();
        for (JsonNode o : in.path("outputs")) {
            outputs.add(new TxOut(Long.parseLong(o.path("amountSats").asText()), HEX.parseHex(o.path("scriptPubKeyHex").asText())));
        }
        return Psbt.create(new RawTransaction(in.path("txVersion").asInt(), inputs, outputs, in.path("lockTime").asInt()));
    }

    private static Psbt signer(Psbt psbt, JsonNode keys) {
        Psbt out = psbt.copy();
        InputSigner signer = new InputSigner(out, false);
        for (int i = 0; i < out.inputCount(); i++) {
            for (JsonNode k : keys) {
                byte[] secret = HEX.parseHex(k.path("privateKeyHex").asText());
                byte[] pub = Secp256k1.publicKey(secret);
                boolean listed = out.bip32Derivations(i).stream().anyMatch(o -> Arrays.equals(o.publicKey(), pub));
                if (listed) {
                    byte[] sig = signer.signEcdsa(i, secret, signer.hashType(i, 1));
                    out.input(i).put(PsbtEntry.of(Psbt.IN_PARTIAL_SIG, pub, sig), RecordOrder.BITCOIN_CORE);
                }
            }
        }
        return out;
    }

    private static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }
}
