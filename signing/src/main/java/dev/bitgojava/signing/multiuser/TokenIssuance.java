package dev.bitgojava.signing.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.encryption.KeychainEncryptionException;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.encryption.WrongPassphraseException;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.keys.KeyException;
import dev.bitgojava.signing.multiuser.internal.JsonAnswers;

import java.util.Objects;

/**
 * BitGo's v2 token issuance, client side. The login answer carries {@code encryptedToken}, {@code derivationPath} and
 * {@code encryptedECDHXprv}; the client opens the ECDH key with the plain login password, derives it and the server's
 * xpub along the cleaned path, multiplies client private × server public, and uses the 66 lowercase hex digits of the
 * compressed product as the password of {@code encryptedToken}. One instance per environment (server xpub);
 * immutable and thread-safe (the server key's derivations are cached).
 */
public final class TokenIssuance {

    /** BitGo's production server xpub (sdk-core {@code serverXpub.prod}). */
    public static final String PROD_SERVER_XPUB =
            "xpub661MyMwAqRbcEtUgu9HF8ai4ipuVKKHBzUqks4jSFypW8dwwQL1zygLgQx99NmC7zJJznSiwKG6RQfVjAKMtCsx8VjR6kQW8x7HrkXFZdnQ";
    /** BitGo's server xpub of every non-production environment (sdk-core {@code serverXpub.test}). */
    public static final String TEST_SERVER_XPUB =
            "xpub661MyMwAqRbcErFqVXGiUFv9YeoPbhN72UiNCUdj9nj3T6M8h7iKNmbCYpMVWVZP7LA2ma3HWcPngz1gRTm4FPdtm9mHfrNvU93MCoszsGL";

    private static final TokenIssuance PROD = new TokenIssuance(Bip32Key.parse(PROD_SERVER_XPUB));
    private static final TokenIssuance TEST = new TokenIssuance(Bip32Key.parse(TEST_SERVER_XPUB));
    private static final String WHAT = "login answer";

    private final Bip32Key serverKey;

    private TokenIssuance(Bip32Key serverKey) {
        this.serverKey = serverKey;
    }

    /** Token issuance against BitGo production. */
    public static TokenIssuance prod() {
        return PROD;
    }

    /** Token issuance against BitGo's test environment (and every other non-production one). */
    public static TokenIssuance test() {
        return TEST;
    }

