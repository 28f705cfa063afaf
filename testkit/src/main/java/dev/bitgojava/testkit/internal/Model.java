package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bitcoinj.crypto.DeterministicKey;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** The server's immutable records. Mutable per-wallet state lives in {@link WalletState}. */
public final class Model {

    private Model() {
    }

    /** A user account. */
    public record User(String id, String email, String firstName, String lastName, List<String> enterpriseIds,
                       Instant created) {
    }

    /** An enterprise. */
    public record Enterprise(String id, String name, Instant created) {
    }

    /**
     * A stored keychain. {@code prv} is set only for keys the server made itself ({@code source: bitgo}) and is
     * never rendered; it is kept for co-signing.
     */
    public record Keychain(String id, String userId, String pub, String encryptedPrv, String source,
                           DeterministicKey prv, Instant created) {
    }

    /**
     * A wallet address with its scripts (hex, null when absent); {@code scriptPubKey} is null for Ethereum
     * addresses.
     */
    public record Address(String id, String address, int chain, int index, String label, String redeemScript,
                          String witnessScript, String scriptPubKey, Instant created) {
    }

    /**
     * A transfer into or out of a wallet. {@code value} is the wallet's net change in signed base units (negative
     * for sends, fee included); {@code fee} is the network fee the wallet paid (zero for receives);
     * {@code tx} is the signed transaction hex (null for credits); {@code height} is 0 while unconfirmed.
     */
    public record Transfer(String id, String txid, String type, BigInteger value, BigInteger fee, String state,
                           int height, Instant date, List<Entry> entries, String sequenceId, String comment,
                           String tx) {
        /** The first entry's address (the receiving address of a credit, the first recipient of a send). */
        public String address() {
            return entries.isEmpty() ? null : entries.get(0).address();
        }
    }

    /**
     * One side of a transfer: an address and the signed value it gained (negative for the wallet's spent side).
     * {@code walletOwned} marks the wallet's own addresses, {@code isChange} its change outputs.
     */
    public record Entry(String address, BigInteger value, boolean walletOwned, boolean isChange) {
    }

    /**
     * A wallet unspent: output {@code vout} of {@code fundingTx} (the serialised transaction that created it, as
     * PSBTs carry it for non-segwit inputs), at the wallet address {@code 0/0/chain/index}.
     */
    public record Unspent(String txid, int vout, String address, BigInteger value, int chain, int index,
                          String redeemScript, String witnessScript, int blockHeight, Instant date,
                          byte[] fundingTx) {
        /** BitGo's unspent id, {@code txid:vout}. */
        public String id() {
            return txid + ":" + vout;
        }
    }

    /** A wallet webhook. */
    public record Webhook(String id, String type, String url, String label, int numConfirmations,
                          Instant created) {
    }

    /** A wallet policy rule, kept as the client gave it (id, type, condition, action, ...). */
    public record PolicyRule(String id, String type, ObjectNode body, Instant created) {
    }

    /** Reads an optional text field. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
