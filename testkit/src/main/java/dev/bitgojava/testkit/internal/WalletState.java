package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.utxo.ScriptType;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.WalletAddress;
import dev.bitgojava.signing.utxo.WalletKeys;
import dev.bitgojava.testkit.internal.Model.Address;
import dev.bitgojava.testkit.internal.Model.Entry;
import dev.bitgojava.testkit.internal.Model.PolicyRule;
import dev.bitgojava.testkit.internal.Model.Transfer;
import dev.bitgojava.testkit.internal.Model.Unspent;
import dev.bitgojava.testkit.internal.Model.Webhook;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One wallet: its fixed description plus the state that changes (addresses, transfers, unspents, webhooks,
 * policy, the Ethereum contract sequence). Every mutable field is guarded by the instance's monitor; readers get
 * copies. A send holds the monitor from its checks to its effects, so sends of one wallet never interleave.
 */
public final class WalletState {

    private static final HexFormat HEX = HexFormat.of();

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
    private final UtxoCoin utxoCoin;
    private final WalletKeys walletKeys;
    private final String contractAddress;

    private final List<Address> addresses = new ArrayList<>();
    private final Map<String, Address> addressesByScript = new HashMap<>();
    private final Map<Integer, Integer> nextIndexByChain = new HashMap<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final Map<String, Transfer> transfersBySequenceId = new HashMap<>();
    private final Map<String, Unspent> unspents = new LinkedHashMap<>();
    private final List<Webhook> webhooks = new ArrayList<>();
    private final Map<String, PolicyRule> policyRules = new LinkedHashMap<>();
    private final Map<String, List<String>> sharedUsers = new LinkedHashMap<>();
    private final Map<String, String> userKeyCopies = new HashMap<>();
    private BigInteger balance = BigInteger.ZERO;
    private long nextContractSequenceId = 1;

    /**
     * A new wallet. {@code utxoCoin} and {@code walletKeys} are set for UTXO wallets (addresses derive from the
     * keys), both null for Ethereum wallets, which get a contract address instead.
     */
    public WalletState(String id, String coin, String label, int m, int n, List<String> keyIds,
                       JsonNode keySignatures, String enterpriseId, String ownerUserId, String type, Instant created,
                       UtxoCoin utxoCoin, WalletKeys walletKeys) {
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
        this.utxoCoin = utxoCoin;
        this.walletKeys = walletKeys;
        this.contractAddress = utxoCoin == null ? "0x" + Ids.hex(20) : null;
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

    /** The owner's permissions. */
    public static final List<String> OWNER_PERMISSIONS = List.of("admin", "spend", "view");

    /**
     * A user's permissions on this wallet: the owner's full set, what an accepted share granted, or an empty list
     * for a stranger.
     */
    public synchronized List<String> permissionsOf(String userId) {
        if (ownerUserId.equals(userId)) {
            return OWNER_PERMISSIONS;
        }
        return sharedUsers.getOrDefault(userId, List.of());
    }

    /** Whether a user may see this wallet at all. */
    public boolean isMember(String userId) {
        return !permissionsOf(userId).isEmpty();
    }

    /** Every user of the wallet with permissions, the owner first. */
    public synchronized Map<String, List<String>> members() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put(ownerUserId, OWNER_PERMISSIONS);
        out.putAll(sharedUsers);
        return out;
    }

    /**
     * Adds a user through an accepted share; {@code encryptedUserKey} is that user's own copy of the wallet user
     * key (null for a view-only share).
     */
    public synchronized void addSharedUser(String userId, List<String> permissions, String encryptedUserKey) {
        sharedUsers.put(userId, List.copyOf(permissions));
        if (encryptedUserKey != null) {
            userKeyCopies.put(userId, encryptedUserKey);
        }
    }

    /** The user key as a shared user holds it (encrypted under that user's passphrase), or null. */
    public synchronized String userKeyCopyOf(String userId) {
        return userKeyCopies.get(userId);
    }

    /** The UTXO coin parameters, or null for an Ethereum wallet. */
    public UtxoCoin utxoCoin() { return utxoCoin; }

    /** The wallet's three root xpubs (UTXO wallets), or null. */
    public WalletKeys walletKeys() { return walletKeys; }

    /** The WalletSimple contract address (Ethereum wallets), or null. */
    public String contractAddress() { return contractAddress; }

