package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.bitcoin.BitcoinMessage;
import dev.bitgojava.signing.multiuser.ExtensionKey;
import dev.bitgojava.testkit.internal.Accounts.Account;
import dev.bitgojava.testkit.internal.Router.Reply;
import dev.bitgojava.testkit.internal.Shares.Share;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The multi-user endpoints: password login with v2 token issuance, logout, the ECDH keychain and sharing keys,
 * long-lived access tokens (scopes, expiry, IP allow-list) and wallet shares (create, list, read, accept, reject,
 * cancel). Every check runs before any state changes, so a refused request leaves nothing behind.
 */
public final class MultiUserApi {

    private static final Set<String> SHARE_PERMISSIONS = Set.of("admin", "spend", "trade", "view");
    private static final long MAX_TOKEN_SECONDS = 10L * 365 * 24 * 3600;
    /**
     * How far an extension's {@code timestamp} may be from the server's clock, either way: an assumption (BitGo does
     * not document its window), kept tighter than the request HMAC's five minutes so that a signed extension goes
     * stale sooner than the request carrying it.
     */
    static final Duration EXTENSION_WINDOW = Duration.ofMinutes(2);

    private final Store store;
    private final Accounts accounts;
    private final Shares shares;
    private final Duration loginLifetime;
    private final Map<String, Session> accessTokens = new ConcurrentHashMap<>();

    /** The endpoints, registered on {@code router}. */
    public MultiUserApi(Store store, Accounts accounts, Shares shares, Duration loginLifetime, Router router) {
        this.store = store;
        this.accounts = accounts;
        this.shares = shares;
        this.loginLifetime = loginLifetime;
        router.addPublic("POST", "/api/auth/v1/session", this::login)
                .add("GET", "/api/v2/user/logout", this::logout)
                .add("POST", "/api/v1/user/extendtoken", this::extendToken)
                .add("GET", "/api/v1/user/settings", this::settings)
                .add("POST", "/api/v1/keychain/{xpub}", this::ecdhKeychain)
                .add("POST", "/api/v1/user/sharingkey", this::sharingKey)
                .add("POST", "/api/v2/user/accesstoken", this::createAccessToken)
                .add("GET", "/api/v2/user/accesstoken", this::listAccessTokens)
                .add("DELETE", "/api/v2/user/accesstoken/{token}", this::revokeAccessToken)
                .add("POST", "/api/v2/{coin}/wallet/{walletId}/share", this::shareWallet)
                .add("GET", "/api/v2/walletshares", this::listShares)
                .add("GET", "/api/v2/{coin}/walletshare", this::listShares)
                .add("GET", "/api/v2/{coin}/walletshare/{shareId}", this::getShare)
                .add("POST", "/api/v2/{coin}/walletshare/{shareId}", this::updateShare)
                .add("DELETE", "/api/v2/{coin}/walletshare/{shareId}", this::cancelShare);
    }

    // ---------------------------------------------------------------- login and session

    private Reply login(Call call) {
        JsonNode body = call.body();
        Account account = accounts.byEmail(Model.text(body, "email"));
        if (account == null || !account.passwordMatches(Model.text(body, "password"))) {
            throw new ApiException(401, "Unauthorized", "incorrect e-mail or password");
        }
        String otp = Model.text(body, "otp");
        if (otp != null && !Api.TEST_OTP.equals(otp)) {
            throw invalidOtp();
        }
        String extensionAddress = null;
        if (body.path("extensible").asBoolean(false)) {
            extensionAddress = Model.text(body, "extensionAddress");
            if (!BitcoinMessage.isP2pkhAddress(extensionAddress)) {
                throw ApiException.badRequest("InvalidExtensionAddress",
                        "an extensible login needs the P2PKH extensionAddress of the extension key");
            }
        }
        Instant now = store.now();
        String token = "v2x" + Ids.hex(32);
        Instant expires = now.plus(loginLifetime);
        Accounts.EncryptedToken encrypted = accounts.encryptToken(account, token);
        Session session = store.addToken(account.userId(), token, "login");
        session.grant(new Session.Grant(expires, List.of(), List.of(), false));
        if (extensionAddress != null) {
            session.extensible(extensionAddress, token);
        }

        ObjectNode out = Json.object();
        out.put("encryptedToken", encrypted.encryptedToken());
        out.put("derivationPath", encrypted.derivationPath());
        out.put("encryptedECDHXprv", account.encryptedEcdhXprv());
        out.put("expires_in", loginLifetime.toSeconds());
        out.put("expires_at", expires.getEpochSecond());
        out.put("token_id", session.id());
        out.put("token_type", "bearer");
        out.put("grant_type", "password");
        out.putArray("scope").add("all");
        out.set("user", Views.user(store.user(account.userId())));
        return Reply.ok(out);
    }

