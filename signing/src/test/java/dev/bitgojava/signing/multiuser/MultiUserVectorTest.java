package dev.bitgojava.signing.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.encryption.Argon2Parameters;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code multiuser.json}: login bodies, token issuance, ECDH secrets and wallet shares reproduce BitGoJS byte for
 * byte. Request headers other than those derived from the token (SDK version, user agent, the HMAC of requests signed
 * with tokens the vectors do not carry) and the recorded request sequences belong to the SDK layer and are checked
 * there.
 */
class MultiUserVectorTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicNode> multiuserVectors() {
        return VectorFiles.tests("multiuser.json", Map.of(
                "login", this::login,
                "tokenDecrypt", this::tokenDecrypt,
                "ecdh", this::ecdh,
                "shareEncrypt", this::shareEncrypt,
                "shareAccept", this::shareAccept));
    }

    // ------------------------------------------------------------------------------------------------ login

    private void login(VectorCase c) throws Exception {
        JsonNode in = c.input();
        JsonNode exp = c.expected();
        char[] password = c.in("password").toCharArray();
        if (in.has("passwordUtf8Hex")) {
            assertEquals(c.in("passwordUtf8Hex"), HEX.formatHex(c.in("password").getBytes(StandardCharsets.UTF_8)));
        }
        LoginRequest request = loginRequest(in, password);

        assertEquals(c.out("email"), request.email(), "email");
        assertEquals(c.out("emailUtf8Hex"), HEX.formatHex(request.email().getBytes(StandardCharsets.UTF_8)));
        assertEquals(c.out("passwordHmac"), request.passwordHmac(), "password HMAC");
        assertEquals(c.out("method"), LoginRequest.METHOD);
        assertEquals(c.out("path"), LoginRequest.PATH);
        assertEquals(exp.get("body"), JSON.readTree(request.toJson()), "body");
        assertEquals(c.out("bodyText"), request.toJson(), "body text");
        if (exp.has("headers")) {
            assertEquals("application/json", exp.get("headers").path("Content-Type").asText(), "a JSON body");
        }
        if (exp.has("serverAccessToken")) {
            ObjectNode answer = JSON.createObjectNode().put("access_token", c.out("serverAccessToken"));
            IssuedToken token = TokenIssuance.test().openLoginAnswer(password, answer.toString());
            assertEquals(c.out("clientToken"), token.accessToken(), "a plain access_token is used as is");
            assertTrue(!token.wasEncrypted());
        }
    }

    private static LoginRequest loginRequest(JsonNode in, char[] password) {
        LoginRequest.Builder b = LoginRequest.builder(in.get("username").asText(), password);
        if (textOrNull(in.get("otp")) != null) {
            b.otp(in.get("otp").asText());
        }
        b.trust(truthy(in.get("trust")));
        b.forceSms(truthy(in.get("forceSMS")));
        if (in.hasNonNull("forReset2FA")) {
            b.forReset2FA(truthy(in.get("forReset2FA")));
        }
        b.initialHash(textOrNull(in.get("initialHash")));
        b.fingerprintHash(textOrNull(in.get("fingerprintHash")));
        if (in.hasNonNull("extensionAddress")) {
            b.extensible(in.get("extensionAddress").asText());
        }
        b.forceV1Auth(truthy(in.get("forceV1Auth")));
        return b.build();
    }

    // ------------------------------------------------------------------------------------------------ token issuance

    private void tokenDecrypt(VectorCase c) throws Exception {
        JsonNode in = c.input();
        JsonNode exp = c.expected();
        char[] password = c.in("password").toCharArray();
        TokenIssuance issuance = TokenIssuance.forServerXpub(c.in("serverXpub"));
        String answerText = c.in("serverResponseText");
        JsonNode answer = JSON.readTree(answerText);

        String errorCode = textOrNull(exp.get("errorCode"));
        if (errorCode != null) {
            MultiUserException e = assertThrows(MultiUserException.class,
                    () -> issuance.openLoginAnswer(password, answerText));
            assertEquals(errorCode, e.errorCode(), "error code");
            return;
        }

        IssuedToken token = issuance.openLoginAnswer(password, answerText);
        Bip32Key ecdhKey = token.ecdhKey();
        assertNotNull(ecdhKey, "the answer carried an ECDH-encrypted token");
        String path = answer.get("derivationPath").asText();

        assertEquals(c.out("accessToken"), token.accessToken(), "access token");
        assertEquals(c.out("ecdhXprv"), ecdhKey.toXprv(), "ECDH xprv");
        assertEquals(c.out("sanitizedPath"), LegacyPath.sanitize(path), "sanitized path");
        assertEquals(c.out("clientDerivedPubHex"), HEX.formatHex(TokenIssuance.clientKey(ecdhKey, path).publicKey()));
        assertEquals(c.out("serverDerivedPubHex"), HEX.formatHex(issuance.serverKey(path).publicKey()));
        assertEquals(c.out("tokenSecretHex"), new String(issuance.tokenSecret(ecdhKey, path)), "token secret");
        if (in.path("serverSide").has("ecdhXprv")) {
            assertEquals(in.get("serverSide").get("ecdhXprv").asText(), ecdhKey.toXprv());
        }

        JsonNode session = exp.get("sessionRequest");
        if (session != null) {
            LoginRequest request = loginRequest(in, password);
            assertEquals(session.get("method").asText(), LoginRequest.METHOD);
            assertEquals(session.get("path").asText(), LoginRequest.PATH);
            assertEquals(session.get("bodyText").asText(), request.toJson(), "session request body");
        }
        JsonNode result = exp.get("clientResult");
        if (result != null) {
            assertEquals(result.get("access_token").asText(), token.accessToken());
            assertEquals(result.get("ecdhXprvKept").asText(), ecdhKey.toXprv());
        }
        JsonNode followUp = exp.get("followUpRequest");
        if (followUp != null) {
            // The decrypted token must be the one the SDK then signs with (auth v2: bearer = SHA-256 of the token,
            // HMAC over timestamp|path|body keyed with the token).
            JsonNode h = followUp.get("headers");
            byte[] tokenBytes = token.accessToken().getBytes(StandardCharsets.UTF_8);
            assertEquals(h.get("Authorization").asText(),
                    "Bearer " + HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(tokenBytes)));
            String subject = h.get("Auth-Timestamp").asText() + "|" + followUp.get("path").asText() + "|"
                    + followUp.path("bodyText").asText("");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenBytes, "HmacSHA256"));
            assertEquals(h.get("HMAC").asText(),
                    HEX.formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8))), "follow-up HMAC");
        }
    }

    // ------------------------------------------------------------------------------------------------ ECDH

    private void ecdh(VectorCase c) {
        byte[] privateKey = HEX.parseHex(c.in("privateKeyHex"));
        byte[] publicKey = HEX.parseHex(c.in("publicKeyHex"));
        if (!c.expected().has("sharedSecretHex")) {
            assertThrows(InvalidEcdhKeyException.class, () -> Ecdh.sharedSecret(privateKey, publicKey));
            return;
        }
        assertEquals(c.out("sharedSecretHex"), HEX.formatHex(Ecdh.sharedSecret(privateKey, publicKey)));
        assertEquals(c.out("sharedPointCompressedHex"), HEX.formatHex(Ecdh.sharedPoint(privateKey, publicKey)));
        assertEquals(c.out("sharedSecretHex"), new String(Ecdh.hex(Ecdh.sharedSecret(privateKey, publicKey))));
    }

    // ------------------------------------------------------------------------------------------------ sharing

    private void shareEncrypt(VectorCase c) throws Exception {
        JsonNode in = c.input();
        JsonNode exp = c.expected();
        JsonNode params = in.get("params");
        ReplayRandom random = new ReplayRandom(in.get("randomDraws"));
        WalletShareEncryptor sharer = WalletShareEncryptor.builder()
                .random(random).encryptor(encryptor(params, random)).build();

        JsonNode userKeychain = in.get("userKeychain");
        String passphrase = textOrNull(params.get("walletPassphrase"));
        String encryptedUserPrv = textOrNull(userKeychain.get("encryptedPrv"));
        String userPrv = null;
        if (passphrase != null && encryptedUserPrv != null) {
            userPrv = KeychainEncryptor.defaults().decrypt(passphrase.toCharArray(), encryptedUserPrv);
            if (in.has("userPrv")) {
                assertEquals(c.in("userPrv"), userPrv, "the wallet passphrase opens the user key");
            }
        }
        String userPub = userKeychain.get("pub").asText();

        if (params.has("keyShareOptions")) {
            List<WalletShareKeychain> keychains = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (JsonNode option : params.get("keyShareOptions")) {
                if (!option.get("permissions").toString().contains("spend")) {
                    continue;
                }
                SharingKey to = new SharingKey(option.get("userId").asText(), option.get("pubKey").asText(),
                        option.get("path").asText());
                keychains.add(sharer.encrypt(userPub, userPrv, to));
                users.add(to.userId());
            }
            JsonNode shareOptions = exp.path("shareRequestBody").get("shareOptions");
            assertNotNull(shareOptions, "bulk share body");
            assertEquals(shareOptions.size(), keychains.size(), "recipients with spend permission");
            for (int i = 0; i < keychains.size(); i++) {
                assertEquals(shareOptions.get(i).get("user").asText(), users.get(i));
                assertEquals(shareOptions.get(i).get("keychain"), JSON.readTree(keychains.get(i).toJson()),
                        "keychain of " + users.get(i));
            }
        } else {
            JsonNode response = in.get("sharingKeys").get(0).get("response");
            SharingKey to = new SharingKey(response.get("userId").asText(), response.get("pubkey").asText(),
                    response.get("path").asText());
            String permissions = params.get("permissions").asText();
            boolean withKey = permissions.contains("spend") && !truthy(params.get("skipKeychain")) && userPrv != null;
            WalletShareKeychain keychain = withKey ? sharer.encrypt(userPub, userPrv, to) : null;
            ShareWalletBody body = new ShareWalletBody(to.userId(), permissions, boolOrNull(params.get("reshare")),
                    textOrNull(params.get("message")), boolOrNull(params.get("disableEmail")), keychain);

            JsonNode expectedKeychain = exp.get("keychain");
            if (expectedKeychain == null || expectedKeychain.isNull()) {
                assertEquals(null, keychain, "no keychain");
            } else {
                assertNotNull(keychain, "a keychain");
                assertEquals(expectedKeychain, JSON.readTree(keychain.toJson()), "keychain");
                assertEquals(expectedKeychain.get("encryptedPrv").asText(), keychain.encryptedPrv());
                assertEquals(c.out("ephemeralPubHex"), keychain.fromPubKey(), "ephemeral public key");
                byte[] ephemeral = HEX.parseHex(in.get("random").get("ephemeralPrivateKeyHex").asText());
                assertEquals(c.out("sharedSecretHex"),
                        HEX.formatHex(Ecdh.sharedSecret(ephemeral, HEX.parseHex(to.pubkey()))), "shared secret");
                assertEquals(c.out("sharedSecretHex"), HEX.formatHex(Ecdh.sharedSecret(ephemeral,
                        HEX.parseHex(to.pubkey()))));
                assertEquals(userPrv, KeychainEncryptor.defaults().decrypt(
                        c.out("sharedSecretHex").toCharArray(), keychain.encryptedPrv()), "recipient can open it");
            }
            if (exp.has("shareRequestBody")) {
                assertEquals(exp.get("shareRequestBody"), JSON.readTree(body.toJson()), "share body");
            }
            if (exp.has("shareRequest")) {
                assertEquals(exp.get("shareRequest").get("bodyText").asText(), body.toJson(), "share body text");
            }
        }
        assertTrue(random.exhausted(), "every recorded random draw was used");
    }

    private void shareAccept(VectorCase c) throws Exception {
        JsonNode in = c.input();
        JsonNode exp = c.expected();
        JsonNode params = in.get("params");
        ReplayRandom random = new ReplayRandom(in.get("randomDraws"));
        WalletShareAcceptor acceptor = WalletShareAcceptor.withEncryptor(encryptor(params, random));
        String loginPassword = textOrNull(params.get("userPassword"));
        if (loginPassword == null) {
            loginPassword = params.get("userLoginPassword").asText();
        }
        String newPassphrase = textOrNull(params.get("newWalletPassphrase"));
        char[] reencryptUnder = (newPassphrase != null ? newPassphrase : loginPassword).toCharArray();
        String encryptedXprv = in.get("ecdhKeychain").get("encryptedXprv").asText();

        List<String> ids = new ArrayList<>();
        if (params.has("walletShareIds")) {
            params.get("walletShareIds").forEach(id -> ids.add(id.asText()));
        } else {
            ids.add(params.get("walletShareId").asText());
        }

        if (exp.has("accepted") && !exp.get("accepted").asBoolean()) {
            char[] password = loginPassword.toCharArray();
            MultiUserException e = assertThrows(MultiUserException.class, () -> {
                Bip32Key root = EcdhKeychains.decrypt(password, encryptedXprv);
                for (String id : ids) {
                    acceptor.accept(id, root, keychainOf(in, id), reencryptUnder);
                }
            });
            if (in.has("loginPassword") && !in.get("loginPassword").asText().equals(loginPassword)) {
                assertInstanceOf(IncorrectLoginPasswordException.class, e, "a wrong login password");
            } else if ("incorrect password".equals(textOrNull(exp.get("errorMessage")))) {
                assertInstanceOf(ShareDecryptionException.class, e, "a share that does not open");
            }
            return;
        }

        Bip32Key root = null;
        List<AcceptShareBody> bodies = new ArrayList<>();
        for (String id : ids) {
            WalletShareKeychain keychain = keychainOf(in, id);
            if (keychain == null) {
                bodies.add(acceptor.accept(id, null, null, reencryptUnder));
                continue;
            }
            if (root == null) {
                root = EcdhKeychains.decrypt(loginPassword.toCharArray(), encryptedXprv);
                if (in.has("ecdhXprv")) {
                    assertEquals(c.in("ecdhXprv"), root.toXprv(), "the login password opens the ECDH key");
                }
            }
            if (ids.size() == 1) {
                assertEquals(c.out("walletShareId"), id);
                assertEquals(c.out("sanitizedPath"), LegacyPath.sanitize(keychain.path()), "sanitized path");
                assertEquals(c.out("derivedPubHex"),
                        HEX.formatHex(WalletShareAcceptor.sharingKey(root, keychain).publicKey()), "sharing key");
                assertEquals(c.out("sharedSecretHex"), new String(WalletShareAcceptor.sharedSecretHex(root, keychain)));
                assertEquals(c.out("decryptedPrv"), acceptor.openSharedKey(root, keychain).toXprv(), "shared key");
                assertEquals(c.out("newWalletPassphrase"), new String(reencryptUnder), "re-encryption passphrase");
            }
            bodies.add(acceptor.accept(id, root, keychain, reencryptUnder));
        }
        assertTrue(random.exhausted(), "every recorded random draw was used");

        if (ids.size() == 1) {
            AcceptShareBody body = bodies.get(0);
            if (exp.has("reencryptedPrv")) {
                assertEquals(c.out("reencryptedPrv"), body.encryptedPrv(), "re-encrypted key");
                assertEquals(exp.get("reencryptedEnvelopeVersion").asInt(),
                        JSON.readTree(body.encryptedPrv()).get("v").asInt(), "envelope version");
            }
            assertEquals(exp.get("acceptRequestBody"), JSON.readTree(body.toJson()), "accept body");
            assertEquals(exp.get("acceptRequest").get("bodyText").asText(), body.toJson(), "accept body text");
        } else {
            JsonNode keys = exp.path("acceptRequestBody").get("keysForWalletShares");
            assertNotNull(keys, "bulk accept body");
            List<AcceptShareBody> withKeys = bodies.stream().filter(b -> b.encryptedPrv() != null).toList();
            assertEquals(keys.size(), withKeys.size(), "shares with a key");
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(keys.get(i).get("walletShareId").asText(), withKeys.get(i).walletShareId());
                assertEquals(keys.get(i).get("encryptedPrv").asText(), withKeys.get(i).encryptedPrv());
            }
        }
    }

    private static WalletShareKeychain keychainOf(JsonNode in, String id) {
        for (JsonNode share : in.get("shares")) {
            if (id.equals(share.path("id").asText())) {
                return WalletShareKeychain.parse(share.path("keychain").isMissingNode()
                        ? null : share.get("keychain").toString());
            }
        }
        return fail("no share " + id + " in the vector");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static KeychainEncryptor encryptor(JsonNode params, ReplayRandom random) {
        KeychainEncryptor.Builder b = KeychainEncryptor.builder().random(random);
        if (params.path("encryptionVersion").asInt(1) == 2) {
            b.version(KeychainEncryptor.Version.V2).argon2(Argon2Parameters.BITGO_DEFAULT);
        }
        return b.build();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static Boolean boolOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : truthy(node);
    }

    private static boolean truthy(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isTextual()) {
            return !node.asText().isEmpty();
        }
        return node.asBoolean();
    }
}
