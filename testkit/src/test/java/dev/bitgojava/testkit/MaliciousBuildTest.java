package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.eth.EthVerificationException;
import dev.bitgojava.signing.utxo.TransactionVerificationException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.ChangeOutputMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.FeeOutOfBoundsException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.RecipientMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.UnexpectedOutputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.stream.Stream;

import static dev.bitgojava.testkit.Wallets.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(BitGoTestServerExtension.class)
class MaliciousBuildTest {

    private static final long CREDIT = 50_000_000;
    private static final long AMOUNT = 2_000_000;

    private BitGoTestServer server;
    private TestClient client;

    @BeforeEach
    void connect(BitGoTestServer server) {
        this.server = server;
        this.client = new TestClient(server, AuthVersion.V2);
    }

    static Stream<Arguments> utxoKinds() {
        return Stream.of(
                Arguments.of(MaliciousBuild.RECIPIENT_SWAPPED, UnexpectedOutputException.class),
                Arguments.of(MaliciousBuild.AMOUNT_CHANGED, RecipientMismatchException.class),
                Arguments.of(MaliciousBuild.EXTRA_OUTPUT, UnexpectedOutputException.class),
                Arguments.of(MaliciousBuild.CHANGE_TO_FOREIGN_ADDRESS, ChangeOutputMismatchException.class),
                Arguments.of(MaliciousBuild.CHANGE_WRONG_INDEX, ChangeOutputMismatchException.class),
                Arguments.of(MaliciousBuild.ABSURD_FEE, FeeOutOfBoundsException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utxoKinds")
    void verifyBeforeSignCatchesTheTamperedUtxoBuildAndNothingIsSent(
            MaliciousBuild kind, Class<? extends TransactionVerificationException> expected) {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        server.faults().maliciousBuildNext(kind);

        JsonNode build = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));

        assertThrows(expected, () -> Wallets.verifyAndSign(wallet, build, to, AMOUNT));
        assertEquals(0, ok(client.get(wallet.path() + "/transfer?type=send")).path("transfers").size());
        assertEquals(Long.toString(CREDIT), ok(client.get(wallet.path())).path("balanceString").asText());
        JsonNode honest = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));
        Wallets.verifyAndSign(wallet, honest, to, AMOUNT);
    }

    static Stream<Arguments> ethKinds() {
        return Stream.of(
                Arguments.of(MaliciousBuild.RECIPIENT_SWAPPED, EthVerificationException.RecipientMismatch.class),
                Arguments.of(MaliciousBuild.AMOUNT_CHANGED, EthVerificationException.AmountMismatch.class),
                Arguments.of(MaliciousBuild.ETH_SEQUENCE_ID_CHANGED,
                        EthVerificationException.SequenceIdMismatch.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ethKinds")
    void verifyBeforeSignCatchesTheTamperedEthereumBuildAndNothingIsSent(
            MaliciousBuild kind, Class<? extends EthVerificationException> expected) {
        Wallets.Wallet wallet = Wallets.create(client, server, "hteth", 0);
        BigInteger credit = new BigInteger("2000000000000000000");
        BigInteger amount = new BigInteger("1000000000000000000");
        server.credit(wallet.id(), credit);
        String to = Wallets.foreignEthAddress();
        server.faults().maliciousBuildNext(kind);

        JsonNode build = ok(client.post(wallet.path() + "/tx/build", EthSendTest.body(to, amount)));

        assertThrows(expected, () -> Wallets.ethVerifyAndSign(wallet, build, to, amount, 1));
        assertEquals(credit.toString(), ok(client.get(wallet.path())).path("balanceString").asText());
    }

    @Test
    void aKindForTheOtherFamilyWaitsForABuildItAppliesTo() {
        Wallets.Wallet btc = Wallets.create(client, server, "tbtc", 20);
        server.credit(btc.id(), CREDIT);
        String to = Wallets.foreignAddress(btc.utxoCoin());
        server.faults().maliciousBuildNext(MaliciousBuild.ETH_SEQUENCE_ID_CHANGED)
                .maliciousBuildNext(MaliciousBuild.ABSURD_FEE);

        JsonNode build = ok(client.post(btc.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));

        assertThrows(FeeOutOfBoundsException.class, () -> Wallets.verifyAndSign(btc, build, to, AMOUNT));
        Wallets.Wallet eth = Wallets.create(client, server, "hteth", 0);
        server.credit(eth.id(), BigInteger.TEN);
        JsonNode ethBuild = ok(client.post(eth.path() + "/tx/build", EthSendTest.body(Wallets.foreignEthAddress(),
                BigInteger.ONE)));
        assertEquals(4, ethBuild.path("nextContractSequenceId").asLong(), "the queued ETH tampering applied here");
    }
}
