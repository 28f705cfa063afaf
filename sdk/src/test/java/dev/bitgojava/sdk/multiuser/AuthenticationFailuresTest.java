package dev.bitgojava.sdk.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.client.model.AccessToken;
import dev.bitgojava.client.model.WalletShare;
import dev.bitgojava.sdk.AccessTokenRequest;
import dev.bitgojava.sdk.AccessTokenScope;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.CreatedAccessToken;
import dev.bitgojava.sdk.Login;
import dev.bitgojava.sdk.errors.BitGoAuthenticationException;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoDecryptionException;
import dev.bitgojava.sdk.errors.BitGoNeedsOtpException;
import dev.bitgojava.sdk.errors.BitGoNeedsUnlockException;
import dev.bitgojava.sdk.errors.BitGoNotFoundException;
import dev.bitgojava.sdk.errors.BitGoPermissionException;
import dev.bitgojava.sdk.multiuser.MultiUserFixture.WalletOps;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.multiuser.IncorrectLoginPasswordException;
import dev.bitgojava.signing.multiuser.ShareDecryptionException;
import dev.bitgojava.signing.multiuser.ShareWalletBody;
import dev.bitgojava.signing.multiuser.SharingKey;
import dev.bitgojava.signing.multiuser.WalletShareEncryptor;
import dev.bitgojava.signing.multiuser.WalletShareKeychain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static dev.bitgojava.sdk.multiuser.MultiUserFixture.ALICE;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.ALICE_PASSWORD;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.BOB;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.BOB_PASSWORD;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.COIN;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.JSON;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.OTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, tokens, unlock and shares when something is wrong: each a typed error, nothing half-done at the server. */
class AuthenticationFailuresTest {

