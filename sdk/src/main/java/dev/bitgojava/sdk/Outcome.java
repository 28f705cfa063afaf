package dev.bitgojava.sdk;

import java.util.Optional;

/**
 * The result of a call that may be held for approval: the decoded value, plus the {@link PendingApproval} when
 * BitGo answered that approval is pending. See {@link BitGoClient#withPendingApproval}.
 *
 * @param value           the decoded response (may be null for bodiless responses)
 * @param pendingApproval the pending approval, or null when the call completed
 * @param <T>             the response type
 */
public record Outcome<T>(T value, PendingApproval pendingApproval) {

    /** Whether the request awaits approval instead of having completed. */
    public boolean isPendingApproval() {
        return pendingApproval != null;
    }

    /** The pending approval, if any. */
    public Optional<PendingApproval> pending() {
        return Optional.ofNullable(pendingApproval);
    }
}
