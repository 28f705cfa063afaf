package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.internal.JsJson;

/**
 * The body of {@code POST /api/v2/{coin}/walletshare/{id}} that accepts a share:
 * {@code {"walletShareId":…,"state":"accepted","encryptedPrv":…}}, the last only for shares with a keychain.
 *
 * @param walletShareId the share's id
 * @param encryptedPrv  the wallet key re-encrypted under our own passphrase, or null for a view-only share
 */
public record AcceptShareBody(String walletShareId, String encryptedPrv) {

    /** Checks the share id. */
    public AcceptShareBody {
        if (walletShareId == null || walletShareId.isEmpty()) {
            throw new MultiUserException("accepting a share needs its id");
        }
    }

    /** Compact JSON in BitGoJS's key order. */
    public String toJson() {
        StringBuilder out = new StringBuilder(encryptedPrv == null ? 80 : 512).append('{');
        JsJson.string(JsJson.name(out, "walletShareId"), walletShareId);
        JsJson.string(JsJson.name(out, "state"), "accepted");
        if (encryptedPrv != null) {
            JsJson.string(JsJson.name(out, "encryptedPrv"), encryptedPrv);
        }
        return out.append('}').toString();
    }
}
