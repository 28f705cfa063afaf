package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.testkit.internal.Model.Address;
import dev.bitgojava.testkit.internal.Model.Enterprise;
import dev.bitgojava.testkit.internal.Model.Keychain;
import dev.bitgojava.testkit.internal.Model.PolicyRule;
import dev.bitgojava.testkit.internal.Model.Transfer;
import dev.bitgojava.testkit.internal.Model.Unspent;
import dev.bitgojava.testkit.internal.Model.User;
import dev.bitgojava.testkit.internal.Model.Webhook;

import java.math.BigInteger;
import java.time.Instant;

/** Renders the server's records as BitGo's JSON shapes. */
public final class Views {

    private Views() {
    }

    /** The {@code user} object of {@code GET /user/me}. */
    public static ObjectNode user(User user) {
        ObjectNode out = Json.object();
        out.put("id", user.id());
        out.put("username", user.email());
        ObjectNode name = out.putObject("name");
        name.put("first", user.firstName());
        name.put("last", user.lastName());
        name.put("full", user.firstName() + " " + user.lastName());
        ObjectNode email = out.putObject("email");
        email.put("email", user.email());
        email.put("verified", true);
        out.put("isActive", true);
        ArrayNode enterprises = out.putArray("enterprises");
        for (String id : user.enterpriseIds()) {
            enterprises.addObject().put("id", id);
        }
        return out;
    }

    /** The {@code session} object of {@code GET /user/session} and unlock/lock. */
    public static ObjectNode session(Session session, Instant now) {
        ObjectNode out = Json.object();
        out.put("id", session.id());
        out.put("user", session.userId());
        out.put("client", "bitgo");
        out.put("created", session.created().toString());
        Session.Grant grant = session.grant();
        out.put("expires", (grant.expires() != null ? grant.expires()
                : session.created().plusSeconds(10L * 365 * 24 * 3600)).toString());
        out.put("origin", "test.bitgo.com");
        out.put("isExtensible", session.extension() != null);
        out.put("label", session.label());
        if (!grant.ipRestrict().isEmpty()) {
            grant.ipRestrict().forEach(out.putArray("ipRestrict")::add);
        }
        if (grant.scope().isEmpty()) {
            out.putArray("scope").add("openid").add("profile").add("wallet_create").add("wallet_spend_all")
                    .add("wallet_view_all").add("wallet_manage_all").add("wallet_edit_all").add("enterprise_view_all");
        } else {
            grant.scope().forEach(out.putArray("scope")::add);
        }
        Instant until = session.unlockedUntil();
        if (until != null && now.isBefore(until)) {
            ObjectNode unlock = out.putObject("unlock");
            unlock.put("time", now.toString());
            unlock.put("expires", until.toString());
            unlock.put("txCount", 0);
            unlock.put("txValue", 0);
        }
        return out;
    }

    /** An enterprise. */
    public static ObjectNode enterprise(Enterprise enterprise) {
        ObjectNode out = Json.object();
        out.put("id", enterprise.id());
        out.put("name", enterprise.name());
        out.put("bitgoOrg", "BitGo Trust");
        out.put("kycState", "approved");
        out.put("type", "self-custody");
        out.putArray("permissions").add("admin").add("wallet.create");
        out.put("canCreateHotWallet", true);
        out.put("canCreateColdWallet", true);
        out.put("canCreateCustodialWallet", false);
        out.put("canAccessTrading", false);
        out.putArray("featureFlags");
        return out;
    }

    /** A keychain; never includes a server-held private key. */
    public static ObjectNode keychain(Keychain keychain) {
        ObjectNode out = Json.object();
        out.put("id", keychain.id());
        out.put("pub", keychain.pub());
        out.put("source", keychain.source());
        out.put("type", "independent");
        if (keychain.encryptedPrv() != null) {
            out.put("encryptedPrv", keychain.encryptedPrv());
        }
        out.put("isBitGo", "bitgo".equals(keychain.source()));
        return out;
    }

    /** A wallet with its balances, receive address and policy. */
    public static ObjectNode wallet(WalletState wallet) {
        ObjectNode out = Json.object();
        out.put("id", wallet.id());
        out.put("coin", wallet.coin());
        out.put("label", wallet.label());
        out.put("m", wallet.m());
        out.put("n", wallet.n());
        ArrayNode keys = out.putArray("keys");
        wallet.keyIds().forEach(keys::add);
        if (wallet.keySignatures() != null && wallet.keySignatures().isObject()) {
            out.set("keySignatures", wallet.keySignatures().deepCopy());
        }
        if (wallet.enterpriseId() != null) {
            out.put("enterprise", wallet.enterpriseId());
        }
        ArrayNode users = out.putArray("users");
        wallet.members().forEach((userId, permissions) ->
                permissions.forEach(users.addObject().put("user", userId).putArray("permissions")::add));
        out.put("type", wallet.type());
        out.put("multisigType", "onchain");
        out.put("approvalsRequired", 1);
        out.put("allowBackupKeySigning", false);
        out.put("deleted", false);
        out.put("disableTransactionNotifications", false);
        out.put("isCold", "cold".equals(wallet.type()));
        out.put("hasLargeNumberOfAddresses", false);
        out.put("startDate", wallet.created().toString());
        ObjectNode coinSpecific = out.putObject("coinSpecific");
        if (wallet.contractAddress() != null) {
            coinSpecific.put("baseAddress", wallet.contractAddress());
            coinSpecific.put("pendingChainInitialization", false);
        }
        BigInteger balance = wallet.balance();
        out.put("balanceString", balance.toString());
        out.put("confirmedBalanceString", balance.toString());
        out.put("spendableBalanceString", balance.toString());
        out.put("balance", balance.doubleValue());
        out.put("confirmedBalance", balance.doubleValue());
        out.put("spendableBalance", balance.doubleValue());
        Address receive = wallet.receiveAddress();
        if (receive != null) {
            out.set("receiveAddress", address(wallet, receive));
        }
        ObjectNode policy = out.putObject("admin").putObject("policy");
        policy.put("id", wallet.id());
        policy.put("label", "default");
        policy.put("latest", true);
        policy.put("version", 0);
        policy.put("date", wallet.created().toString());
        ArrayNode rules = policy.putArray("rules");
        for (PolicyRule rule : wallet.policyRules()) {
            rules.add(policyRule(rule));
        }
        return out;
    }

