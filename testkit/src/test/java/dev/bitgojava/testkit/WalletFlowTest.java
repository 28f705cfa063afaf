package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.WalletAddress;
import dev.bitgojava.signing.utxo.WalletKeys;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(BitGoTestServerExtension.class)
class WalletFlowTest {

    private BitGoTestServer server;
    private TestClient client;

    @BeforeEach
    void connect(BitGoTestServer server) {
        this.server = server;
        this.client = new TestClient(server, AuthVersion.V2);
    }

    @Test
    void aWalletIsCreatedFromAUserBackupAndBitGoKey() {
        Wallet wallet = createWallet("tbtc", "treasury");

        JsonNode fetched = ok(client.get("/api/v2/tbtc/wallet/" + wallet.id()));
        assertEquals("treasury", fetched.path("label").asText());
        assertEquals(2, fetched.path("m").asInt());
        assertEquals(3, fetched.path("n").asInt());
        assertEquals(wallet.keyIds(), texts(fetched.path("keys")));
        assertEquals("0", fetched.path("balanceString").asText());
    }

    @Test
    void theUserKeysEncryptedPrivateKeyIsStoredAsGiven() {
        String encryptedPrv = "{\"iv\":\"abc\",\"v\":1,\"ct\":\"opaque\"}";
        String id = ok(client.post("/api/v2/tbtc/key", json().put("pub", xpub(newKey()))
                .put("encryptedPrv", encryptedPrv))).path("id").asText();

        JsonNode key = ok(client.get("/api/v2/tbtc/key/" + id));

        assertEquals(encryptedPrv, key.path("encryptedPrv").asText());
        assertEquals("user", key.path("source").asText());
    }

    @Test
    void theBitGoKeyIsARealKeyWithoutAPrivatePart() {
        JsonNode key = ok(client.post("/api/v2/tbtc/key", json().put("source", "bitgo")));

        DeterministicKey parsed = DeterministicKey.deserializeB58(key.path("pub").asText(), BitcoinNetwork.MAINNET);
        assertTrue(parsed.isPubKeyOnly());
        assertFalse(key.has("encryptedPrv"));
        assertTrue(key.path("isBitGo").asBoolean());
    }

    @Test
    void aPrivateKeyGivenAsPubIsRefused() {
        DeterministicKey key = newKey();
        TestClient.Reply reply = client.post("/api/v2/tbtc/key",
                json().put("pub", key.serializePrivB58(BitcoinNetwork.MAINNET)));

        assertEquals(400, reply.status(), reply.body());
    }

    @Test
    void walletsAreListedByCoinAndAcrossCoins() {
        Wallet first = createWallet("tbtc", "a");
        Wallet second = createWallet("btc", "b");

        assertEquals(List.of(first.id()), ids(ok(client.get("/api/v2/tbtc/wallet")).path("wallets")));
        assertEquals(List.of(first.id(), second.id()), ids(ok(client.get("/api/v2/wallets")).path("wallets")));
        assertEquals(first.id(), ok(client.get("/api/v2/wallet/" + first.id())).path("id").asText());
    }

