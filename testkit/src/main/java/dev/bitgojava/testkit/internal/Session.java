package dev.bitgojava.testkit.internal;

import java.time.Instant;

/**
 * The server's record of one access token: who it belongs to and whether it is unlocked for spending. The raw
 * token is held by {@link dev.bitgojava.signing.auth.AccessToken} only.
 */
public final class Session {

    private final String id;
    private final String userId;
    private final String label;
    private final Instant created;
    private final dev.bitgojava.signing.auth.AccessToken token;
    private Instant unlockedUntil;

    /** A session for {@code userId} authenticated by {@code token}. */
    public Session(String id, String userId, String label, Instant created,
                   dev.bitgojava.signing.auth.AccessToken token) {
        this.id = id;
        this.userId = userId;
        this.label = label;
        this.created = created;
        this.token = token;
    }

    public String id() { return id; }
    public String userId() { return userId; }
    public String label() { return label; }
    public Instant created() { return created; }

    /** The token's signing/verifying key. */
    public dev.bitgojava.signing.auth.AccessToken token() {
        return token;
    }

    /** Unlocks spending until the given instant. */
    public synchronized void unlockUntil(Instant until) {
        this.unlockedUntil = until;
    }

    /** Locks spending again. */
    public synchronized void lock() {
        this.unlockedUntil = null;
    }

    /** When the unlock ends, or null when locked. */
    public synchronized Instant unlockedUntil() {
        return unlockedUntil;
    }

    /** Whether spending is unlocked at {@code now}. */
    public synchronized boolean unlockedAt(Instant now) {
        return unlockedUntil != null && now.isBefore(unlockedUntil);
    }
}
