package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A BitGo access token, held as a keyed HMAC-SHA256 rather than as text, so it can sign and verify without the
 * raw token being kept in a string or ever put on the wire.
 *
 * <p>A token is HMAC-eligible when it starts with {@code v2x} or is exactly 67 characters long (BitGo's rule);
 * then the {@code Authorization} header carries {@code Bearer <sha256hex(token)>}. Other (legacy) tokens are sent
 * as {@code Bearer <token>} and nothing is signed. Thread-safe; each thread gets its own {@link Mac} cloned from a
 * keyed prototype. {@link #toString()} never reveals the token or its hash.
 */
public final class AccessToken {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final boolean hmacEligible;
    private final String authorizationValue;
    private final byte[] bearerBytes;
    private final Mac prototype;
    private final ThreadLocal<Mac> macs;

    private AccessToken(String token) {
        this.hmacEligible = token.startsWith("v2x") || token.length() == 67;
        byte[] key = token.getBytes(StandardCharsets.UTF_8);
        try {
            this.prototype = Mac.getInstance(HMAC_SHA256);
            this.prototype.init(new SecretKeySpec(key, HMAC_SHA256));
        } catch (GeneralSecurityException e) {
            throw new SigningException("HmacSHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        this.authorizationValue = "Bearer " + (hmacEligible ? TokenHash.of(token) : token);
        this.bearerBytes = authorizationValue.getBytes(StandardCharsets.US_ASCII);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * Wraps a token string.
     *
     * @throws SigningException when the token is null, empty, or contains whitespace or control characters
     */
    public static AccessToken of(String token) {
        if (token == null || token.isEmpty()) {
            throw new SigningException("access token is missing");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw new SigningException("access token contains whitespace or control characters");
            }
        }
        return new AccessToken(token);
    }

    /** Whether requests with this token are HMAC-signed (token starts with {@code v2x} or has 67 characters). */
    public boolean hmacEligible() {
        return hmacEligible;
    }

    /** The exact {@code Authorization} header value to send with this token. */
    public String authorizationHeaderValue() {
        return authorizationValue;
    }

    /** Constant-time check that a received {@code Authorization} header is the one this token sends. */
    public boolean matchesAuthorization(String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(bearerBytes, header.getBytes(StandardCharsets.UTF_8));
    }

    /** This thread's HMAC-SHA256 keyed with the token (reset, ready for use). */
    Mac mac() {
        Mac mac = macs.get();
        mac.reset();
        return mac;
    }

    private Mac newMac() {
        synchronized (prototype) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new SigningException("this JVM's HmacSHA256 cannot be cloned", e);
            }
        }
    }

    @Override
    public String toString() {
        return "AccessToken[****, hmacEligible=" + hmacEligible + "]";
    }
}
