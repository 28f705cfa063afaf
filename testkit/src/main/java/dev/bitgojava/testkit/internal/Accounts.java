package dev.bitgojava.testkit.internal;

import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.multiuser.Ecdh;
import dev.bitgojava.signing.multiuser.LoginRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login credentials and ECDH keychains of the server's users, and the server's own token-issuance key. The server
 * keeps only the password's HMAC form (what a client sends at login) and the ECDH xprv encrypted under the plain
 * password (what BitGo keeps and hands back at login).
 */
public final class Accounts {

    /** BitGo's token-issuance paths: {@code m/999999/a/b} with two non-hardened indexes. */
    private static final String PATH_PREFIX = "m/999999/";
    /** The sharing path BitGo uses for a user's sharing key. */
    static final String SHARING_PATH = "m/999999/1/1";

    /** One user's credentials and ECDH keychain. */
    public record Account(String userId, String email, String passwordHmac, Bip32Key ecdhKey,
                          String encryptedEcdhXprv) {

        /** Whether a login password HMAC is this user's, compared in constant time. */
        public boolean passwordMatches(String hmac) {
            return hmac != null && MessageDigest.isEqual(passwordHmac.getBytes(StandardCharsets.US_ASCII),
                    hmac.getBytes(StandardCharsets.US_ASCII));
        }

        /** The xpub of the ECDH keychain (the user's {@code settings.ecdhKeychain}). */
        public String ecdhXpub() {
            return ecdhKey.toXpub();
        }

        /** The sharing public key: the ECDH key at the sharing path, compressed hex. */
        public String sharingPubkey() {
            return java.util.HexFormat.of().formatHex(ecdhKey.neuter().derive(SHARING_PATH.substring(2)).publicKey());
        }

        @Override
        public String toString() {
            return "Account(" + email + ")";
        }
    }

    /** An access token encrypted for its user, as token issuance answers. */
    public record EncryptedToken(String encryptedToken, String derivationPath) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Bip32Key serverKey = Bip32Key.generate(random);
    private final Map<String, Account> byUserId = new ConcurrentHashMap<>();
    private final Map<String, Account> byEmail = new ConcurrentHashMap<>();

    /** The xpub clients use to open issued tokens ({@code serverXpub}). */
    public String serverXpub() {
        return serverKey.toXpub();
    }

    /** Registers a user's password and makes their ECDH keychain, encrypted under the password. */
    public Account register(String userId, String email, char[] password) {
        String normalized = LoginRequest.normalizeEmail(email);
        Bip32Key ecdh = Bip32Key.generate(random);
        String encrypted = KeychainEncryptor.defaults().encrypt(password, ecdh.toXprv());
        Account account = new Account(userId, normalized, LoginRequest.passwordHmac(normalized, password), ecdh,
                encrypted);
        if (byEmail.putIfAbsent(normalized, account) != null) {
            throw new IllegalArgumentException("a user with e-mail " + email + " already exists");
        }
        byUserId.put(userId, account);
        return account;
    }

    /** The account of an e-mail (case-insensitive), or null. */
    public Account byEmail(String email) {
        return email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT));
    }

    /** The account of a user id, or null. */
    public Account byUserId(String userId) {
        return byUserId.get(userId);
    }

    /**
     * Encrypts {@code token} for {@code account}: a fresh path, the compressed ECDH point of the server key and
     * the user's ECDH key at that path (server private × user public), its hex as the envelope password.
     */
    public EncryptedToken encryptToken(Account account, String token) {
        String path = PATH_PREFIX + random.nextInt(Integer.MAX_VALUE) + "/" + random.nextInt(Integer.MAX_VALUE);
        String relative = path.substring(2);
        byte[] serverPrivate = serverKey.derive(relative).privateKey();
        byte[] point = null;
        char[] secret = null;
        try {
            point = Ecdh.sharedPoint(serverPrivate, account.ecdhKey().neuter().derive(relative).publicKey());
            secret = Ecdh.hex(point);
            return new EncryptedToken(KeychainEncryptor.defaults().encrypt(secret, token), path);
        } finally {
            java.util.Arrays.fill(serverPrivate, (byte) 0);
            if (point != null) {
                java.util.Arrays.fill(point, (byte) 0);
            }
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
    }
}
