package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.testkit.internal.Model.Address;
import dev.bitgojava.testkit.internal.Model.PolicyRule;
import dev.bitgojava.testkit.internal.Model.Transfer;
import dev.bitgojava.testkit.internal.Model.Unspent;
import dev.bitgojava.testkit.internal.Model.Webhook;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One wallet: its fixed description plus the state that changes (addresses, transfers, unspents, webhooks,
 * policy). Every mutable field is guarded by the instance's monitor; readers get copies.
 *
 * <p>Transfers, unspents and the {@code sequenceId} index are kept so that sends (build/sign/send, pending
 * approvals, idempotent {@code sequenceId}) can be added on top without changing this layout.
 */
public final class WalletState {

    private final String id;
    private final String coin;
    private final String label;
    private final int m;
    private final int n;
    private final List<String> keyIds;
    private final JsonNode keySignatures;
    private final String enterpriseId;
    private final String ownerUserId;
    private final String type;
    private final Instant created;
    private final UtxoAddresses deriver;

    private final List<Address> addresses = new ArrayList<>();
    private final Map<Integer, Integer> nextIndexByChain = new HashMap<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final Map<String, Transfer> transfersBySequenceId = new HashMap<>();
    private final List<Unspent> unspents = new ArrayList<>();
    private final List<Webhook> webhooks = new ArrayList<>();
    private final Map<String, PolicyRule> policyRules = new LinkedHashMap<>();
    private BigInteger balance = BigInteger.ZERO;

    /** A new wallet; {@code deriver} is null for coins whose addresses the server cannot derive. */
    public WalletState(String id, String coin, String label, int m, int n, List<String> keyIds,
                       JsonNode keySignatures, String enterpriseId, String ownerUserId, String type, Instant created,
                       UtxoAddresses deriver) {
        this.id = id;
        this.coin = coin;
        this.label = label;
        this.m = m;
        this.n = n;
        this.keyIds = List.copyOf(keyIds);
        this.keySignatures = keySignatures;
        this.enterpriseId = enterpriseId;
        this.ownerUserId = ownerUserId;
        this.type = type;
        this.created = created;
        this.deriver = deriver;
    }

    public String id() { return id; }
    public String coin() { return coin; }
    public String label() { return label; }
    public int m() { return m; }
    public int n() { return n; }
    public List<String> keyIds() { return keyIds; }
    public JsonNode keySignatures() { return keySignatures; }
    public String enterpriseId() { return enterpriseId; }
    public String ownerUserId() { return ownerUserId; }
    public String type() { return type; }
    public Instant created() { return created; }

    /** Derives and stores the next address on {@code chain}. */
    public synchronized Address newAddress(int chain, String addressLabel, Instant now) {
        if (deriver == null) {
            throw ApiException.badRequest("UnsupportedCoin",
                    "the test server cannot create addresses for " + coin + " wallets yet");
        }
        int index = nextIndexByChain.getOrDefault(chain, 0);
        UtxoAddresses.Derived derived = deriver.derive(chain, index);
        nextIndexByChain.put(chain, index + 1);
        Address address = new Address(Ids.id32(), derived.address(), chain, index, addressLabel,
                derived.redeemScript(), derived.witnessScript(), now);
        addresses.add(address);
        return address;
    }

    /** Addresses in creation order. */
    public synchronized List<Address> addresses() {
        return List.copyOf(addresses);
    }

    /** The newest receive (even-chain) address, or null. */
    public synchronized Address receiveAddress() {
        for (int i = addresses.size() - 1; i >= 0; i--) {
            if (addresses.get(i).chain() % 2 == 0) {
                return addresses.get(i);
            }
        }
        return null;
    }

    /** Records a confirmed incoming payment to {@code to} with a fake unspent; returns the transfer. */
    public synchronized Transfer receive(Address to, BigInteger amount, int height, Instant now) {
        String txid = Ids.hex(32);
        Transfer transfer = new Transfer(Ids.id32(), txid, "receive", amount, "confirmed", height, now,
                to.address(), null, null);
        transfers.add(transfer);
        unspents.add(new Unspent(txid + ":0", to.address(), amount, to.chain(), to.index(), to.redeemScript(),
                to.witnessScript(), height, now));
        balance = balance.add(amount);
        return transfer;
    }

    /** Transfers, newest first. */
    public synchronized List<Transfer> transfersNewestFirst() {
        List<Transfer> out = new ArrayList<>(transfers);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The transfer with this id, or null. */
    public synchronized Transfer transfer(String transferId) {
        for (Transfer t : transfers) {
            if (t.id().equals(transferId)) {
                return t;
            }
        }
        return null;
    }

    /** The transfer sent with this {@code sequenceId}, or null. */
    public synchronized Transfer transferBySequenceId(String sequenceId) {
        return transfersBySequenceId.get(sequenceId);
    }

    /** Unspents, oldest first. */
    public synchronized List<Unspent> unspents() {
        return List.copyOf(unspents);
    }

    /** The confirmed balance in base units. */
    public synchronized BigInteger balance() {
        return balance;
    }

    /** Adds a webhook. */
    public synchronized Webhook addWebhook(Webhook webhook) {
        webhooks.add(webhook);
        return webhook;
    }

    /** Webhooks in creation order. */
    public synchronized List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    /** Removes webhooks matching the id, or else the type and url; returns how many. */
    public synchronized int removeWebhooks(String webhookId, String webhookType, String url) {
        int before = webhooks.size();
        webhooks.removeIf(w -> webhookId != null ? w.id().equals(webhookId)
                : w.type().equals(webhookType) && w.url().equals(url));
        return before - webhooks.size();
    }

    /** Adds a rule; a rule with the same id is a 400. */
    public synchronized void addPolicyRule(PolicyRule rule) {
        if (policyRules.containsKey(rule.id())) {
            throw ApiException.badRequest("DuplicatePolicyRule", "policy rule " + rule.id() + " already exists");
        }
        policyRules.put(rule.id(), rule);
    }

    /** Replaces an existing rule; an unknown id is a 404. */
    public synchronized void updatePolicyRule(PolicyRule rule) {
        if (!policyRules.containsKey(rule.id())) {
            throw ApiException.notFound("policy rule", rule.id());
        }
        policyRules.put(rule.id(), rule);
    }

    /** Removes a rule; an unknown id is a 404. */
    public synchronized void removePolicyRule(String ruleId) {
        if (policyRules.remove(ruleId) == null) {
            throw ApiException.notFound("policy rule", ruleId);
        }
    }

    /** Policy rules in creation order. */
    public synchronized List<PolicyRule> policyRules() {
        return List.copyOf(policyRules.values());
    }
}
