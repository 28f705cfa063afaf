package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.testkit.internal.Model.Address;
import dev.bitgojava.testkit.internal.Model.Enterprise;
import dev.bitgojava.testkit.internal.Model.Keychain;
import dev.bitgojava.testkit.internal.Model.PolicyRule;
import dev.bitgojava.testkit.internal.Model.Transfer;
import dev.bitgojava.testkit.internal.Model.User;
import dev.bitgojava.testkit.internal.Model.Webhook;
import dev.bitgojava.testkit.internal.Router.Reply;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.WalletKeys;
import org.bitcoinj.crypto.DeterministicKey;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The BitGo v2 endpoints the server implements, over a {@link Store}. */
public final class Api {

    /** The one-time password BitGo's test environment accepts. */
    public static final String TEST_OTP = "0000000";

    private static final int DEFAULT_UNLOCK_SECONDS = 600;
    private static final int MAX_UNLOCK_SECONDS = 3600;

    private final Store store;
    private final Router router = new Router();

    /** The endpoints over a store. */
    public Api(Store store) {
        this.store = store;
        router.addPublic("GET", "/api/v2/ping", this::ping)
                .add("GET", "/api/v2/user/session", this::session)
                .add("POST", "/api/v2/user/unlock", this::unlock)
                .add("POST", "/api/v2/user/lock", this::lock)
                .add("GET", "/api/v2/user/{id}", this::user)
                .add("GET", "/api/v2/enterprise", this::enterprises)
                .add("GET", "/api/v2/enterprise/{enterpriseId}", this::enterprise)
                .add("GET", "/api/v2/wallets", this::allWallets)
                .add("GET", "/api/v2/wallet/{walletId}", this::walletById)
                .add("POST", "/api/v2/{coin}/key", this::createKey)
                .add("GET", "/api/v2/{coin}/key", this::listKeys)
                .add("GET", "/api/v2/{coin}/key/{id}", this::getKey)
                .add("POST", "/api/v2/{coin}/wallet/add", this::addWallet)
                .add("GET", "/api/v2/{coin}/wallet", this::listWallets)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}", this::getWallet)
                .add("POST", "/api/v2/{coin}/wallet/{walletId}/address", this::createAddress)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}/addresses", this::listAddresses)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}/address/{addressOrId}", this::getAddress)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}/transfer", this::listTransfers)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}/transfer/{transferId}", this::getTransfer)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}/unspents", this::listUnspents)
                .add("POST", "/api/v2/{coin}/wallet/{walletId}/webhooks", this::addWebhook)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}/webhooks", this::listWebhooks)
                .add("DELETE", "/api/v2/{coin}/wallet/{walletId}/webhooks", this::removeWebhooks)
                .add("POST", "/api/v2/{coin}/wallet/{walletId}/policy/rule", this::addPolicyRule)
                .add("PUT", "/api/v2/{coin}/wallet/{walletId}/policy/rule", this::updatePolicyRule)
                .add("DELETE", "/api/v2/{coin}/wallet/{walletId}/policy/rule", this::removePolicyRule);
    }

    /** The routes. */
    public Router router() {
        return router;
    }

    // ---------------------------------------------------------------- health, user, session

    private Reply ping(Call call) {
        return Reply.ok(Json.object().put("status", "service is ok!"));
    }

    private Reply user(Call call) {
        String id = call.param("id");
        if (!"me".equals(id) && !id.equals(call.userId())) {
            throw ApiException.notFound("user", id);
        }
        ObjectNode body = Json.object();
        body.set("user", Views.user(store.user(call.userId())));
        return Reply.ok(body);
    }

    private Reply session(Call call) {
        ObjectNode body = Json.object();
        body.set("session", Views.session(call.session(), store.now()));
        return Reply.ok(body);
    }

    private Reply unlock(Call call) {
        String otp = Model.text(call.body(), "otp");
        if (!TEST_OTP.equals(otp)) {
            throw new ApiException(401, "InvalidOtp", "incorrect one-time password", Json.object(),
                    Json.object().put("needsOTP", true));
        }
        int duration = DEFAULT_UNLOCK_SECONDS;
        JsonNode d = call.body().get("duration");
        if (d != null && !d.isNull()) {
            if (!d.canConvertToInt() || d.asInt() < 1 || d.asInt() > MAX_UNLOCK_SECONDS) {
                throw ApiException.badRequest("InvalidDuration",
                        "duration must be between 1 and " + MAX_UNLOCK_SECONDS + " seconds");
            }
            duration = d.asInt();
        }
        Instant now = store.now();
        call.session().unlockUntil(now.plusSeconds(duration));
        return session(call);
    }

    private Reply lock(Call call) {
        call.session().lock();
        return session(call);
    }

    // ---------------------------------------------------------------- enterprises

    private Reply enterprises(Call call) {
        ArrayNode list = Json.array();
        for (String id : store.user(call.userId()).enterpriseIds()) {
            list.add(Views.enterprise(store.enterprise(id)));
        }
        ObjectNode body = Json.object();
        body.set("enterprises", list);
        return Reply.ok(body);
    }

    private Reply enterprise(Call call) {
        return Reply.ok(Views.enterprise(ownEnterprise(call, call.param("enterpriseId"))));
    }

    private Enterprise ownEnterprise(Call call, String enterpriseId) {
        User user = store.user(call.userId());
        Enterprise enterprise = store.enterprise(enterpriseId);
        if (enterprise == null || !user.enterpriseIds().contains(enterpriseId)) {
            throw ApiException.notFound("enterprise", enterpriseId);
        }
        return enterprise;
    }

    // ---------------------------------------------------------------- keychains

    private Reply createKey(Call call) {
        String coin = coin(call);
        JsonNode body = call.body();
        String source = Model.text(body, "source");
        String keyType = Model.text(body, "keyType") != null ? Model.text(body, "keyType") : Model.text(body, "type");
        if (keyType != null && !"independent".equals(keyType)) {
            throw ApiException.badRequest("UnsupportedKeyType",
                    "the test server supports only independent (multisig) keys, not " + keyType);
        }
        if (source == null) {
            source = "user";
        }
        Instant now = store.now();
        Keychain keychain;
        switch (source) {
            case "bitgo": {
                DeterministicKey root = Keys.newRootKey();
                keychain = new Keychain(Ids.id32(), call.userId(), Keys.xpub(root), null, "bitgo", root, now);
                break;
            }
            case "user":
            case "backup":
            case "cold": {
                if (Model.text(body, "provider") != null) {
                    throw ApiException.badRequest("UnsupportedKeyProvider",
                            "the test server has no key recovery service providers");
                }
                String pub = Model.text(body, "pub");
                if (pub == null || pub.isEmpty()) {
                    throw ApiException.badRequest("MissingPub", "pub is required for a " + source + " key");
                }
                Keys.parseXpub(pub);
                keychain = new Keychain(Ids.id32(), call.userId(), pub, Model.text(body, "encryptedPrv"), source,
                        null, now);
                break;
            }
            default:
                throw ApiException.badRequest("InvalidKeySource", "unknown key source " + source);
        }
        store.addKeychain(keychain);
        return Reply.ok(Views.keychain(keychain));
    }

    private Reply listKeys(Call call) {
        coin(call);
        Page<Keychain> page = Page.of(store.keychainsOf(call.userId()), Keychain::id, call.queryParam("prevId"),
                call.intQuery("limit"));
        ArrayNode keys = Json.array();
        page.items().forEach(k -> keys.add(Views.keychain(k)));
        ObjectNode body = Json.object();
        body.set("keys", keys);
        putCursor(body, page);
        return Reply.ok(body);
    }

    private Reply getKey(Call call) {
        coin(call);
        return Reply.ok(Views.keychain(ownKeychain(call, call.param("id"))));
    }

    private Keychain ownKeychain(Call call, String id) {
        Keychain keychain = store.keychain(id);
        if (keychain != null && !keychain.userId().equals(call.userId())) {
            keychain = store.sharedKeychain(keychain, call.userId());
        }
        if (keychain == null) {
            throw ApiException.notFound("keychain", id);
        }
        return keychain;
    }

    // ---------------------------------------------------------------- wallets

    private Reply addWallet(Call call) {
        String coin = coin(call);
        JsonNode body = call.body();
        String label = Model.text(body, "label");
        if (label == null || label.isBlank()) {
            throw ApiException.badRequest("MissingLabel", "label is required");
        }
        String multisigType = Model.text(body, "multisigType");
        if (multisigType != null && !"onchain".equals(multisigType)) {
            throw ApiException.badRequest("UnsupportedMultisigType",
                    "the test server supports only onchain multisig wallets");
        }
        String type = Model.text(body, "type") == null ? "hot" : Model.text(body, "type");
        if (!"hot".equals(type) && !"cold".equals(type)) {
            throw ApiException.badRequest("UnsupportedWalletType",
                    "the test server supports hot and cold wallets, not " + type);
        }
        int m = body.path("m").asInt(-1);
        int n = body.path("n").asInt(-1);
        if (m != 2 || n != 3) {
            throw ApiException.badRequest("InvalidWalletParameters", "only 2-of-3 wallets (m=2, n=3) are supported");
        }
        JsonNode keys = body.get("keys");
        if (keys == null || !keys.isArray() || keys.size() != 3) {
            throw ApiException.badRequest("InvalidKeys", "keys must list three key ids: user, backup, bitgo");
        }
        List<String> keyIds = new ArrayList<>();
        List<String> xpubs = new ArrayList<>();
        String[] expectedSources = {"user", "backup", "bitgo"};
        for (int i = 0; i < 3; i++) {
            Keychain keychain = store.keychain(keys.get(i).asText());
            if (keychain == null || !keychain.userId().equals(call.userId())) {
                throw ApiException.badRequest("InvalidKeys", "key " + keys.get(i).asText() + " not found");
            }
            boolean bitgoSlot = i == 2;
            if (bitgoSlot != "bitgo".equals(keychain.source())) {
                throw ApiException.badRequest("InvalidKeys",
                        "key " + keychain.id() + " (source " + keychain.source() + ") cannot be the "
                                + expectedSources[i] + " key");
            }
            keyIds.add(keychain.id());
            xpubs.add(keychain.pub());
        }
        String enterpriseId = Model.text(body, "enterprise");
        if (enterpriseId != null) {
            ownEnterprise(call, enterpriseId);
        }
        UtxoCoin utxoCoin = Coins.utxo(coin);
        WalletKeys walletKeys = utxoCoin == null ? null
                : WalletKeys.fromXpubs(xpubs.get(0), xpubs.get(1), xpubs.get(2));
        JsonNode keySignatures = body.get("keySignatures") == null ? null : body.get("keySignatures").deepCopy();
        Instant now = store.now();
        WalletState wallet = new WalletState(Ids.id32(), coin, label, m, n, keyIds, keySignatures, enterpriseId,
                call.userId(), type, now, utxoCoin, walletKeys);
        wallet.newAddress(0, null, now);
        store.addWallet(wallet);
        return Reply.ok(Views.wallet(wallet));
    }

    private Reply listWallets(Call call) {
        String coin = coin(call);
        List<WalletState> all = store.walletsOf(call.userId(), coin);
        Page<WalletState> page = Page.of(all, WalletState::id, call.queryParam("prevId"), call.intQuery("limit"));
        ObjectNode body = Json.object();
        body.put("coin", coin);
        body.set("wallets", walletArray(page.items()));
        putCursor(body, page);
        body.put("totalCount", all.size());
        return Reply.ok(body);
    }

    private Reply allWallets(Call call) {
        List<WalletState> all = store.walletsOf(call.userId(), null);
        Page<WalletState> page = Page.of(all, WalletState::id, call.queryParam("prevId"), call.intQuery("limit"));
        ObjectNode body = Json.object();
        body.set("wallets", walletArray(page.items()));
        putCursor(body, page);
        body.put("totalCount", all.size());
        return Reply.ok(body);
    }

    private static ArrayNode walletArray(List<WalletState> wallets) {
        ArrayNode out = Json.array();
        wallets.forEach(w -> out.add(Views.wallet(w)));
        return out;
    }

    private Reply getWallet(Call call) {
        return Reply.ok(Views.wallet(wallet(call)));
    }

    private Reply walletById(Call call) {
        return Reply.ok(Views.wallet(ownWallet(call, call.param("walletId"), null)));
    }

    /** The caller's wallet named by the {@code coin} and {@code walletId} path parameters. */
    private WalletState wallet(Call call) {
        return ownWallet(call, call.param("walletId"), coin(call));
    }

    private WalletState ownWallet(Call call, String walletId, String coin) {
        WalletState wallet = store.wallet(walletId);
        if (wallet == null || !wallet.isMember(call.userId())
                || (coin != null && !wallet.coin().equals(coin))) {
            throw ApiException.notFound("wallet", walletId);
        }
        return wallet;
    }

    // ---------------------------------------------------------------- addresses

    private Reply createAddress(Call call) {
        WalletState wallet = wallet(call);
        JsonNode chainNode = call.body().get("chain");
        int chain = 0;
        if (chainNode != null && !chainNode.isNull()) {
            if (!chainNode.canConvertToInt()) {
                throw ApiException.badRequest("InvalidChain", "chain must be an integer");
            }
            chain = chainNode.asInt();
        }
        Address address = wallet.newAddress(chain, Model.text(call.body(), "label"), store.now());
        return Reply.ok(Views.address(wallet, address));
    }

    private Reply listAddresses(Call call) {
        WalletState wallet = wallet(call);
        List<String> chains = call.queryParams("chains");
        List<Address> all = wallet.addresses().stream()
                .filter(a -> chains.isEmpty() || chains.contains(Integer.toString(a.chain())))
                .toList();
        Page<Address> page = Page.of(all, Address::id, call.queryParam("prevId"), call.intQuery("limit"));
        ArrayNode addresses = Json.array();
        page.items().forEach(a -> addresses.add(Views.address(wallet, a)));
        ObjectNode body = Json.object();
        body.put("coin", wallet.coin());
        body.set("addresses", addresses);
        body.put("count", page.items().size());
        body.put("totalAddressCount", all.size());
        putCursor(body, page);
        return Reply.ok(body);
    }

    private Reply getAddress(Call call) {
        WalletState wallet = wallet(call);
        String key = call.param("addressOrId");
        for (Address a : wallet.addresses()) {
            if (a.id().equals(key) || a.address().equals(key)) {
                return Reply.ok(Views.address(wallet, a));
            }
        }
        throw ApiException.notFound("address", key);
    }

    // ---------------------------------------------------------------- transfers and unspents

    /**
     * Credits a wallet as if someone paid its newest receive address (creating one if it has none): a confirmed
     * receive transfer and a matching unspent.
     */
    public Transfer credit(String walletId, BigInteger amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("a credit must be a positive amount of base units");
        }
        WalletState wallet = store.wallet(walletId);
        if (wallet == null) {
            throw new IllegalArgumentException("no wallet " + walletId);
        }
        if (wallet.utxoCoin() != null && amount.bitLength() > 62) {
            throw new IllegalArgumentException("a UTXO credit must fit in a transaction output (below 2^62)");
        }
        Instant now = store.now();
        synchronized (wallet) {
            Address to = wallet.receiveAddress();
            if (to == null) {
                to = wallet.newAddress(0, null, now);
            }
            return wallet.receive(to, amount, store.nextBlockHeight(), now);
        }
    }

    private Reply listTransfers(Call call) {
        WalletState wallet = wallet(call);
        String type = call.queryParam("type");
        List<String> states = call.queryParams("state");
        List<Transfer> all = wallet.transfersNewestFirst().stream()
                .filter(t -> type == null || t.type().equals(type))
                .filter(t -> states.isEmpty() || states.contains(t.state()))
                .toList();
        Page<Transfer> page = Page.of(all, Transfer::id, call.queryParam("prevId"), call.intQuery("limit"));
        int tip = store.blockHeight();
        ArrayNode transfers = Json.array();
        page.items().forEach(t -> transfers.add(Views.transfer(wallet, t, tip)));
        ObjectNode body = Json.object();
        body.put("coin", wallet.coin());
        body.set("transfers", transfers);
        putCursor(body, page);
        return Reply.ok(body);
    }

    private Reply getTransfer(Call call) {
        WalletState wallet = wallet(call);
        Transfer transfer = wallet.transfer(call.param("transferId"));
        if (transfer == null) {
            throw ApiException.notFound("transfer", call.param("transferId"));
        }
        return Reply.ok(Views.transfer(wallet, transfer, store.blockHeight()));
    }

    private Reply listUnspents(Call call) {
        WalletState wallet = wallet(call);
        Page<Model.Unspent> page = Page.of(wallet.unspents(), Model.Unspent::id, call.queryParam("prevId"),
                call.intQuery("limit"));
        ArrayNode unspents = Json.array();
        page.items().forEach(u -> unspents.add(Views.unspent(wallet, u)));
        ObjectNode body = Json.object();
        body.put("coin", wallet.coin());
        body.set("unspents", unspents);
        putCursor(body, page);
        return Reply.ok(body);
    }

    // ---------------------------------------------------------------- webhooks

    private Reply addWebhook(Call call) {
        WalletState wallet = wallet(call);
        JsonNode body = call.body();
        String type = Model.text(body, "type");
        String url = Model.text(body, "url");
        if (type == null || type.isEmpty()) {
            throw ApiException.badRequest("MissingType", "type is required");
        }
        requireHttpUrl(url);
        int confirmations = body.path("numConfirmations").asInt(0);
        Webhook webhook = wallet.addWebhook(new Webhook(Ids.id32(), type, url, Model.text(body, "label"),
                confirmations, store.now()));
        return Reply.ok(Views.webhook(wallet, webhook));
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url == null ? "" : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw ApiException.badRequest("InvalidUrl", "url must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("InvalidUrl", "url must be an absolute http(s) URL");
        }
    }

    private Reply listWebhooks(Call call) {
        WalletState wallet = wallet(call);
        ArrayNode webhooks = Json.array();
        wallet.webhooks().forEach(w -> webhooks.add(Views.webhook(wallet, w)));
        ObjectNode body = Json.object();
        body.set("webhooks", webhooks);
        return Reply.ok(body);
    }

    private Reply removeWebhooks(Call call) {
        WalletState wallet = wallet(call);
        JsonNode body = call.body();
        String id = Model.text(body, "id");
        String type = Model.text(body, "type");
        String url = Model.text(body, "url");
        if (id == null && (type == null || url == null)) {
            throw ApiException.badRequest("MissingParameters", "give either id, or type and url");
        }
        int removed = wallet.removeWebhooks(id, type, url);
        return Reply.ok(Json.object().put("removed", removed));
    }

    // ---------------------------------------------------------------- policy

    private Reply addPolicyRule(Call call) {
        WalletState wallet = wallet(call);
        wallet.addPolicyRule(policyRule(call.body()));
        return Reply.ok(Views.wallet(wallet));
    }

    private Reply updatePolicyRule(Call call) {
        WalletState wallet = wallet(call);
        wallet.updatePolicyRule(policyRule(call.body()));
        return Reply.ok(Views.wallet(wallet));
    }

    private Reply removePolicyRule(Call call) {
        WalletState wallet = wallet(call);
        String id = Model.text(call.body(), "id");
        if (id == null) {
            throw ApiException.badRequest("MissingId", "id is required");
        }
        wallet.removePolicyRule(id);
        return Reply.ok(Views.wallet(wallet));
    }

    private PolicyRule policyRule(JsonNode body) {
        String id = Model.text(body, "id");
        String type = Model.text(body, "type");
        if (id == null || id.isEmpty() || type == null || type.isEmpty()) {
            throw ApiException.badRequest("InvalidPolicyRule", "a policy rule needs an id and a type");
        }
        JsonNode action = body.get("action");
        if (action == null || !action.isObject() || Model.text(action, "type") == null) {
            throw ApiException.badRequest("InvalidPolicyRule", "a policy rule needs an action with a type");
        }
        ObjectNode stored = Json.object();
        stored.set("action", action.deepCopy());
        if (body.get("condition") != null) {
            stored.set("condition", body.get("condition").deepCopy());
        }
        if (body.get("coin") != null) {
            stored.set("coin", body.get("coin").deepCopy());
        }
        return new PolicyRule(id, type, stored, store.now());
    }

    // ---------------------------------------------------------------- helpers

    private static String coin(Call call) {
        String coin = call.param("coin");
        if (!Coins.isSupported(coin)) {
            throw ApiException.badRequest("UnsupportedCoin", "the test server does not know coin " + coin);
        }
        return coin;
    }

    private static void putCursor(ObjectNode body, Page<?> page) {
        if (page.nextBatchPrevId() != null) {
            body.put("nextBatchPrevId", page.nextBatchPrevId());
        }
    }
}
