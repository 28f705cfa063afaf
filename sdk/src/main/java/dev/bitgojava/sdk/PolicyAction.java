package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.util.List;

/**
 * What a policy rule does when it fires.
 *
 * @param type              BitGo's action type, e.g. {@code getApproval} or {@code deny}
 * @param approvalsRequired how many approvals are needed, or null for BitGo's default
 * @param userIds           the users who may approve (empty: any wallet admin)
 */
public record PolicyAction(String type, Integer approvalsRequired, List<String> userIds) {

    /** Checks the fields. */
    public PolicyAction {
        if (type == null || type.isBlank()) {
            throw new BitGoConfigurationException("a policy action needs a type");
        }
        if (approvalsRequired != null && approvalsRequired < 1) {
            throw new BitGoConfigurationException("approvalsRequired must be at least 1");
        }
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    /** Hold the request until one of {@code approvers} (or, with none, any wallet admin) approves it. */
    public static PolicyAction getApproval(String... approvers) {
        return new PolicyAction("getApproval", 1, List.of(approvers));
    }

    /** Refuse the request. */
    public static PolicyAction deny() {
        return new PolicyAction("deny", null, List.of());
    }
}
