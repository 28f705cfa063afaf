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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

    /**
     * One step of the BIP174 workflow. The role is read from the case ({@code role}, else its id); its input is
     * read by {@link RoleInputs}; the produced PSBT (or, for the extractor, transaction) is compared with every
     * field of {@code expected}.
     */
    private static void role(VectorCase c) {
        String role = RoleInputs.role(c);
        if (role.contains("creator")) {
            expectPsbt(c, creator(c));
        } else if (role.contains("updater")) {
            expectPsbt(c, RoleInputs.updater(c).update(RoleInputs.psbt(c)));
        } else if (role.contains("signer")) {
            expectPsbt(c, signer(RoleInputs.psbt(c), RoleInputs.signingKeys(c)));
        } else if (role.contains("combiner")) {
            List<Psbt> parts = RoleInputs.psbts(c);
            if (parts.size() < 2) {
                throw RoleInputs.unreadable(c, "a combiner needs at least two PSBTs, found " + parts.size());
            }
            expectPsbt(c, Psbt.combine(parts, RecordOrder.BITCOIN_CORE));
        } else if (role.contains("finalizer")) {
            expectPsbt(c, PsbtFinalizer.finalizeAll(RoleInputs.psbt(c), false));
        } else if (role.contains("extractor")) {
            expectTransaction(c, RoleInputs.psbt(c).extract());
        } else {
            fail(c.id() + ": role '" + c.input().path("role").asText(role) + "' is not one of BIP174's roles");
        }
    }

    /** Fields of {@code expected} that describe rather than specify. */
    private static boolean isProse(String field) {
        return field.equals("about") || field.equals("reason") || field.equals("note") || field.equals("notes")
                || field.equals("description");
    }

    private static void expectPsbt(VectorCase c, Psbt produced) {
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = c.expected().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String value = f.getValue().asText();
            if (f.getKey().equals("psbtHex") || value.startsWith("70736274ff")) {
                assertEquals(value, produced.toHex(), c.id() + " " + f.getKey());
            } else if (f.getKey().equals("psbtBase64") || value.startsWith("cHNidP8")) {
                assertEquals(value, produced.toBase64(), c.id() + " " + f.getKey());
            } else if (!isProse(f.getKey())) {
                fail(c.id() + ": expected field '" + f.getKey() + "' is not understood for a PSBT-producing role");
            } else {
                continue;
            }
            compared++;
        }
        assertTrue(compared > 0, c.id() + ": expected holds no PSBT to compare with");
    }

    private static void expectTransaction(VectorCase c, RawTransaction tx) {
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = c.expected().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey().toLowerCase(Locale.ROOT);
            String value = f.getValue().asText();
            if (name.equals("wtxid")) {
                assertEquals(value, tx.wtxid(), c.id() + " wtxid");
            } else if (name.equals("txid")) {
                assertEquals(value, tx.txid(), c.id() + " txid");
            } else if (name.endsWith("hex") && !value.startsWith("70736274ff")) {
                assertEquals(value, tx.toHex(), c.id() + " " + f.getKey());
            } else if (!isProse(f.getKey())) {
                fail(c.id() + ": expected field '" + f.getKey() + "' is not understood for the extractor");
            } else {
                continue;
            }
            compared++;
        }
        assertTrue(compared > 0, c.id() + ": expected holds no transaction to compare with");
    }

    private static Psbt creator(VectorCase c) {
        JsonNode in = c.input();
        int sequence = (int) in.path("sequence").asLong(0xffffffffL);
        List<TxIn> inputs = new ArrayList<>();
        for (JsonNode i : in.path("inputs")) {
            byte[] txid = HEX.parseHex(i.path("txid").asText());
            reverse(txid);
            inputs.add(new TxIn(txid, i.has("vout") ? i.path("vout").asInt() : i.path("index").asInt(), sequence));
        }
        List<TxOut> outputs = new ArrayList<>();
        for (JsonNode o : in.path("outputs")) {
            outputs.add(new TxOut(RoleInputs.amountSats(c, o), HEX.parseHex(o.path("scriptPubKeyHex").asText())));
        }
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw RoleInputs.unreadable(c, "a creator needs 'inputs' and 'outputs'");
        }
        return Psbt.create(new RawTransaction(in.path("txVersion").asInt(2), inputs, outputs,
                in.path("lockTime").asInt(0)));
    }

    /** The BIP's simple signer: signs each input whose key origins list one of its keys, with SIGHASH_ALL. */
    private static Psbt signer(Psbt psbt, List<byte[]> secrets) {
        Psbt out = psbt.copy();
        InputSigner signer = new InputSigner(out, false);
        for (int i = 0; i < out.inputCount(); i++) {
            for (byte[] secret : secrets) {
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
