package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.keys.Bip32Key;

/**
 * The access token a login (or an access-token creation) produced, and — after v2 token issuance — the user's
 * decrypted ECDH root key, which the client keeps to open later ECDH-encrypted tokens and incoming shares.
 *
 * @param accessToken the token to sign requests with; never log it
 * @param ecdhKey     the decrypted ECDH root key, or null when the server answered with a plain {@code access_token}
 */
public record IssuedToken(String accessToken, Bip32Key ecdhKey) {

    /** Checks that a token is present. */
    public IssuedToken {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new MalformedMultiUserDataException("no access token");
        }
    }

    /** Whether the token came ECDH-encrypted (and {@link #ecdhKey()} is set). */
    public boolean wasEncrypted() {
        return ecdhKey != null;
    }

    /** Never shows the token or the key. */
    @Override
    public String toString() {
        return "IssuedToken(" + (ecdhKey != null ? "ECDH-encrypted" : "plain") + ")";
    }
}