    @Test
    void aWalletOfAnotherCoinIsNotFoundUnderThisCoin() {
        Wallet wallet = createWallet("tbtc", "a");

        assertEquals(404, client.get("/api/v2/btc/wallet/" + wallet.id()).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 11, 20, 21})
    void addressesDeriveFromTheWalletsRealKeys(int chain) {
        Wallet wallet = createWallet("tbtc", "addresses");

        JsonNode first = ok(client.post("/api/v2/tbtc/wallet/" + wallet.id() + "/address", json().put("chain", chain)));
        JsonNode second = ok(client.post("/api/v2/tbtc/wallet/" + wallet.id() + "/address", json().put("chain", chain)));

        int index = first.path("index").asInt();
        assertEquals(index + 1, second.path("index").asInt());
        assertEquals(expectedAddress(wallet, chain, index), first.path("address").asText());
        assertEquals(expectedAddress(wallet, chain, index + 1), second.path("address").asText());
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 31, 40, 41})
    void taprootAddressesAreTheSigningModulesWalletAddresses(int chain) {
        Wallet wallet = createWallet("tbtc", "taproot");

        JsonNode created = ok(client.post("/api/v2/tbtc/wallet/" + wallet.id() + "/address", json().put("chain", chain)));

        WalletKeys keys = WalletKeys.fromXpubs(xpub(wallet.roots().get(0)), xpub(wallet.roots().get(1)),
                xpub(wallet.roots().get(2)));
        assertEquals(WalletAddress.derive(keys, UtxoCoin.TBTC, chain, created.path("index").asInt()).address(),
                created.path("address").asText());
        assertTrue(created.path("address").asText().startsWith("tb1p"), "a segwit v1 address");
    }

    @Test
    void aChainTheCoinDoesNotHaveIsRefused() {
        Wallet wallet = createWallet("bch", "no segwit");

        TestClient.Reply reply = client.post("/api/v2/bch/wallet/" + wallet.id() + "/address", json().put("chain", 20));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("UnsupportedChain", reply.json().path("name").asText());
    }

    @Test
    void addressesAreFoundByAddressOrId() {
        Wallet wallet = createWallet("tbtc", "lookup");
        JsonNode created = ok(client.post("/api/v2/tbtc/wallet/" + wallet.id() + "/address",
                json().put("chain", 20).put("label", "deposit")));
        String base = "/api/v2/tbtc/wallet/" + wallet.id() + "/address/";

        assertEquals("deposit", ok(client.get(base + created.path("address").asText())).path("label").asText());
        assertEquals(created.path("address").asText(),
                ok(client.get(base + created.path("id").asText())).path("address").asText());
    }

    @Test
    void aCreditBecomesATransferAnUnspentAndBalance() {
        Wallet wallet = createWallet("tbtc", "funded");

        CreditedTransfer credit = server.credit(wallet.id(), 150_000);

        JsonNode transfers = ok(client.get("/api/v2/tbtc/wallet/" + wallet.id() + "/transfer")).path("transfers");
        assertEquals(1, transfers.size());
        assertEquals(credit.transferId(), transfers.get(0).path("id").asText());
        assertEquals("receive", transfers.get(0).path("type").asText());
        assertEquals("150000", transfers.get(0).path("valueString").asText());
        JsonNode unspents = ok(client.get("/api/v2/tbtc/wallet/" + wallet.id() + "/unspents")).path("unspents");
        assertEquals(credit.txid() + ":0", unspents.get(0).path("id").asText());
        assertEquals(credit.address(), unspents.get(0).path("address").asText());
        assertEquals("150000", ok(client.get("/api/v2/tbtc/wallet/" + wallet.id())).path("balanceString").asText());
    }

    @Test
    void transfersPageWithPrevIdUntilTheLastPage() {
        Wallet wallet = createWallet("tbtc", "busy");
        List<String> credited = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            credited.add(0, server.credit(wallet.id(), 1000L * i).transferId());
        }

        List<String> seen = new ArrayList<>();
        String prevId = null;
        int pages = 0;
        do {
            String query = "?limit=3" + (prevId == null ? "" : "&prevId=" + prevId);
            JsonNode page = ok(client.get("/api/v2/tbtc/wallet/" + wallet.id() + "/transfer" + query));
            seen.addAll(ids(page.path("transfers")));
            prevId = page.hasNonNull("nextBatchPrevId") ? page.path("nextBatchPrevId").asText() : null;
            pages++;
        } while (prevId != null);

        assertEquals(credited, seen, "newest first, each once");
        assertEquals(3, pages);
    }

    @Test
    void webhooksAreAddedListedAndRemoved() {
        Wallet wallet = createWallet("tbtc", "hooks");
        String base = "/api/v2/tbtc/wallet/" + wallet.id() + "/webhooks";
        ok(client.post(base, json().put("type", "transfer").put("url", "https://example.com/a")));
        ok(client.post(base, json().put("type", "transfer").put("url", "https://example.com/b")));

        assertEquals(2, ok(client.get(base)).path("webhooks").size());
        assertEquals(1, ok(client.delete(base, json().put("type", "transfer").put("url", "https://example.com/a")))
                .path("removed").asInt());
        JsonNode left = ok(client.get(base)).path("webhooks");
        assertEquals(1, left.size());
        assertEquals("https://example.com/b", left.get(0).path("url").asText());
    }

    @Test
    void policyRulesAreAddedShownOnTheWalletAndRemoved() {
        Wallet wallet = createWallet("tbtc", "policy");
        String base = "/api/v2/tbtc/wallet/" + wallet.id() + "/policy/rule";
        ObjectNode rule = json().put("id", "limit").put("type", "velocityLimit");
        rule.putObject("condition").put("amountString", "100000").put("timeWindow", 86400);
        rule.putObject("action").put("type", "getApproval");

        JsonNode withRule = ok(client.post(base, rule));
        assertEquals("limit", withRule.path("admin").path("policy").path("rules").get(0).path("id").asText());

        JsonNode withoutRule = ok(client.delete(base, json().put("id", "limit").put("type", "velocityLimit")
                .set("action", json().put("type", "getApproval"))));
        assertEquals(0, withoutRule.path("admin").path("policy").path("rules").size());
    }

    @Test
    void theSeededUserHasAnEnterpriseAndASessionThatUnlocksWithTheTestOtp() {
        JsonNode enterprises = ok(client.get("/api/v2/enterprise")).path("enterprises");
        assertEquals(server.enterpriseId(), enterprises.get(0).path("id").asText());
        assertEquals(server.enterpriseId(), ok(client.get("/api/v2/enterprise/" + server.enterpriseId()))
                .path("id").asText());

        assertEquals(401, client.post("/api/v2/user/unlock", json().put("otp", "1234567")).status());
        JsonNode unlocked = ok(client.post("/api/v2/user/unlock", json().put("otp", "0000000").put("duration", 60)));
        assertTrue(unlocked.path("session").has("unlock"));
        JsonNode locked = ok(client.send("POST", "/api/v2/user/lock", null));
        assertFalse(locked.path("session").has("unlock"));
    }

    // ------------------------------------------------------------------ helpers

    /** A wallet and its three root keys (user and backup made here, BitGo's fetched from the server). */
    record Wallet(String id, List<String> keyIds, List<DeterministicKey> roots) {
    }

    private Wallet createWallet(String coin, String label) {
        DeterministicKey user = newKey();
        DeterministicKey backup = newKey();
        String userId = ok(client.post("/api/v2/" + coin + "/key",
                json().put("pub", xpub(user)).put("encryptedPrv", "{\"ct\":\"x\"}"))).path("id").asText();
        String backupId = ok(client.post("/api/v2/" + coin + "/key",
                json().put("source", "backup").put("pub", xpub(backup)).put("encryptedPrv", "{\"ct\":\"y\"}")))
                .path("id").asText();
        JsonNode bitgoKey = ok(client.post("/api/v2/" + coin + "/key",
                json().put("source", "bitgo").put("enterprise", server.enterpriseId())));
        ObjectNode body = json().put("label", label).put("m", 2).put("n", 3)
                .put("enterprise", server.enterpriseId());
        body.putArray("keys").add(userId).add(backupId).add(bitgoKey.path("id").asText());
        JsonNode wallet = ok(client.post("/api/v2/" + coin + "/wallet/add", body));
        DeterministicKey bitgo = DeterministicKey.deserializeB58(bitgoKey.path("pub").asText(), BitcoinNetwork.MAINNET);
        return new Wallet(wallet.path("id").asText(), List.of(userId, backupId, bitgoKey.path("id").asText()),
                List.of(user, backup, bitgo));
    }

    /** The address computed independently with bitcoinj's script builder (testnet encoding). */
    private static String expectedAddress(Wallet wallet, int chain, int index) {
        List<ECKey> keys = new ArrayList<>();
        for (DeterministicKey root : wallet.roots()) {
            DeterministicKey k = root;
            for (int step : new int[] {0, 0, chain, index}) {
                k = HDKeyDerivation.deriveChildKey(k, new ChildNumber(step, false));
            }
            keys.add(ECKey.fromPublicOnly(k.getPubKeyPoint(), true));
        }
        Script multisig = ScriptBuilder.createMultiSigOutputScript(2, keys);
        assertEquals(HexFormat.of().formatHex(keys.get(0).getPubKey()),
                HexFormat.of().formatHex(multisig.getChunks().get(1).data), "keys stay in user, backup, bitgo order");
        Script output;
        switch (chain / 10) {
            case 0:
                output = ScriptBuilder.createP2SHOutputScript(multisig);
                break;
            case 1:
                output = ScriptBuilder.createP2SHOutputScript(ScriptBuilder.createP2WSHOutputScript(multisig));
                break;
            default:
                output = ScriptBuilder.createP2WSHOutputScript(multisig);
        }
        Address address = output.getToAddress(BitcoinNetwork.TESTNET);
        return address.toString();
    }

    static DeterministicKey newKey() {
        byte[] seed = new byte[64];
        new SecureRandom().nextBytes(seed);
        return HDKeyDerivation.createMasterPrivateKey(seed);
    }

    static String xpub(DeterministicKey key) {
        return key.serializePubB58(BitcoinNetwork.MAINNET);
    }

    static ObjectNode json() {
        return TestClient.JSON.createObjectNode();
    }

    private static JsonNode ok(TestClient.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        assertNotEquals(0, out.size());
        return out;
    }
}
