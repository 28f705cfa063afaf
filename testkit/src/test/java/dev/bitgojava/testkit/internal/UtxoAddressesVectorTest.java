package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The server's address derivation against utxo-addresses.json: every case the server supports (btc/tbtc, chains
 * 0-21) gives the vector's address and scripts; every other case is refused with a 400.
 */
class UtxoAddressesVectorTest {

    private static final String FILE = "utxo-addresses.json";

    @TestFactory
    Stream<DynamicNode> addresses() {
        JsonNode wallet = VectorFiles.load(FILE).path("wallet");
        List<String> xpubs = List.of(wallet.path("userXpub").asText(), wallet.path("backupXpub").asText(),
                wallet.path("bitgoXpub").asText());
        return VectorFiles.tests(FILE, Map.of(
                "addresses", c -> check(c, xpubs),
                "unsupported", c -> check(c, xpubs)));
    }

    private static void check(VectorCase c, List<String> xpubs) {
        if (c.group().equals("unsupported")) {
            assertEquals("false", c.out("ok"));
        }
        String coin = c.in("coin");
        int chain = c.input().path("chain").asInt();
        int index = c.input().path("index").asInt();
        boolean supported = UtxoAddresses.supportsCoin(coin) && chain >= 0 && chain <= 21 && chain % 10 <= 1;
        if (!supported) {
            ApiException refused = assertThrows(ApiException.class,
                    () -> UtxoAddresses.forWallet(coin, xpubs).derive(chain, index));
            assertEquals(400, refused.status());
            return;
        }
        UtxoAddresses.Derived derived = UtxoAddresses.forWallet(coin, xpubs).derive(chain, index);
        assertEquals(c.out("address"), derived.address());
        assertEquals(c.out("scriptType"), derived.scriptType());
        assertEquals(textOrNull(c.expected(), "redeemScriptHex"), derived.redeemScript());
        assertEquals(textOrNull(c.expected(), "witnessScriptHex"), derived.witnessScript());
        assertEquals(c.out("scriptPubKeyHex"), derived.scriptPubKey());
        assertEquals(c.out("derivationPath"), derived.path());
        JsonNode keys = c.expected().path("derivedPublicKeysHex");
        assertEquals(List.of(keys.path("user").asText(), keys.path("backup").asText(), keys.path("bitgo").asText()),
                derived.publicKeys());
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