    private final MultiUserFixture fixture = new MultiUserFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aLoggedInClientIsAuthenticatedWithTheIssuedTokenAndNeverShowsIt() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        String token = alice.config().accessToken().orElseThrow();
        assertTrue(token.startsWith("v2x"));
        assertFalse(alice.toString().contains(token));
        assertEquals(fixture.server.userId(ALICE), alice.auth().session().getUser());
    }

    @Test
    void aWrongPasswordAtLoginIsRefusedAndIssuesNoToken() {
        BitGoAuthenticationException e = assertThrows(BitGoAuthenticationException.class,
                () -> fixture.login(ALICE, "not alice's password"));
        assertEquals(401, e.status());
        assertThrows(BitGoAuthenticationException.class, () -> fixture.login("nobody@example.com", ALICE_PASSWORD));
        assertNotNull(fixture.login(ALICE, ALICE_PASSWORD).auth().session().getId());
    }

    @Test
    void aWrongOtpAtLoginAsksForTheOtp() {
        assertThrows(BitGoNeedsOtpException.class, () -> BitGoClient.login(fixture.config,
                Login.builder(ALICE, ALICE_PASSWORD.toCharArray()).otp("1234567").build()));
    }

    @Test
    void aTokenIssuedForAnotherServerKeyDoesNotDecryptAndIsNotKept() {
        BitGoClient wrongKey = BitGoClient.create(fixture.config.toBuilder()
                .serverXpub(Bip32Key.generate(new SecureRandom()).toXpub()).build());
        BitGoDecryptionException e = assertThrows(BitGoDecryptionException.class, () -> wrongKey.auth()
                .login(Login.builder(ALICE, ALICE_PASSWORD.toCharArray()).build()));
        assertEquals("token_decryption_failure", e.errorCode());
        assertTrue(wrongKey.config().accessToken().isEmpty());
    }

    @Test
    void aWrongOtpAtUnlockLeavesTheSessionLocked() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        assertThrows(BitGoNeedsOtpException.class, () -> alice.auth().unlock("7654321", Duration.ofMinutes(1)));
        assertNull(alice.auth().session().getUnlock());
        alice.auth().unlock(OTP, Duration.ofMinutes(1));
        assertNotNull(alice.auth().session().getUnlock());
        alice.auth().lock();
        assertNull(alice.auth().session().getUnlock());
    }

    @Test
    void unlockDurationsOutsideOneSecondToOneHourAreRefusedBeforeAnyCall() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        assertThrows(BitGoConfigurationException.class, () -> alice.auth().unlock(OTP, Duration.ofHours(2)));
        assertThrows(BitGoConfigurationException.class, () -> alice.auth().unlock(OTP, Duration.ZERO));
    }

    @Test
    void afterLogoutTheTokenIsRefused() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        alice.auth().logout();
        assertThrows(BitGoAuthenticationException.class, () -> alice.auth().session());
    }

    @Test
    void anAccessTokenIsReturnedOnceMaskedListedAndDeleted() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        CreatedAccessToken created = alice.accessTokens().create(AccessTokenRequest.builder("backend", OTP)
                .scopes(AccessTokenScope.WALLET_VIEW_ALL, AccessTokenScope.WALLET_SPEND_ALL)
                .lifetime(Duration.ofDays(1))
                .build());
        assertFalse(created.toString().contains(created.token()));
        assertEquals(java.util.Set.of(AccessTokenScope.WALLET_VIEW_ALL, AccessTokenScope.WALLET_SPEND_ALL),
                created.scopes());
        BitGoClient backend = BitGoClient.create(fixture.config.toBuilder().accessToken(created.token()).build());
        assertEquals(created.id(), backend.auth().session().getId());

        List<AccessToken> listed = alice.accessTokens().list().stream().toList();
        assertEquals(List.of(created.id()), listed.stream().map(AccessToken::getId).toList());
        assertNull(listed.get(0).getToken(), "a listed token never carries the token itself");

        alice.accessTokens().delete(created.id());
        assertEquals(0, alice.accessTokens().list().stream().count());
        assertThrows(BitGoAuthenticationException.class, () -> backend.auth().session());
    }

    @Test
    void creatingAnAccessTokenWithAWrongOtpCreatesNone() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        assertThrows(BitGoNeedsOtpException.class, () -> alice.accessTokens().create(
                AccessTokenRequest.builder("backend", "1111111").scopes(AccessTokenScope.WALLET_VIEW_ALL).build()));
        assertEquals(0, alice.accessTokens().list().stream().count());
    }

    @Test
    void anExpiredAccessTokenIsRefused() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        CreatedAccessToken created = alice.accessTokens().create(AccessTokenRequest.builder("short", OTP)
                .scopes(AccessTokenScope.WALLET_VIEW_ALL).lifetime(Duration.ofMinutes(5)).build());
        BitGoClient backend = BitGoClient.create(fixture.config.toBuilder().accessToken(created.token()).build());
        assertNotNull(backend.auth().session());

        fixture.clock.advance(Duration.ofMinutes(6));
        BitGoAuthenticationException e = assertThrows(BitGoAuthenticationException.class,
                () -> backend.auth().session());
        assertTrue(e.error().orElse("").contains("expired"), e.getMessage());
    }

    @Test
    void aTokenUsedFromAnAddressOutsideItsAllowListIsRefused() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        CreatedAccessToken elsewhere = alice.accessTokens().create(AccessTokenRequest.builder("office", OTP)
                .scopes(AccessTokenScope.WALLET_VIEW_ALL).ipRestrict(List.of("192.0.2.10")).build());
        CreatedAccessToken here = alice.accessTokens().create(AccessTokenRequest.builder("local", OTP)
                .scopes(AccessTokenScope.WALLET_VIEW_ALL).ipRestrict(List.of("127.0.0.1")).build());
        assertEquals(List.of("192.0.2.10"), elsewhere.ipRestrict());

        BitGoClient fromOffice = BitGoClient.create(fixture.config.toBuilder().accessToken(elsewhere.token()).build());
        BitGoClient fromHere = BitGoClient.create(fixture.config.toBuilder().accessToken(here.token()).build());
        assertThrows(BitGoPermissionException.class, () -> fromOffice.auth().session());
        assertEquals(List.of("127.0.0.1"), fromHere.auth().session().getIpRestrict());
    }

    @Test
    void aShareWhoseKeyDoesNotDecryptIsRefusedAndStaysOpen() {
        char[] alicePassphrase = "alice wallet passphrase".toCharArray();
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        BitGoClient bob = fixture.login(BOB, BOB_PASSWORD);
        Bip32Key userKey = Bip32Key.generate(new SecureRandom());
        String walletId = MultiUserFixture.createWallet(alice, userKey, alicePassphrase, fixture.server.enterpriseId());

        // Encrypted for a key that is not Bob's, then addressed to Bob's sharing key.
        SharingKey bobs = sharingKeyOf(alice, BOB);
        byte[] stranger = Bip32Key.generate(new SecureRandom()).publicKey();
        WalletShareKeychain forStranger = WalletShareEncryptor.defaults().encrypt(userKey,
                new SharingKey(bobs.userId(), HexFormat.of().formatHex(stranger), bobs.path()));
        WalletShareKeychain misaddressed = new WalletShareKeychain(forStranger.pub(), forStranger.encryptedPrv(),
                forStranger.fromPubKey(), bobs.pubkey(), bobs.path());
        ObjectNode body = (ObjectNode) readTree(new ShareWalletBody(bobs.userId(), "view,spend", null, null, null,
                misaddressed).toJson());
        String shareId = alice.api(WalletOps.class).share(COIN, walletId, body).path("id").asText();

        bob.auth().unlock(OTP, Duration.ofMinutes(5));
        BitGoDecryptionException e = assertThrows(BitGoDecryptionException.class,
                () -> bob.walletShares().accept(COIN, shareId, "bob passphrase".toCharArray()));
        assertInstanceOf(ShareDecryptionException.class, e.getCause());
        WalletShare still = bob.walletShares().list().getIncoming().get(0);
        assertEquals(shareId, still.getId());
        assertEquals("active", still.getState().getValue());
        assertThrows(BitGoNotFoundException.class, () -> bob.api(WalletOps.class).wallet(COIN, walletId));
    }

    @Test
    void aWrongLoginPasswordDoesNotOpenTheEcdhKeychainWhenAcceptingWithAnAccessToken() {
        char[] alicePassphrase = "alice wallet passphrase".toCharArray();
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        BitGoClient bob = fixture.login(BOB, BOB_PASSWORD);
        String walletId = MultiUserFixture.createWallet(alice, Bip32Key.generate(new SecureRandom()),
                alicePassphrase, fixture.server.enterpriseId());
        String shareId = alice.walletShares().shareSpend(COIN, walletId, BOB, alicePassphrase, null).getId();
        CreatedAccessToken token = bob.accessTokens().create(AccessTokenRequest.builder("bob backend", OTP)
                .scopes(AccessTokenScope.ALL).build());
        BitGoClient bobBackend = BitGoClient.create(fixture.config.toBuilder().accessToken(token.token()).build());
        bobBackend.auth().unlock(OTP, Duration.ofMinutes(5));

        assertThrows(BitGoConfigurationException.class,
                () -> bobBackend.walletShares().accept(COIN, shareId, "p".toCharArray()),
                "a token-made client holds no ECDH key");
        BitGoDecryptionException e = assertThrows(BitGoDecryptionException.class, () -> bobBackend.walletShares()
                .accept(COIN, shareId, "not bob's password".toCharArray(), "p".toCharArray()));
        assertEquals(IncorrectLoginPasswordException.ERROR_CODE, e.errorCode());
        assertEquals("accepted", bobBackend.walletShares()
                .accept(COIN, shareId, BOB_PASSWORD.toCharArray(), "p".toCharArray()).getState());
    }

    @Test
    void sharingWithAWrongWalletPassphraseSendsNoShare() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        String walletId = MultiUserFixture.createWallet(alice, Bip32Key.generate(new SecureRandom()),
                "right".toCharArray(), fixture.server.enterpriseId());
        assertThrows(BitGoDecryptionException.class, () -> alice.walletShares()
                .shareSpend(COIN, walletId, BOB, "wrong".toCharArray(), null));
        assertEquals(0, alice.walletShares().list().getOutgoing().size());
    }

    @Test
    void withUnlockDoesNotUnlockWhenTheCallSucceeds() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        String id = alice.auth().withUnlock(() -> {
            throw new AssertionError("no OTP should be asked for");
        }, () -> alice.auth().session().getId());
        assertNotNull(id);
        assertNull(alice.auth().session().getUnlock());
    }

    @Test
    void withUnlockRetriesOnlyOnce() {
        BitGoClient bob = fixture.login(BOB, BOB_PASSWORD);
        int[] calls = {0};
        assertThrows(BitGoNeedsUnlockException.class, () -> bob.auth().withUnlock(() -> OTP, () -> {
            calls[0]++;
            throw new BitGoNeedsUnlockException(dev.bitgojava.sdk.errors.ApiErrorDetails.ofStatus(401, ""));
        }));
        assertEquals(2, calls[0]);
    }

    private static SharingKey sharingKeyOf(BitGoClient client, String email) {
        JsonNode answer = client.api(dev.bitgojava.sdk.internal.MultiUserRoutes.class)
                .sharingKey(JSON.createObjectNode().put("email", email));
        return SharingKey.parse(answer.toString());
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