    /** A policy rule as stored, with its lock date. */
    public static ObjectNode policyRule(PolicyRule rule) {
        ObjectNode out = rule.body().deepCopy();
        out.put("id", rule.id());
        out.put("type", rule.type());
        out.put("lockDate", rule.created().plusSeconds(48L * 3600).toString());
        return out;
    }

    /** A wallet address. */
    public static ObjectNode address(WalletState wallet, Address address) {
        ObjectNode out = Json.object();
        out.put("id", address.id());
        out.put("address", address.address());
        out.put("chain", address.chain());
        out.put("index", address.index());
        out.put("coin", wallet.coin());
        out.put("wallet", wallet.id());
        if (address.label() != null) {
            out.put("label", address.label());
        }
        ObjectNode coinSpecific = out.putObject("coinSpecific");
        if (address.redeemScript() != null) {
            coinSpecific.put("redeemScript", address.redeemScript());
        }
        if (address.witnessScript() != null) {
            coinSpecific.put("witnessScript", address.witnessScript());
        }
        return out;
    }

    /** A transfer. */
    public static ObjectNode transfer(WalletState wallet, Transfer transfer, int tipHeight) {
        ObjectNode out = Json.object();
        out.put("id", transfer.id());
        out.put("coin", wallet.coin());
        out.put("wallet", wallet.id());
        if (wallet.enterpriseId() != null) {
            out.put("enterprise", wallet.enterpriseId());
        }
        out.put("txid", transfer.txid());
        out.put("height", transfer.height());
        out.put("heightId", String.format("%09d-%s", transfer.height(), transfer.id()));
        out.put("date", transfer.date().toString());
        out.put("confirmations", transfer.height() > 0 ? Math.max(1, tipHeight - transfer.height() + 1) : 0);
        out.put("type", transfer.type());
        out.put("value", transfer.value().doubleValue());
        out.put("valueString", transfer.value().toString());
        out.put("baseValueString", transfer.value().toString());
        out.put("baseValueWithoutFeesString", transfer.value().add(transfer.fee()).toString());
        out.put("feeString", transfer.fee().toString());
        out.put("usd", 0);
        out.put("usdRate", 0);
        out.put("state", transfer.state());
        out.putArray("tags").add(wallet.id());
        ArrayNode history = out.putArray("history");
        history.addObject().put("date", transfer.date().toString()).put("action", "created");
        if ("signed".equals(transfer.state())) {
            history.addObject().put("date", transfer.date().toString()).put("action", "signed");
        }
        if (transfer.comment() != null) {
            out.put("comment", transfer.comment());
        }
        if (transfer.sequenceId() != null) {
            out.put("sequenceId", transfer.sequenceId());
        }
        out.putObject("coinSpecific");
        ArrayNode entries = out.putArray("entries");
        for (Model.Entry entry : transfer.entries()) {
            ObjectNode e = entries.addObject().put("address", entry.address());
            if (entry.walletOwned()) {
                e.put("wallet", wallet.id());
            }
            e.put("value", entry.value().doubleValue()).put("valueString", entry.value().toString());
            if (entry.isChange()) {
                e.put("isChange", true);
            }
        }
        return out;
    }

    /** An unspent. */
    public static ObjectNode unspent(WalletState wallet, Unspent unspent) {
        ObjectNode out = Json.object();
        out.put("id", unspent.id());
        out.put("address", unspent.address());
        out.put("value", unspent.value().doubleValue());
        out.put("valueString", unspent.value().toString());
        out.put("blockHeight", unspent.blockHeight());
        out.put("date", unspent.date().toString());
        out.put("wallet", wallet.id());
        out.put("chain", unspent.chain());
        out.put("index", unspent.index());
        if (unspent.redeemScript() != null) {
            out.put("redeemScript", unspent.redeemScript());
        }
        if (unspent.witnessScript() != null) {
            out.put("witnessScript", unspent.witnessScript());
        }
        out.put("isSegwit", unspent.witnessScript() != null);
        out.put("coinbase", false);
        return out;
    }

    /** A wallet webhook. */
    public static ObjectNode webhook(WalletState wallet, Webhook webhook) {
        ObjectNode out = Json.object();
        out.put("id", webhook.id());
        out.put("created", webhook.created().toString());
        out.put("coin", wallet.coin());
        out.put("walletId", wallet.id());
        out.put("type", webhook.type());
        out.put("url", webhook.url());
        if (webhook.label() != null) {
            out.put("label", webhook.label());
        }
        out.put("numConfirmations", webhook.numConfirmations());
        out.put("version", 2);
        out.put("scope", "wallet");
        out.put("state", "active");
        out.put("successiveFailedAttempts", 0);
        out.put("listenToFailureStates", false);
        out.put("allToken", false);
        return out;
    }
}
