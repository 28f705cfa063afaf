package dev.bitgojava.sdk;

import dev.bitgojava.client.api.PolicyApi;
import dev.bitgojava.client.model.AddPolicyRuleRequest;
import dev.bitgojava.client.model.PolicyRuleAction;
import dev.bitgojava.client.model.PolicyRuleRequest;
import dev.bitgojava.client.model.Wallet;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The policy rules of one wallet. A change to an existing policy may itself need approval: each call returns an
 * {@link Outcome} whose {@link Outcome#pendingApproval()} says so. Get one from
 * {@link BitGoClient#policies(String, String)}.
 */
public final class Policies {

    private final BitGoClient client;
    private final String coin;
    private final String walletId;

    Policies(BitGoClient client, String coin, String walletId) {
        if (coin == null || coin.isBlank() || walletId == null || walletId.isBlank()) {
            throw new BitGoConfigurationException("policies need a coin and a wallet id");
        }
        this.client = client;
        this.coin = coin;
        this.walletId = walletId;
    }

    /** Adds a rule; the wallet (with its policy) comes back, or a pending approval. */
    public Outcome<Wallet> add(PolicyRuleDefinition rule) {
        Objects.requireNonNull(rule, "rule");
        AddPolicyRuleRequest body = new AddPolicyRuleRequest()
                .id(rule.id())
                .type(known(AddPolicyRuleRequest.TypeEnum.fromValue(rule.type()), rule.type()))
                .condition(new LinkedHashMap<>(rule.condition()))
                .action(action(rule.action()));
        return client.withPendingApproval(() -> client.api(PolicyApi.class).addPolicyRule(coin, walletId, body));
    }

    /** Replaces the rule with the same id. */
    public Outcome<Wallet> update(PolicyRuleDefinition rule) {
        PolicyRuleRequest body = request(rule);
        return client.withPendingApproval(() -> client.api(PolicyApi.class).updatePolicyRule(coin, walletId, body));
    }

    /** Removes the rule. */
    public Outcome<Wallet> remove(PolicyRuleDefinition rule) {
        PolicyRuleRequest body = request(rule);
        return client.withPendingApproval(() -> client.api(PolicyApi.class).removePolicyRule(coin, walletId, body));
    }

    private static PolicyRuleRequest request(PolicyRuleDefinition rule) {
        Objects.requireNonNull(rule, "rule");
        return new PolicyRuleRequest()
                .id(rule.id())
                .type(known(PolicyRuleRequest.TypeEnum.fromValue(rule.type()), rule.type()))
                .condition(new LinkedHashMap<>(rule.condition()))
                .action(action(rule.action()));
    }

    private static PolicyRuleAction action(PolicyAction action) {
        PolicyRuleAction out = new PolicyRuleAction()
                .type(known(PolicyRuleAction.TypeEnum.fromValue(action.type()), action.type()));
        if (action.approvalsRequired() != null) {
            out.approvalsRequired(action.approvalsRequired());
        }
        if (!action.userIds().isEmpty()) {
            out.userIds(new ArrayList<>(action.userIds()));
        }
        return out;
    }

    /** Refuses a type name the API does not list (the generated enums map those to a placeholder). */
    private static <E extends Enum<E>> E known(E value, String name) {
        if (value.name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
            throw new BitGoConfigurationException("unknown policy type: " + name);
        }
        return value;
    }
}