    private Reply logout(Call call) {
        call.session().revoke();
        return Reply.ok(Json.object());
    }

    /**
     * Extends an extensible login token to {@code duration} seconds from now. The {@code signature} header must be
     * the extension key's Bitcoin signed-message signature (hex) of {@code <timestamp>|<token>|<duration>} and the
     * {@code timestamp} header (ms) within {@link #EXTENSION_WINDOW} of the server's clock. A token that is not
     * extensible is a 400; a missing, stale or wrong signature a 401. Nothing changes unless every check passes.
     */
    private Reply extendToken(Call call) {
        Session session = call.session();
        Session.Extension extension = session.extension();
        if (extension == null) {
            throw ApiException.badRequest("TokenNotExtensible", "this token is not extensible");
        }
        JsonNode duration = call.body().get("duration");
        if (duration == null || !duration.canConvertToLong() || duration.asLong() < 1
                || duration.asLong() > MAX_TOKEN_SECONDS) {
            throw ApiException.badRequest("InvalidDuration", "duration must be 1.." + MAX_TOKEN_SECONDS + " seconds");
        }
        String timestampText = call.header("timestamp");
        String signature = call.header("signature");
        if (timestampText == null || signature == null) {
            throw new ApiException(401, "Unauthorized", "extending a token needs the timestamp and signature headers");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("InvalidTimestamp", "timestamp must be milliseconds since the epoch");
        }
        Instant now = store.now();
        long window = EXTENSION_WINDOW.toMillis();
        if (timestamp < now.toEpochMilli() - window || timestamp > now.toEpochMilli() + window) {
            throw new ApiException(401, "Unauthorized", "the extension timestamp is outside the validity window");
        }
        if (!ExtensionKey.verifyExtension(extension.address(), timestamp, extension.token(), duration.asLong(),
                signature)) {
            throw new ApiException(401, "Unauthorized", "invalid extension signature");
        }
        session.expireAt(now.plusSeconds(duration.asLong()));
        return Reply.ok(accessTokenView(session));
    }

    private Reply settings(Call call) {
        ObjectNode out = Json.object();
        ObjectNode settings = out.putObject("settings");
        Account account = accounts.byUserId(call.userId());
        if (account != null) {
            settings.put("ecdhKeychain", account.ecdhXpub());
        }
        return Reply.ok(out);
    }

    private Reply ecdhKeychain(Call call) {
        Account account = accounts.byUserId(call.userId());
        if (account == null || !account.ecdhXpub().equals(call.param("xpub"))) {
            throw ApiException.notFound("keychain", call.param("xpub"));
        }
        ObjectNode out = Json.object();
        out.put("xpub", account.ecdhXpub());
        out.put("encryptedXprv", account.encryptedEcdhXprv());
        return Reply.ok(out);
    }

    private Reply sharingKey(Call call) {
        String email = Model.text(call.body(), "email");
        Account account = accounts.byEmail(email);
        if (account == null) {
            throw new ApiException(404, "UserNotFound", "no user with e-mail " + email);
        }
        ObjectNode out = Json.object();
        out.put("userId", account.userId());
        out.put("pubkey", account.sharingPubkey());
        out.put("path", Accounts.SHARING_PATH);
        return Reply.ok(out);
    }

