package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.testkit.internal.Model.Entry;
import dev.bitgojava.testkit.internal.Model.PolicyRule;
import dev.bitgojava.testkit.internal.Model.Transfer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Evaluates a wallet's policy rules against a send, as BitGo does before co-signing. Supported rule types:
 * {@code allTx}/{@code allTxNoFiat} (every send), {@code velocityLimit} ({@code amountString} over
 * {@code timeWindow} seconds, counting earlier sends), {@code transactionLimit} (one send's amount),
 * {@code advancedWhitelist}/{@code coinAddressWhitelist}/{@code bitcoinAddressWhitelist} (a recipient not listed
 * in {@code condition.add}) and {@code coinAddressBlacklist} (a recipient listed). Other types and {@code noop}
 * actions never fire.
 */
final class Policy {

    private Policy() {
    }

    /** The first rule the send triggers, or null. The caller holds the wallet's monitor. */
    static PolicyRule firingRule(WalletState wallet, PreparedSend send, Instant now) {
        for (PolicyRule rule : wallet.policyRules()) {
            JsonNode body = rule.body();
            String action = body.path("action").path("type").asText("");
            if (action.isEmpty() || "noop".equals(action)) {
                continue;
            }
            JsonNode condition = body.path("condition");
            if (fires(rule.type(), condition, wallet, send, now)) {
                return rule;
            }
        }
        return null;
    }

    /** Whether the rule's action denies the send outright (rather than asking for approval). */
    static boolean denies(PolicyRule rule) {
        return "deny".equals(rule.body().path("action").path("type").asText());
    }

    private static boolean fires(String type, JsonNode condition, WalletState wallet, PreparedSend send,
                                 Instant now) {
        switch (type) {
            case "allTx":
            case "allTxNoFiat":
                return true;
            case "velocityLimit": {
                BigInteger limit = amount(condition);
                if (limit == null) {
                    return false;
                }
                long window = condition.path("timeWindow").asLong(0);
                Instant since = now.minusSeconds(window);
                BigInteger spent = send.externalAmount();
                for (Transfer t : wallet.transfersNewestFirst()) {
                    if ("send".equals(t.type()) && !t.date().isBefore(since)) {
                        spent = spent.add(t.value().negate().subtract(t.fee()));
                    }
                }
                return spent.compareTo(limit) > 0;
            }
            case "transactionLimit": {
                BigInteger limit = amount(condition);
                return limit != null && send.externalAmount().compareTo(limit) > 0;
            }
            case "advancedWhitelist":
            case "coinAddressWhitelist":
            case "bitcoinAddressWhitelist": {
                Set<String> listed = listed(condition);
                for (Entry r : send.recipients()) {
                    if (!listed.contains(r.address().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
                return false;
            }
            case "coinAddressBlacklist": {
                Set<String> listed = listed(condition);
                for (Entry r : send.recipients()) {
                    if (listed.contains(r.address().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
                return false;
            }
            default:
                return false;
        }
    }

    private static BigInteger amount(JsonNode condition) {
        String text = condition.path("amountString").asText("");
        return text.matches("\\d+") ? new BigInteger(text) : null;
    }

    /** The addresses of {@code condition.add}: a string, an {@code {item}} object, or an array of either. */
    private static Set<String> listed(JsonNode condition) {
        Set<String> out = new HashSet<>();
        JsonNode add = condition.path("add");
        if (add.isArray()) {
            add.forEach(a -> addListed(out, a));
        } else {
            addListed(out, add);
        }
        return out;
    }

    private static void addListed(Set<String> out, JsonNode entry) {
        if (entry.isTextual()) {
            out.add(entry.asText().toLowerCase(Locale.ROOT));
        } else if (entry.isObject() && entry.hasNonNull("item")) {
            out.add(entry.get("item").asText().toLowerCase(Locale.ROOT));
        }
    }
}