    /**
     * Derives and stores the next address on {@code chain}: a fixed-script wallet address for UTXO coins (every
     * chain the coin supports, taproot included), a fresh forwarder address for Ethereum wallets.
     */
    public synchronized Address newAddress(int chain, String addressLabel, Instant now) {
        int index = nextIndexByChain.getOrDefault(chain, 0);
        Address address;
        if (utxoCoin == null) {
            if (chain != 0) {
                throw ApiException.badRequest("InvalidChain", "Ethereum wallet addresses use chain 0, not " + chain);
            }
            String text = index == 0 ? contractAddress : "0x" + Ids.hex(20);
            address = new Address(Ids.id32(), text, chain, index, addressLabel, null, null, null, now);
        } else {
            WalletAddress derived = derive(chain, index);
            address = new Address(Ids.id32(), derived.address(), chain, index, addressLabel,
                    derived.scripts().redeemScript().map(HEX::formatHex).orElse(null),
                    derived.scripts().witnessScript().map(HEX::formatHex).orElse(null),
                    HEX.formatHex(derived.scripts().scriptPubKey()), now);
            addressesByScript.put(address.scriptPubKey(), address);
        }
        nextIndexByChain.put(chain, index + 1);
        addresses.add(address);
        return address;
    }

    private WalletAddress derive(int chain, int index) {
        if (!ScriptType.isValidChain(chain)) {
            throw ApiException.badRequest("InvalidChain", "invalid address chain " + chain);
        }
        try {
            return WalletAddress.derive(walletKeys, utxoCoin, chain, index);
        } catch (SigningException e) {
            throw ApiException.badRequest("UnsupportedChain", coin + " wallets have no chain " + chain + ": "
                    + e.getMessage());
        }
    }

    /** Addresses in creation order. */
    public synchronized List<Address> addresses() {
        return List.copyOf(addresses);
    }

    /** The wallet's address paying to this output script (hex), or null. */
    public synchronized Address addressForScript(String scriptPubKeyHex) {
        return addressesByScript.get(scriptPubKeyHex);
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

    /** The change chain used when a build names none: the internal chain of the newest receive address's type. */
    public synchronized int defaultChangeChain() {
        Address receive = receiveAddress();
        return receive == null ? 1 : ScriptType.fromChain(receive.chain()).internalChain();
    }

    /**
     * Records a confirmed incoming payment to {@code to}: a receive transfer and, for UTXO wallets, an unspent
     * created by a real (unsigned-input) funding transaction paying the address.
     */
    public synchronized Transfer receive(Address to, BigInteger amount, int height, Instant now) {
        String txid;
        if (utxoCoin != null) {
            RawTransaction funding = new RawTransaction(utxoCoin.usesForkId() ? 2 : 1,
                    List.of(new TxIn(Ids.bytes(32), 0, TxIn.SEQUENCE_FINAL)),
                    List.of(new TxOut(amount.longValueExact(), HEX.parseHex(to.scriptPubKey()))), 0);
            txid = funding.txid();
            Unspent unspent = new Unspent(txid, 0, to.address(), amount, to.chain(), to.index(), to.redeemScript(),
                    to.witnessScript(), height, now, funding.serialize());
            unspents.put(unspent.id(), unspent);
        } else {
            txid = "0x" + Ids.hex(32);
        }
        Transfer transfer = new Transfer(Ids.id32(), txid, "receive", amount, BigInteger.ZERO, "confirmed", height,
                now, List.of(new Entry(to.address(), amount, true, false)), null, null, null);
        transfers.add(transfer);
        balance = balance.add(amount);
        return transfer;
    }

    /**
     * Records a send: the transfer (indexed by its sequence id), the unspents it spent removed, the wallet outputs
     * it created added, the balance changed by the transfer's value.
     */
    public synchronized void recordSend(Transfer transfer, Collection<String> spentUnspentIds,
                                        Collection<Unspent> created) {
        for (String spent : spentUnspentIds) {
            if (unspents.remove(spent) == null) {
                throw new IllegalStateException("unspent " + spent + " is not the wallet's");
            }
        }
        created.forEach(u -> unspents.put(u.id(), u));
        transfers.add(transfer);
        if (transfer.sequenceId() != null) {
            transfersBySequenceId.put(transfer.sequenceId(), transfer);
        }
        balance = balance.add(transfer.value());
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
        return List.copyOf(unspents.values());
    }

    /** The unspent with this id ({@code txid:vout}), or null. */
    public synchronized Unspent unspent(String unspentId) {
        return unspents.get(unspentId);
    }

    /** The confirmed balance in base units. */
    public synchronized BigInteger balance() {
        return balance;
    }

    /** The next WalletSimple sequence id (Ethereum wallets): one more than the highest used. */
    public synchronized long nextContractSequenceId() {
        return nextContractSequenceId;
    }

    /** Marks a WalletSimple sequence id used; the next one is above it. */
    public synchronized void useContractSequenceId(long sequenceId) {
        nextContractSequenceId = Math.max(nextContractSequenceId, sequenceId + 1);
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
