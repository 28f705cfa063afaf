package dev.bitgojava.it;

import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.BitGoClientConfig;
import dev.bitgojava.sdk.BitGoEnvironment;
import dev.bitgojava.sdk.Login;
import dev.bitgojava.sdk.errors.BitGoAuthenticationException;
import dev.bitgojava.sdk.wallet.SendResult;
import dev.bitgojava.sdk.wallet.Wallet;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.testkit.BitGoTestServer;
import dev.bitgojava.testkit.BitGoTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Auth V3 and V4 clients end to end on the test server, which authenticates them as BitGo does: a wallet flow
 * with the configured access token, and a password login whose issued token then signs the same way.
 */
class AuthVersionsIT {

    @RegisterExtension
    final BitGoTestServerExtension kit = new BitGoTestServerExtension();

    @AfterEach
    void everyRequestAndResponseWasWithinTheContract() {
        kit.server().assertNoContractViolations();
    }

    @ParameterizedTest
    @EnumSource(value = AuthVersion.class, names = {"V3", "V4"})
    void aWalletIsCreatedFundedAndSpentWithEveryRequestSignedAndEveryResponseVerified(AuthVersion version,
                                                                                       BitGoTestServer server) {
        Sdk sdk = new Sdk(server, b -> b.authVersion(version));
        Wallet wallet = sdk.generate("tbtc", null);
        wallet.createAddress(20);
        server.credit(wallet.id(), 2_000_000);

        SendResult result = wallet.sendMany(Sdk.send(Sdk.EXTERNAL_TBTC, 750_000).sequenceId("auth-" + version)
                .build());

        assertInstanceOf(SendResult.Sent.class, result);
        assertEquals(1, Sdk.sendTransfers(wallet).size());
        assertEquals(2, wallet.transfers().stream().count());
    }

    @ParameterizedTest
    @EnumSource(value = AuthVersion.class, names = {"V3", "V4"})
    void aTokenIssuedAtLoginSignsLaterCalls(AuthVersion version, BitGoTestServer server) {
        BitGoClientConfig config = BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.url()))
                .serverXpub(server.serverXpub())
                .authVersion(version)
                .build();
        BitGoClient client = BitGoClient.login(config, Login.builder("test@example.com",
                BitGoTestServer.DEFAULT_PASSWORD.toCharArray()).otp(BitGoTestServer.TEST_OTP).build());

        assertEquals(server.userId(), client.auth().session().getUser());
    }

    @ParameterizedTest
    @EnumSource(value = AuthVersion.class, names = {"V3", "V4"})
    void aClientWithAnotherTokenIsRefusedWithATypedError(AuthVersion version, BitGoTestServer server) {
        Sdk sdk = new Sdk(server, b -> b.authVersion(version).accessToken("v2x" + "0".repeat(64)));
        assertThrows(BitGoAuthenticationException.class, () -> sdk.generate("tbtc", null));
    }
}
