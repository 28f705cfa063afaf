package dev.bitgojava.signing.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.multiuser.internal.JsonAnswers;

/**
 * A recipient's sharing key, as {@code POST /api/v1/user/sharingkey} returns it: the recipient's ECDH root key
 * derived at {@code path}.
 *
 * @param userId the recipient's user id
 * @param pubkey 33-byte compressed public key, hex
 * @param path   the derivation path as returned (kept verbatim in the share)
 */
public record SharingKey(String userId, String pubkey, String path) {

    /** Checks that every field is present. */
    public SharingKey {
        if (userId == null || userId.isEmpty() || pubkey == null || pubkey.isEmpty() || path == null
                || path.isEmpty()) {
            throw new MalformedMultiUserDataException("a sharing key needs userId, pubkey and path");
        }
    }

    /** Reads the sharing-key answer ({@code {userId, pubkey, path}}). */
    public static SharingKey parse(String json) {
        JsonNode node = JsonAnswers.object(json, "sharing key");
        return new SharingKey(JsonAnswers.requiredText(node, "userId", "sharing key"),
                JsonAnswers.requiredText(node, "pubkey", "sharing key"), JsonAnswers.requiredText(node, "path", "sharing key"));
    }
}
