package dev.bitgojava.sdk.multiuser;

import dev.bitgojava.client.api.UserApi;
import dev.bitgojava.client.model.AccessToken;
import dev.bitgojava.client.model.ExtendTokenRequest;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.Login;
import dev.bitgojava.sdk.errors.BitGoAuthenticationException;
import dev.bitgojava.sdk.errors.BitGoBadRequestException;
import dev.bitgojava.sdk.errors.BitGoTokenNotExtensibleException;
import dev.bitgojava.signing.bitcoin.BitcoinMessage;
import dev.bitgojava.signing.multiuser.ExtensionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import static dev.bitgojava.sdk.multiuser.MultiUserFixture.ALICE;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.ALICE_PASSWORD;
import static dev.bitgojava.sdk.multiuser.MultiUserFixture.OTP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Extensible login tokens end to end on the test server (login lifetime one hour, shared movable clock): the extended
 * token outlives its original expiry; clients without an extension key, forged signatures, stale timestamps and
 * non-extensible tokens are refused, and a refused extension leaves the expiry as it was.
 */
class ExtendTokenTest {

    private final MultiUserFixture fixture = new MultiUserFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private BitGoClient extensibleLogin() {
        return BitGoClient.login(fixture.config,
                Login.builder(ALICE, ALICE_PASSWORD.toCharArray()).otp(OTP).extensible(true).build());
    }

    @Test
    void anExtensibleLoginGivesAnExtensibleSession() {
        assertTrue(extensibleLogin().auth().session().getIsExtensible());
        assertFalse(fixture.login(ALICE, ALICE_PASSWORD).auth().session().getIsExtensible());
    }

    @Test
    void anExtendedTokenStaysValidPastItsOriginalExpiry() {
        BitGoClient alice = extensibleLogin();
        OffsetDateTime originalExpiry = alice.auth().session().getExpires();

        fixture.clock.advance(Duration.ofMinutes(50));
        AccessToken extended = alice.auth().extendToken(Duration.ofHours(2));
        assertEquals(fixture.clock.instant().plus(Duration.ofHours(2)).getEpochSecond(),
                extended.getExpires().toEpochSecond());
        assertTrue(extended.getIsExtensible());
        assertTrue(BitcoinMessage.isP2pkhAddress(extended.getExtensionAddress()));

        fixture.clock.advance(Duration.ofMinutes(30));
        assertTrue(fixture.clock.instant().isAfter(originalExpiry.toInstant()));
        assertEquals(extended.getId(), alice.auth().session().getId());

        fixture.clock.advance(Duration.ofHours(2));
        assertThrows(BitGoAuthenticationException.class, () -> alice.auth().session());
    }

    @Test
    void withoutAnExtensionTheSameTokenExpiresAfterAnHour() {
        BitGoClient alice = extensibleLogin();
        fixture.clock.advance(Duration.ofMinutes(61));
        assertThrows(BitGoAuthenticationException.class, () -> alice.auth().session());
        assertThrows(BitGoAuthenticationException.class, () -> alice.auth().extendToken(Duration.ofHours(1)),
                "an expired token cannot be extended");
    }

    @Test
    void theExtensionAddressIsATestnetAddressOutsideProduction() {
        String address = extensibleLogin().auth().extendToken(Duration.ofHours(1)).getExtensionAddress();
        assertTrue(address.startsWith("m") || address.startsWith("n"), address);
    }

    @Test
    void aClientFromANonExtensibleLoginGetsTheTypedErrorWithoutACall() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        assertThrows(BitGoTokenNotExtensibleException.class, () -> alice.auth().extendToken(Duration.ofHours(1)));
        BitGoClient fromToken = BitGoClient.create(fixture.config.toBuilder()
                .accessToken(alice.config().accessToken().orElseThrow()).build());
        assertThrows(BitGoTokenNotExtensibleException.class,
                () -> fromToken.auth().extendToken(Duration.ofHours(1)));
    }

    @Test
    void afterLogoutTheExtensionKeyIsGone() {
        BitGoClient alice = extensibleLogin();
        alice.auth().logout();
        assertThrows(BitGoTokenNotExtensibleException.class, () -> alice.auth().extendToken(Duration.ofHours(1)));
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedAndTheExpiryStays() {
        BitGoClient alice = extensibleLogin();
        OffsetDateTime expiry = alice.auth().session().getExpires();
        String token = alice.config().accessToken().orElseThrow();
        long timestamp = fixture.clock.millis();
        String forged = ExtensionKey.generate(new SecureRandom(), BitcoinMessage.TESTNET_P2PKH)
                .signExtension(timestamp, token, 7200);

        BitGoAuthenticationException e = assertThrows(BitGoAuthenticationException.class,
                () -> alice.api(UserApi.class).extendToken(new ExtendTokenRequest().duration(7200L),
                        Long.toString(timestamp), forged));
        assertEquals(401, e.status());
        assertEquals(expiry, alice.auth().session().getExpires());
    }

    @Test
    void aTimestampOutsideTheServersWindowIsRefused() {
        // three minutes slow: still inside the request HMAC's window, outside the extension's two minutes
        BitGoClient slow = BitGoClient.login(fixture.config.toBuilder()
                        .clock(Clock.offset(fixture.clock, Duration.ofMinutes(-3))).build(),
                Login.builder(ALICE, ALICE_PASSWORD.toCharArray()).otp(OTP).extensible(true).build());
        OffsetDateTime expiry = slow.auth().session().getExpires();
        assertThrows(BitGoAuthenticationException.class, () -> slow.auth().extendToken(Duration.ofHours(2)));
        assertEquals(expiry, slow.auth().session().getExpires());
    }

    @Test
    void theServerRefusesToExtendATokenThatIsNotExtensible() {
        BitGoClient alice = fixture.login(ALICE, ALICE_PASSWORD);
        String token = alice.config().accessToken().orElseThrow();
        long timestamp = fixture.clock.millis();
        String signature = ExtensionKey.generate(new SecureRandom(), BitcoinMessage.TESTNET_P2PKH)
                .signExtension(timestamp, token, 3600);
        BitGoBadRequestException e = assertThrows(BitGoBadRequestException.class,
                () -> alice.api(UserApi.class).extendToken(new ExtendTokenRequest().duration(3600L),
                        Long.toString(timestamp), signature));
        assertEquals(400, e.status());
    }

    @Test
    void extensionsShorterThanASecondAreRefusedBeforeAnyCall() {
        BitGoClient alice = extensibleLogin();
        assertThrows(dev.bitgojava.sdk.errors.BitGoConfigurationException.class,
                () -> alice.auth().extendToken(Duration.ofMillis(500)));
    }
}
