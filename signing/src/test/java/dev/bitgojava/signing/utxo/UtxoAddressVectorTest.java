package dev.bitgojava.signing.utxo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtxoAddressVectorTest {

    private static final String FILE = "utxo-addresses.json";
    private static final HexFormat HEX = HexFormat.of();

    private static WalletKeys walletKeys() {
        JsonNode wallet = VectorFiles.load(FILE).path("wallet");
        return WalletKeys.fromXpubs(wallet.path("userXpub").asText(), wallet.path("backupXpub").asText(),
                wallet.path("bitgoXpub").asText());
    }

    @TestFactory
    Stream<DynamicNode> vectors() {
        WalletKeys keys = walletKeys();
        return VectorFiles.tests(FILE, Map.of(
                "addresses", c -> derivesTheAddress(keys, c),
                "unsupported", c -> refusesTheChain(keys, c)));
    }

    private static void derivesTheAddress(WalletKeys keys, VectorCase c) {
        UtxoCoin coin = UtxoCoin.fromId(c.in("coin"));
        int chain = c.input().path("chain").asInt();
        int index = c.input().path("index").asInt();
        WalletAddress a = WalletAddress.derive(keys, coin, chain, index);
        JsonNode e = c.expected();
        WalletScripts s = a.scripts();
        assertEquals(c.out("scriptType"), s.type().bitgoName(), "scriptType");
        assertEquals(c.out("derivationPath"), a.derivationPath(), "derivationPath");
        JsonNode pubs = e.path("derivedPublicKeysHex");
        for (KeyRole role : KeyRole.values()) {
            assertEquals(pubs.path(role.bitgoName()).asText(), HEX.formatHex(s.publicKey(role)), role + " key");
        }
        JsonNode tr = e.path("taproot");
        if (tr.isMissingNode() || tr.isNull()) {
            assertTrue(s.taproot().isEmpty(), "no taproot data expected");
        } else {
            TaprootInfo info = s.taproot().orElseThrow();
            assertEquals(tr.path("internalPubkeyHex").asText(), HEX.formatHex(info.internalKey()), "internal key");
            assertEquals(tr.path("outputPubkeyHex").asText(), HEX.formatHex(info.outputKey()), "output key");
            assertEquals(tr.path("taptreeRootHex").asText(), HEX.formatHex(info.merkleRoot()), "merkle root");
            assertEquals(roles(tr.path("keyPathKeys")), info.keyPathKeys(), "key path keys");
            JsonNode leaves = tr.path("leaves");
            assertEquals(leaves.size(), info.leaves().size(), "leaf count");
            for (int i = 0; i < leaves.size(); i++) {
                JsonNode l = leaves.get(i);
                TapLeaf leaf = info.leaves().get(i);
                assertEquals(roles(l.path("keys")), List.of(leaf.first(), leaf.second()), "leaf " + i + " keys");
                assertEquals(l.path("leafScriptHex").asText(), HEX.formatHex(leaf.script()), "leaf " + i + " script");
                assertEquals(l.path("leafVersion").asInt(), leaf.leafVersion(), "leaf " + i + " version");
                assertEquals(l.path("leafHashHex").asText(), HEX.formatHex(leaf.leafHash()), "leaf " + i + " hash");
                assertEquals(l.path("controlBlockHex").asText(), HEX.formatHex(leaf.controlBlock()),
                        "leaf " + i + " control block");
            }
        }
        assertEquals(c.out("scriptPubKeyHex"), HEX.formatHex(s.scriptPubKey()), "scriptPubKey");
        assertOptionalHex(e.path("redeemScriptHex"), s.redeemScript(), "redeemScript");
        assertOptionalHex(e.path("witnessScriptHex"), s.witnessScript(), "witnessScript");
        assertEquals(c.out("address"), a.address(), "address");
        if (e.has("addressCashaddr")) {
            assertEquals(c.out("addressCashaddr"), a.cashAddr(), "cashaddr");
            assertEquals(a.address(), AddressVerifier.verify(keys, coin, chain, index, c.out("addressCashaddr")).address());
        }
        assertEquals(a.address(), AddressVerifier.verify(keys, coin, chain, index, c.out("address")).address());
    }

    private static void refusesTheChain(WalletKeys keys, VectorCase c) {
        UtxoCoin coin = UtxoCoin.fromId(c.in("coin"));
        int chain = c.input().path("chain").asInt();
        int index = c.input().path("index").asInt();
        assertFalse(c.expected().path("ok").asBoolean(true), "vector expects a refusal");
        UnsupportedChainException e = assertThrows(UnsupportedChainException.class,
                () -> WalletAddress.derive(keys, coin, chain, index));
        assertEquals(c.out("errorName"), e.errorName());
        assertEquals(c.out("errorMessage"), e.getMessage());
    }

    private static List<KeyRole> roles(JsonNode names) {
        java.util.ArrayList<KeyRole> out = new java.util.ArrayList<>();
        names.forEach(n -> out.add(KeyRole.valueOf(n.asText().toUpperCase(java.util.Locale.ROOT))));
        return out;
    }

    private static void assertOptionalHex(JsonNode expected, Optional<byte[]> actual, String what) {
        if (expected.isNull() || expected.isMissingNode()) {
            assertTrue(actual.isEmpty(), what + " should be absent");
        } else {
            assertEquals(expected.asText(), actual.map(HEX::formatHex).orElse(null), what);
        }
    }
}
