package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A wallet policy rule to add, update or remove: its id (unique within the wallet), BitGo's rule type, the
 * type-specific condition and the action. Use the factories for the common rules.
 *
 * @param id        the rule id
 * @param type      BitGo's rule type, e.g. {@code velocityLimit}
 * @param condition the condition as BitGo expects it (copied)
 * @param action    what happens when the rule fires
 */
public record PolicyRuleDefinition(String id, String type, Map<String, Object> condition, PolicyAction action) {

    /** BitGo's longest velocity-limit window: 31 days. */
    public static final Duration MAX_VELOCITY_WINDOW = Duration.ofSeconds(2_678_400);

    /** Checks the fields. */
    public PolicyRuleDefinition {
        if (id == null || id.isBlank()) {
            throw new BitGoConfigurationException("a policy rule needs an id");
        }
        if (type == null || type.isBlank()) {
            throw new BitGoConfigurationException("a policy rule needs a type");
        }
        Objects.requireNonNull(action, "action");
        condition = condition == null ? Map.of() : Map.copyOf(condition);
    }

    /**
     * Adds {@code address} to the wallet's whitelist (an {@code advancedWhitelist} rule): sends elsewhere trigger
     * {@code action}.
     */
    public static PolicyRuleDefinition whitelistAddress(String id, String address, PolicyAction action) {
        if (address == null || address.isBlank()) {
            throw new BitGoConfigurationException("a whitelist entry needs an address");
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item", address);
        item.put("type", "address");
        return new PolicyRuleDefinition(id, "advancedWhitelist", Map.of("add", item), action);
    }

    /**
     * Triggers {@code action} when the wallet sends more than {@code amount} base units within {@code window}
     * (at most 31 days); an amount of zero catches every send.
     */
    public static PolicyRuleDefinition velocityLimit(String id, BigInteger amount, Duration window,
                                                     PolicyAction action) {
        if (amount == null || amount.signum() < 0) {
            throw new BitGoConfigurationException("a velocity limit must be a non-negative amount of base units");
        }
        if (window == null || window.isNegative() || window.compareTo(MAX_VELOCITY_WINDOW) > 0) {
            throw new BitGoConfigurationException("a velocity limit window must be between 0 and 31 days");
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("amountString", amount.toString());
        condition.put("timeWindow", window.toSeconds());
        return new PolicyRuleDefinition(id, "velocityLimit", condition, action);
    }

    /** Asks {@code url} about every send; the rule's {@code action} applies when the webhook refuses. */
    public static PolicyRuleDefinition webhook(String id, String url, PolicyAction action) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new BitGoConfigurationException("a webhook rule needs an http(s) URL");
        }
        return new PolicyRuleDefinition(id, "webhook", Map.of("url", url), action);
    }
}
