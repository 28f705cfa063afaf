package dev.bitgojava.testkit.internal;

import java.time.Instant;
import java.util.List;

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
    private volatile Grant grant = Grant.UNRESTRICTED;
    private volatile boolean revoked;
    private volatile Extension extension;

    /**
     * What makes a login token extensible: the P2PKH address of the client's extension key, and the raw token that
     * the extension signature covers (BitGo, as the issuer, knows it; the testkit keeps it only for these tokens).
     */
    public record Extension(String address, String token) {
    }

    /**
     * What a token may do and where: when it expires (null: never), which client IPs may use it (empty: any),
     * its scopes (empty: the default full set) and whether it is a login session or a long-lived access token.
     */
    public record Grant(Instant expires, List<String> ipRestrict, List<String> scope, boolean accessToken) {
        /** A token without limits, like the seeded user's. */
        public static final Grant UNRESTRICTED = new Grant(null, List.of(), List.of(), true);

        /** Copies the lists. */
        public Grant {
            ipRestrict = ipRestrict == null ? List.of() : List.copyOf(ipRestrict);
            scope = scope == null ? List.of() : List.copyOf(scope);
        }
    }

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

    /** The token's limits. */
    public Grant grant() {
        return grant;
    }

    /** Sets the token's limits (once, when the token is issued). */
    public void grant(Grant grant) {
        this.grant = grant;
    }

    /** Makes the token extensible by the key behind {@code address} (once, when the token is issued). */
    public void extensible(String address, String rawToken) {
        this.extension = new Extension(address, rawToken);
    }

    /** The extension data of an extensible token, or null. */
    public Extension extension() {
        return extension;
    }

    /** Moves the token's expiry (an extension); its other limits stay. */
    public synchronized void expireAt(Instant expires) {
        Grant g = grant;
        this.grant = new Grant(expires, g.ipRestrict(), g.scope(), g.accessToken());
    }

    /** Whether the token was revoked (logout or deletion). */
    public boolean revoked() {
        return revoked;
    }

    /** Revokes the token: every later request with it is refused. */
    public void revoke() {
        this.revoked = true;
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
