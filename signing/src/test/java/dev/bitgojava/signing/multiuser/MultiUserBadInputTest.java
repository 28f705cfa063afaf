package dev.bitgojava.signing.multiuser;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Wrong passwords, altered shares and malformed answers each end in their own typed error. */
class MultiUserBadInputTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeychainEncryptor ENCRYPTOR = KeychainEncryptor.defaults();
    private static final String PATH = "m/999999/1234567/7654321";
    private static final String TOKEN = "v2x" + "ab".repeat(32);
    private static final char[] LOGIN_PASSWORD = "login password".toCharArray();

    private final Bip32Key ecdhRoot = Bip32Key.fromSeed(seed(1));
    private final Bip32Key serverRoot = Bip32Key.fromSeed(seed(2));
    private final Bip32Key walletKey = Bip32Key.fromSeed(seed(3));
    private final Bip32Key otherKey = Bip32Key.fromSeed(seed(4));
    private final TokenIssuance issuance = TokenIssuance.forServerXpub(serverRoot.neuter().toXpub());

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        s[31] = (byte) b;
        return s;
    }

    /** A login answer built from the server side: server private key × client public key at the path. */
    private String loginAnswer(String encryptedToken) throws Exception {
        String clean = LegacyPath.sanitize(PATH);
        byte[] point = Ecdh.sharedPoint(serverRoot.derive(clean).privateKey(), ecdhRoot.derive(clean).publicKey());
        String token = encryptedToken != null ? encryptedToken : ENCRYPTOR.encrypt(Ecdh.hex(point), TOKEN);
        return JSON.createObjectNode()
                .put("encryptedToken", token)
                .put("derivationPath", PATH)
                .put("encryptedECDHXprv", ENCRYPTOR.encrypt(LOGIN_PASSWORD, ecdhRoot.toXprv()))
                .toString();
    }

    @Test
    void tokenIssuedByTheServerKeyOpensWithTheLoginPassword() throws Exception {
        IssuedToken token = issuance.openLoginAnswer(LOGIN_PASSWORD, loginAnswer(null));
        assertEquals(TOKEN, token.accessToken());
        assertEquals(ecdhRoot.toXprv(), token.ecdhKey().toXprv());
        assertFalse(token.toString().contains(TOKEN), "toString hides the token");
    }

    @Test
    void wrongLoginPasswordIsIncorrectLoginPassword() throws Exception {
        String answer = loginAnswer(null);
        IncorrectLoginPasswordException e = assertThrows(IncorrectLoginPasswordException.class,
                () -> issuance.openLoginAnswer("wrong".toCharArray(), answer));
        assertEquals("ecdh_xprv_decryption_failure", e.errorCode());
    }

    @Test
    void tokenOfAnotherServerKeyIsTokenDecryptionFailure() throws Exception {
        String answer = loginAnswer(null);
        TokenDecryptionException e = assertThrows(TokenDecryptionException.class,
                () -> TokenIssuance.test().openLoginAnswer(LOGIN_PASSWORD, answer));
        assertEquals("token_decryption_failure", e.errorCode());
    }

    @Test
    void malformedTokenEnvelopeIsMalformedData() throws Exception {
        String answer = loginAnswer("{\"iv\":true}");
        assertThrows(MalformedMultiUserDataException.class, () -> issuance.openLoginAnswer(LOGIN_PASSWORD, answer));
    }

    @Test
    void answerWithoutTokenOrKeychainIsMalformedData() {
        assertThrows(MalformedMultiUserDataException.class,
                () -> issuance.openLoginAnswer(LOGIN_PASSWORD, "{\"encryptedToken\":\"x\",\"derivationPath\":\"m/1\"}"));
        assertThrows(MalformedMultiUserDataException.class, () -> issuance.openLoginAnswer(LOGIN_PASSWORD, "[1]"));
        assertThrows(MalformedMultiUserDataException.class, () -> issuance.openLoginAnswer(LOGIN_PASSWORD, "{"));
    }

    @Test
    void malformedEcdhKeychainEnvelopeIsMalformedData() {
        assertThrows(MalformedMultiUserDataException.class,
                () -> EcdhKeychains.decrypt(LOGIN_PASSWORD, "not an envelope"));
    }

    // ------------------------------------------------------------------------------------------------ sharing

    private WalletShareKeychain share(String pub, String prv) {
        String clean = LegacyPath.sanitize(PATH);
        SharingKey recipient = new SharingKey("user", HEX.formatHex(ecdhRoot.derive(clean).publicKey()), PATH);
        return WalletShareEncryptor.defaults().encrypt(pub, prv, recipient);
    }

    @Test
    void shareRoundTripGivesTheWalletKey() {
        WalletShareKeychain keychain = WalletShareEncryptor.defaults().encrypt(walletKey,
                new SharingKey("user", HEX.formatHex(ecdhRoot.derive(LegacyPath.sanitize(PATH)).publicKey()), PATH));
        assertEquals(walletKey.toXprv(), WalletShareAcceptor.defaults().openSharedKey(ecdhRoot, keychain).toXprv());
        String reencrypted = WalletShareAcceptor.defaults().reencrypt(ecdhRoot, keychain, "mine".toCharArray());
        assertEquals(walletKey.toXprv(), ENCRYPTOR.decrypt("mine".toCharArray(), reencrypted));
    }

    @Test
    void shareWithAnotherFromPubKeyDoesNotDecrypt() {
        WalletShareKeychain good = share(walletKey.toXpub(), walletKey.toXprv());
        WalletShareKeychain altered = new WalletShareKeychain(good.pub(), good.encryptedPrv(),
                HEX.formatHex(otherKey.publicKey()), good.toPubKey(), good.path());
        assertThrows(ShareDecryptionException.class,
                () -> WalletShareAcceptor.defaults().openSharedKey(ecdhRoot, altered));
    }

    @Test
    void shareWhoseKeyIsNotItsPubIsAMismatch() {
        WalletShareKeychain keychain = share(walletKey.toXpub(), otherKey.toXprv());
        assertThrows(SharedKeyMismatchException.class,
                () -> WalletShareAcceptor.defaults().reencrypt(ecdhRoot, keychain, "mine".toCharArray()));
    }

    @Test
    void shareWhoseKeyIsNotBip32IsAMismatch() {
        WalletShareKeychain keychain = share(walletKey.toXpub(), "not a key");
        assertThrows(SharedKeyMismatchException.class,
                () -> WalletShareAcceptor.defaults().openSharedKey(ecdhRoot, keychain));
    }

    @Test
    void shareWithMalformedEnvelopeIsMalformedData() {
        WalletShareKeychain good = share(walletKey.toXpub(), walletKey.toXprv());
        WalletShareKeychain broken = new WalletShareKeychain(good.pub(), "{\"ct\":1", good.fromPubKey(),
                good.toPubKey(), good.path());
        assertThrows(MalformedMultiUserDataException.class,
                () -> WalletShareAcceptor.defaults().openSharedKey(ecdhRoot, broken));
    }

    @Test
    void uncompressedFromPubKeyIsAnInvalidEcdhKey() {
        WalletShareKeychain good = share(walletKey.toXpub(), walletKey.toXprv());
        WalletShareKeychain uncompressed = new WalletShareKeychain(good.pub(), good.encryptedPrv(),
                HEX.formatHex(otherKey.uncompressedPublicKey()), good.toPubKey(), good.path());
        assertThrows(InvalidEcdhKeyException.class,
                () -> WalletShareAcceptor.defaults().openSharedKey(ecdhRoot, uncompressed));
    }

    @Test
    void ecdhRefusesOutOfRangePrivateKeys() {
        byte[] pub = otherKey.publicKey();
        assertThrows(InvalidEcdhKeyException.class, () -> Ecdh.sharedSecret(new byte[32], pub));
        assertThrows(InvalidEcdhKeyException.class, () -> Ecdh.sharedSecret(new byte[31], pub));
    }

    // ------------------------------------------------------------------------------------------------ paths, login

    @Test
    void legacyPathsAreCleanedLikeSdkCore() {
        assertEquals("999999/31337/42", LegacyPath.sanitize("999999/31337/42/"));
        assertEquals("1/12/0/5'", LegacyPath.sanitize("m//1/12abc/x/5'"));
        assertThrows(MalformedMultiUserDataException.class, () -> LegacyPath.sanitize("m//"));
    }

    @Test
    void trustIsSentOnlyWithAnOtp() {
        String body = LoginRequest.builder("A@B.C", "pw".toCharArray()).trust(true).build().toJson();
        assertFalse(body.contains("trust"), body);
    }

    @Test
    void loginRequestToStringHidesThePasswordForm() {
        LoginRequest request = LoginRequest.builder("a@b.c", "pw".toCharArray()).otp("123456").build();
        assertFalse(request.toString().contains(request.passwordHmac()));
        assertFalse(request.toString().contains("123456"));
        assertFalse(new String(request.toJson().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .contains("\"pw\""));
    }
}