    // ---------------------------------------------------------------- access tokens

    private Reply createAccessToken(Call call) {
        JsonNode body = call.body();
        if (!Api.TEST_OTP.equals(Model.text(body, "otp"))) {
            throw invalidOtp();
        }
        String label = Model.text(body, "label");
        if (label == null || label.isBlank()) {
            throw ApiException.badRequest("MissingLabel", "label is required");
        }
        List<String> scope = strings(body.get("scope"));
        if (scope.isEmpty()) {
            throw ApiException.badRequest("MissingScope", "at least one scope is required");
        }
        Instant expires = null;
        JsonNode duration = body.get("duration");
        if (duration != null && !duration.isNull()) {
            if (!duration.canConvertToLong() || duration.asLong() < 1 || duration.asLong() > MAX_TOKEN_SECONDS) {
                throw ApiException.badRequest("InvalidDuration", "duration must be 1.." + MAX_TOKEN_SECONDS
                        + " seconds");
            }
            expires = store.now().plusSeconds(duration.asLong());
        }
        List<String> ipRestrict = strings(body.get("ipRestrict"));
        for (String ip : ipRestrict) {
            if (!ip.matches("[0-9a-fA-F:.]+(/[0-9]{1,3})?")) {
                throw ApiException.badRequest("InvalidIpRestrict", "not an IP address: " + ip);
            }
        }
        JsonNode limits = body.get("spendingLimits");
        if (limits != null && !limits.isNull()) {
            for (JsonNode limit : limits) {
                String value = Model.text(limit, "txValueLimit");
                if (value != null && !value.matches("\\d+")) {
                    throw ApiException.badRequest("InvalidSpendingLimit",
                            "txValueLimit must be a non-negative integer in base units");
                }
            }
        }
        String token = "v2x" + Ids.hex(32);
        Session session = store.addToken(call.userId(), token, label);
        session.grant(new Session.Grant(expires, ipRestrict, scope, true));
        accessTokens.put(session.id(), session);
        ObjectNode out = accessTokenView(session);
        out.put("token", token);
        return Reply.ok(out);
    }

    private Reply listAccessTokens(Call call) {
        List<Session> mine = new ArrayList<>();
        for (Session s : accessTokens.values()) {
            if (s.userId().equals(call.userId()) && !s.revoked()) {
                mine.add(s);
            }
        }
        mine.sort(java.util.Comparator.comparing(Session::created).thenComparing(Session::id));
        Page<Session> page = Page.of(mine, Session::id, call.queryParam("prevId"), call.intQuery("limit"));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("accessTokens");
        page.items().forEach(s -> list.add(accessTokenView(s)));
        if (page.nextBatchPrevId() != null) {
            out.put("nextBatchPrevId", page.nextBatchPrevId());
        }
        return Reply.ok(out);
    }

    private Reply revokeAccessToken(Call call) {
        Session session = accessTokens.get(call.param("token"));
        if (session == null || !session.userId().equals(call.userId()) || session.revoked()) {
            throw ApiException.notFound("access token", call.param("token"));
        }
        session.revoke();
        return Reply.ok(accessTokenView(session));
    }

    private static ObjectNode accessTokenView(Session session) {
        Session.Grant grant = session.grant();
        ObjectNode out = Json.object();
        out.put("id", session.id());
        out.put("label", session.label());
        out.put("user", session.userId());
        out.put("created", session.created().toString());
        if (grant.expires() != null) {
            out.put("expires", grant.expires().toString());
        }
        Session.Extension extension = session.extension();
        out.put("isExtensible", extension != null);
        if (extension != null) {
            out.put("extensionAddress", extension.address());
        }
        grant.scope().forEach(out.putArray("scope")::add);
        if (!grant.ipRestrict().isEmpty()) {
            grant.ipRestrict().forEach(out.putArray("ipRestrict")::add);
        }
        return out;
    }

    // ---------------------------------------------------------------- wallet shares

