package dev.bitgojava.sdk.internal;

import dev.bitgojava.sdk.PendingApproval;

/** Collects a pending-approval answer seen while a call runs on this thread. */
public final class PendingApprovalScope {

    private static final ThreadLocal<PendingApprovalScope> CURRENT = new ThreadLocal<>();

    private PendingApproval seen;
    private PendingApprovalScope previous;

    private PendingApprovalScope() {
    }

    /** The active scope of this thread, or null. */
    static PendingApprovalScope current() {
        return CURRENT.get();
    }

    /** Opens a scope on this thread; close it with {@link #close()}. */
    public static PendingApprovalScope open() {
        PendingApprovalScope s = new PendingApprovalScope();
        s.previous = CURRENT.get();
        CURRENT.set(s);
        return s;
    }

    void record(PendingApproval p) {
        seen = p;
    }

    /** The pending approval seen, or null. */
    public PendingApproval seen() {
        return seen;
    }

    /** Closes the scope, restoring the enclosing one. */
    public void close() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
