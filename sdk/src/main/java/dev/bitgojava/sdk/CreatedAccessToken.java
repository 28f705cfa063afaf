package dev.bitgojava.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A newly created access token. BitGo returns the token itself only this once: store it safely. It is never part
 * of {@link #toString()}.
 *
 * @param id         the token's id (for listing and deleting)
 * @param token      the token; never log it
 * @param label      its label
 * @param scopes     its scopes
 * @param expires    when it expires, or null when BitGo gave no date
 * @param ipRestrict the client IPs allowed to use it (empty for any)
 */
public record CreatedAccessToken(String id, String token, String label, Set<AccessTokenScope> scopes,
                                 Instant expires, List<String> ipRestrict) {

    /** Copies the collections. */
    public CreatedAccessToken {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        ipRestrict = ipRestrict == null ? List.of() : List.copyOf(ipRestrict);
    }

    /** Shows everything but the token. */
    @Override
    public String toString() {
        return "CreatedAccessToken(id=" + id + ", token=****, label=" + label + ", scopes=" + scopes + ", expires="
                + expires + ", ipRestrict=" + ipRestrict + ")";
    }
}