    private Reply shareWallet(Call call) {
        WalletState wallet = memberWallet(call);
        if (!wallet.permissionsOf(call.userId()).contains("admin")) {
            throw new ApiException(403, "Forbidden", "only a wallet admin may share the wallet");
        }
        JsonNode body = call.body();
        String toUser = Model.text(body, "user");
        Account recipient = toUser == null ? null : accounts.byUserId(toUser);
        if (recipient == null) {
            throw ApiException.badRequest("InvalidUser", "no user " + toUser);
        }
        if (wallet.isMember(toUser)) {
            throw ApiException.badRequest("AlreadyShared", "the user already has access to this wallet");
        }
        String permissions = Model.text(body, "permissions");
        if (permissions == null) {
            permissions = Model.text(body, "permission");
        }
        List<String> granted = permissions == null ? List.of() : Arrays.asList(permissions.split(","));
        if (granted.isEmpty() || !SHARE_PERMISSIONS.containsAll(granted)) {
            throw ApiException.badRequest("InvalidPermissions",
                    "permissions must be a comma-separated list of admin, spend, trade, view");
        }
        JsonNode keychain = body.get("keychain");
        boolean skipKeychain = body.path("skipKeychain").asBoolean(false);
        ObjectNode storedKeychain = null;
        if (keychain != null && !keychain.isNull()) {
            storedKeychain = checkedShareKeychain(wallet, recipient, keychain);
        } else if (granted.contains("spend") && !skipKeychain && "hot".equals(wallet.type())) {
            throw ApiException.badRequest("MissingKeychain",
                    "sharing a hot wallet with spend permission needs the re-encrypted user key (keychain)");
        }
        Share share = shares.add(wallet.coin(), wallet.id(), call.userId(), toUser, permissions,
                Model.text(body, "message"), storedKeychain, store.now());
        return Reply.ok(shareView(share, true));
    }

    private ObjectNode checkedShareKeychain(WalletState wallet, Account recipient, JsonNode keychain) {
        Model.Keychain userKey = store.keychain(wallet.keyIds().get(0));
        String pub = Model.text(keychain, "pub");
        if (userKey == null || !userKey.pub().equals(pub)) {
            throw ApiException.badRequest("InvalidKeychain", "keychain.pub is not the wallet's user key");
        }
        if (!recipient.sharingPubkey().equals(Model.text(keychain, "toPubKey"))
                || !Accounts.SHARING_PATH.equals(Model.text(keychain, "path"))) {
            throw ApiException.badRequest("InvalidKeychain",
                    "keychain.toPubKey and keychain.path must be the recipient's sharing key");
        }
        String from = Model.text(keychain, "fromPubKey");
        String encryptedPrv = Model.text(keychain, "encryptedPrv");
        if (from == null || !from.matches("0[23][0-9a-f]{64}") || encryptedPrv == null || encryptedPrv.isEmpty()) {
            throw ApiException.badRequest("InvalidKeychain",
                    "keychain needs fromPubKey (compressed hex) and encryptedPrv");
        }
        ObjectNode out = Json.object();
        out.put("pub", pub);
        out.put("encryptedPrv", encryptedPrv);
        out.put("fromPubKey", from);
        out.put("toPubKey", Model.text(keychain, "toPubKey"));
        out.put("path", Model.text(keychain, "path"));
        return out;
    }

    private Reply listShares(Call call) {
        String coin = call.param("coin");
        ArrayNode incoming = Json.array();
        ArrayNode outgoing = Json.array();
        for (Share share : shares.involving(call.userId())) {
            if (coin != null && !coin.equals(share.coin())) {
                continue;
            }
            if (share.toUser().equals(call.userId())) {
                incoming.add(shareView(share, true));
            } else {
                outgoing.add(shareView(share, false));
            }
        }
        ObjectNode out = Json.object();
        out.set("incoming", incoming);
        out.set("outgoing", outgoing);
        return Reply.ok(out);
    }