    /**
     * Token issuance against the server key {@code serverXpub} (a custom or self-hosted environment).
     *
     * @throws MalformedMultiUserDataException when it is not a valid extended key
     */
    public static TokenIssuance forServerXpub(String serverXpub) {
        if (PROD_SERVER_XPUB.equals(serverXpub)) {
            return PROD;
        }
        if (TEST_SERVER_XPUB.equals(serverXpub)) {
            return TEST;
        }
        try {
            return new TokenIssuance(Bip32Key.parse(serverXpub).neuter());
        } catch (KeyException e) {
            throw new MalformedMultiUserDataException("the server xpub is not a valid extended key: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The token of a login answer: {@code access_token} as is when present, otherwise the ECDH-encrypted token
     * opened with {@code loginPassword} (plain text, as typed).
     *
     * @throws IncorrectLoginPasswordException  the password does not open {@code encryptedECDHXprv}
     * @throws TokenDecryptionException        the derived secret does not open {@code encryptedToken}
     * @throws MalformedMultiUserDataException the answer lacks the fields or holds unreadable envelopes
     */
    public IssuedToken openLoginAnswer(char[] loginPassword, String loginAnswerJson) {
        JsonNode answer = JsonAnswers.object(loginAnswerJson, WHAT);
        String plain = JsonAnswers.optionalText(answer, "access_token", WHAT);
        if (plain != null && !plain.isEmpty()) {
            return new IssuedToken(plain, null);
        }
        String encryptedXprv = JsonAnswers.optionalText(answer, "encryptedECDHXprv", WHAT);
        Bip32Key ecdhKey = EcdhKeychains.decrypt(loginPassword, encryptedXprv);
        String token = decryptToken(ecdhKey, JsonAnswers.requiredText(answer, "encryptedToken", WHAT),
                JsonAnswers.requiredText(answer, "derivationPath", WHAT));
        return new IssuedToken(token, ecdhKey);
    }

    /**
     * The token of an answer that carries only {@code encryptedToken} and {@code derivationPath} (access-token
     * creation after a token-issuance login), opened with the ECDH key kept from login.
     */
    public String openTokenAnswer(Bip32Key ecdhKey, String answerJson) {
        JsonNode answer = JsonAnswers.object(answerJson, "access-token answer");
        return decryptToken(ecdhKey, JsonAnswers.requiredText(answer, "encryptedToken", "access-token answer"),
                JsonAnswers.requiredText(answer, "derivationPath", "access-token answer"));
    }

    /**
     * Opens {@code encryptedToken} with the secret of {@code ecdhKey} and the server key at {@code derivationPath}.
     *
     * @throws TokenDecryptionException        the secret does not open the envelope
     * @throws MalformedMultiUserDataException the envelope, the path or the token cannot be read
     */
    public String decryptToken(Bip32Key ecdhKey, String encryptedToken, String derivationPath) {
        Objects.requireNonNull(ecdhKey, "ecdhKey");
        if (encryptedToken == null || encryptedToken.isEmpty()) {
            throw new MalformedMultiUserDataException("no encryptedToken");
        }
        char[] secret = tokenSecret(ecdhKey, derivationPath);
        try {
            String token = KeychainEncryptor.defaults().decrypt(secret, encryptedToken);
            if (token.isEmpty()) {
                throw new MalformedMultiUserDataException("the encrypted token is empty");
            }
            return token;
        } catch (WrongPassphraseException e) {
            throw new TokenDecryptionException("the ECDH secret does not open encryptedToken (wrong server xpub "
                    + "for this environment, or a token for another key)", e);
        } catch (KeychainEncryptionException e) {
            throw new MalformedMultiUserDataException("encryptedToken cannot be read: " + e.getMessage(), e);
        } finally {
            Ecdh.wipe(secret);
        }
    }

    /**
     * The token password: 66 lowercase hex digits of the compressed point (client key at the cleaned path, private)
     * × (server key at the same path, public). The caller should wipe the array.
     */
    public char[] tokenSecret(Bip32Key ecdhKey, String derivationPath) {
        String path = LegacyPath.sanitize(derivationPath);
        byte[] privateKey = clientKey(ecdhKey, path).privateKey();
        byte[] point = null;
        try {
            point = Ecdh.sharedPoint(privateKey, serverKey(path).publicKey());
            return Ecdh.hex(point);
        } finally {
            Ecdh.wipe(privateKey);
            Ecdh.wipe(point);
        }
    }

    /** The client's ECDH key at {@code derivationPath} (cleaned as in {@link LegacyPath#sanitize}). */
    public static Bip32Key clientKey(Bip32Key ecdhKey, String derivationPath) {
        if (!ecdhKey.hasPrivateKey()) {
            throw new MalformedMultiUserDataException("the ECDH key must be private (xprv)");
        }
        return derive(ecdhKey, LegacyPath.sanitize(derivationPath));
    }

    /** The server's public key at {@code derivationPath} (cleaned as in {@link LegacyPath#sanitize}). */
    public Bip32Key serverKey(String derivationPath) {
        return derive(serverKey, LegacyPath.sanitize(derivationPath));
    }

    static Bip32Key derive(Bip32Key key, String sanitizedPath) {
        try {
            return key.derive(sanitizedPath);
        } catch (KeyException e) {
            throw new MalformedMultiUserDataException("cannot derive along '" + sanitizedPath + "': "
                    + e.getMessage(), e);
        }
    }
}
