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

    /** A wallet address with its scripts (hex, null when absent). */
    public record Address(String id, String address, int chain, int index, String label, String redeemScript,
                          String witnessScript, Instant created) {
    }

    /** A transfer into or out of a wallet; {@code value} is signed base units (negative for sends). */
    public record Transfer(String id, String txid, String type, BigInteger value, String state, int height,
                           Instant date, String address, String sequenceId, String comment) {
    }

    /** A fake unspent output held by a wallet. */
    public record Unspent(String id, String address, BigInteger value, int chain, int index, String redeemScript,
                          String witnessScript, int blockHeight, Instant date) {
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