    private Reply getShare(Call call) {
        Share share = visibleShare(call);
        boolean recipient = share.toUser().equals(call.userId());
        if (recipient && share.keychain() != null && !"true".equals(call.queryParam("skipUnlock"))
                && !call.session().unlockedAt(store.now())) {
            throw needsUnlock("reading a share that carries key material needs an unlocked session");
        }
        return Reply.ok(shareView(share, recipient));
    }

    private Reply updateShare(Call call) {
        Share share = visibleShare(call);
        if (!share.toUser().equals(call.userId())) {
            throw new ApiException(403, "Forbidden", "only the recipient may accept or reject a share");
        }
        String state = Model.text(call.body(), "state");
        if ("rejected".equals(state)) {
            return stateReply(share, share.transition("rejected"));
        }
        if (!"accepted".equals(state)) {
            throw ApiException.badRequest("InvalidState", "state must be accepted or rejected");
        }
        String encryptedPrv = Model.text(call.body(), "encryptedPrv");
        if (share.keychain() != null && (encryptedPrv == null || encryptedPrv.isEmpty())) {
            throw ApiException.badRequest("MissingEncryptedPrv",
                    "accepting a share with key material needs the key re-encrypted under your passphrase");
        }
        WalletState wallet = store.wallet(share.walletId());
        if (wallet == null) {
            throw ApiException.notFound("wallet", share.walletId());
        }
        synchronized (share) {
            if (!share.transition("accepted")) {
                throw ApiException.badRequest("ShareNotActive", "the share is " + share.state());
            }
            wallet.addSharedUser(share.toUser(), Arrays.asList(share.permissions().split(",")),
                    share.keychain() == null ? null : encryptedPrv);
        }
        return stateReply(share, true);
    }

    private Reply cancelShare(Call call) {
        Share share = visibleShare(call);
        if (!share.fromUser().equals(call.userId())) {
            throw new ApiException(403, "Forbidden", "only the sender may cancel a share");
        }
        return stateReply(share, share.transition("canceled"));
    }

    private Share visibleShare(Call call) {
        Share share = shares.get(call.param("shareId"));
        if (share == null || !share.coin().equals(call.param("coin"))
                || !(share.toUser().equals(call.userId()) || share.fromUser().equals(call.userId()))) {
            throw ApiException.notFound("wallet share", call.param("shareId"));
        }
        return share;
    }

    private static Reply stateReply(Share share, boolean changed) {
        ObjectNode out = Json.object();
        out.put("state", share.state());
        out.put("changed", changed);
        return Reply.ok(out);
    }

    private ObjectNode shareView(Share share, boolean withKeychain) {
        WalletState wallet = store.wallet(share.walletId());
        ObjectNode out = Json.object();
        out.put("id", share.id());
        out.put("coin", share.coin());
        out.put("wallet", share.walletId());
        out.put("walletLabel", wallet == null ? "" : wallet.label());
        out.put("fromUser", share.fromUser());
        out.put("toUser", share.toUser());
        out.put("permissions", share.permissions());
        out.put("message", share.message() == null ? "" : share.message());
        out.put("state", share.state());
        if (wallet != null && wallet.enterpriseId() != null) {
            out.put("enterprise", wallet.enterpriseId());
        }
        ObjectNode keychain = share.keychain();
        if (withKeychain && keychain != null) {
            out.set("keychain", keychain);
        }
        return out;
    }

    private WalletState memberWallet(Call call) {
        WalletState wallet = store.wallet(call.param("walletId"));
        if (wallet == null || !wallet.coin().equals(call.param("coin")) || !wallet.isMember(call.userId())) {
            throw ApiException.notFound("wallet", call.param("walletId"));
        }
        return wallet;
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static ApiException invalidOtp() {
        return new ApiException(401, "InvalidOtp", "incorrect one-time password", Json.object(),
                Json.object().put("needsOTP", true));
    }

    static ApiException needsUnlock(String message) {
        return new ApiException(401, "NeedsUnlock", message, Json.object(), Json.object().put("needsUnlock", true));
    }
}
