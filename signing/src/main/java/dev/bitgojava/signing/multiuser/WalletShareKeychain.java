package dev.bitgojava.signing.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.internal.JsJson;
import dev.bitgojava.signing.multiuser.internal.JsonAnswers;

/**
 * The {@code keychain} of a wallet share with spend permission: the wallet user key re-encrypted for the recipient.
 *
 * @param pub          the wallet user key's public key as stored on its keychain (an xpub for UTXO coins)
 * @param encryptedPrv the user key's private key, encrypted under the x-only ECDH secret (hex) of the sender's
 *                     ephemeral key and the recipient's sharing key
 * @param fromPubKey   the sender's ephemeral public key, compressed hex
 * @param toPubKey     the recipient's sharing public key, compressed hex
 * @param path         the recipient's sharing path, verbatim
 */
public record WalletShareKeychain(String pub, String encryptedPrv, String fromPubKey, String toPubKey, String path) {

    private static final String WHAT = "share keychain";

    /**
     * Reads a share's {@code keychain} object; returns null when the JSON is {@code null} or has no
     * {@code encryptedPrv} (a view-only share).
     */
    public static WalletShareKeychain parse(String keychainJson) {
        if (keychainJson == null || keychainJson.strip().equals("null")) {
            return null;
        }
        return from(JsonAnswers.object(keychainJson, WHAT));
    }

    static WalletShareKeychain from(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedMultiUserDataException("the share keychain is not a JSON object");
        }
        String encryptedPrv = JsonAnswers.optionalText(node, "encryptedPrv", WHAT);
        if (encryptedPrv == null || encryptedPrv.isEmpty()) {
            return null;
        }
        return new WalletShareKeychain(JsonAnswers.optionalText(node, "pub", WHAT), encryptedPrv,
                JsonAnswers.optionalText(node, "fromPubKey", WHAT), JsonAnswers.optionalText(node, "toPubKey", WHAT),
                JsonAnswers.optionalText(node, "path", WHAT));
    }

    /** Compact JSON with keys in BitGoJS's order {@code pub, encryptedPrv, fromPubKey, toPubKey, path}. */
    public String toJson() {
        return appendJson(new StringBuilder(512)).toString();
    }

    StringBuilder appendJson(StringBuilder out) {
        out.append('{');
        member(out, "pub", pub);
        member(out, "encryptedPrv", encryptedPrv);
        member(out, "fromPubKey", fromPubKey);
        member(out, "toPubKey", toPubKey);
        member(out, "path", path);
        return out.append('}');
    }

    private static void member(StringBuilder out, String name, String value) {
        if (value != null) {
            JsJson.string(JsJson.name(out, name), value);
        }
    }
}
