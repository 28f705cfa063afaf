package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.internal.JsJson;

/**
 * The body of {@code POST /api/v2/{coin}/wallet/{walletId}/share}. {@code skipKeychain} is written as true exactly
 * when no keychain is sent (view-only shares, cold wallets).
 *
 * @param user         the recipient's user id (from the sharing key)
 * @param permissions  the comma-separated permission string as given, e.g. {@code view,spend}
 * @param reshare      sent when not null
 * @param message      sent when not null
 * @param disableEmail sent when not null
 * @param keychain     the re-encrypted user key, or null
 */
public record ShareWalletBody(String user, String permissions, Boolean reshare, String message,
                              Boolean disableEmail, WalletShareKeychain keychain) {

    /** Checks the required fields. */
    public ShareWalletBody {
        if (user == null || user.isEmpty() || permissions == null) {
            throw new MultiUserException("a share needs the recipient's user id and the permissions");
        }
    }

    /** Compact JSON: {@code user, permissions, reshare?, message?, disableEmail?, skipKeychain, keychain?}. */
    public String toJson() {
        StringBuilder out = new StringBuilder(keychain == null ? 128 : 768).append('{');
        JsJson.string(JsJson.name(out, "user"), user);
        JsJson.string(JsJson.name(out, "permissions"), permissions);
        if (reshare != null) {
            JsJson.name(out, "reshare").append(reshare.booleanValue());
        }
        if (message != null) {
            JsJson.string(JsJson.name(out, "message"), message);
        }
        if (disableEmail != null) {
            JsJson.name(out, "disableEmail").append(disableEmail.booleanValue());
        }
        JsJson.name(out, "skipKeychain").append(keychain == null);
        if (keychain != null) {
            keychain.appendJson(JsJson.name(out, "keychain"));
        }
        return out.append('}').toString();
    }
}
