package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.internal.Hex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 helpers: the bearer value of an HMAC-eligible token ({@code sha256hex(token)}) and the V4 body hash.
 */
public final class TokenHash {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TokenHash::newSha256);

    private TokenHash() {
    }

    /** Lowercase hex SHA-256 of the token string's UTF-8 bytes: what BitGo expects after {@code Bearer }. */
    public static String of(String token) {
        if (token == null) {
            throw new SigningException("access token is null");
        }
        return sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex SHA-256 of bytes (a null body counts as empty). */
    public static String sha256Hex(byte[] bytes) {
        MessageDigest md = SHA256.get();
        if (bytes != null) {
            md.update(bytes);
        }
        return Hex.encode(md.digest());
    }

    /** This thread's reset SHA-256 digest. */
    static MessageDigest sha256() {
        MessageDigest md = SHA256.get();
        md.reset();
        return md;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new SigningException("SHA-256 is not available in this JVM", e);
        }
    }
}
