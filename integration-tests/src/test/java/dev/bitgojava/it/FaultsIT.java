package dev.bitgojava.it;

import dev.bitgojava.client.api.WalletApi;
import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.sdk.errors.BitGoConnectionException;
import dev.bitgojava.sdk.errors.BitGoResponseVerificationException;
import dev.bitgojava.sdk.errors.BitGoServerException;
import dev.bitgojava.sdk.wallet.SendResult;
import dev.bitgojava.sdk.wallet.Wallet;
import dev.bitgojava.signing.auth.ResponseVerificationException;
import dev.bitgojava.testkit.BitGoTestServer;
import dev.bitgojava.testkit.BitGoTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected by the test server, met by the SDK over the wire: rate limits, 5xx storms, a connection reset
 * after the server acted, and a tampered response signature. Waits are observed through the injected sleeper.
 */
class FaultsIT {

    private static final String GET_WALLET = "WalletApi#getWallet";
    private static final String CREATE_ADDRESS = "AddressApi#createAddress";
    private static final String SEND = "TransactionApi#sendTransaction";
    private static final String BUILD = "TransactionApi#buildTransaction";

    @RegisterExtension
    final BitGoTestServerExtension kit = new BitGoTestServerExtension();

    @AfterEach
    void everyRequestAndResponseWasWithinTheContract() {
        kit.server().assertNoContractViolations();
    }

    private static void getWallet(Sdk sdk, Wallet wallet) {
        sdk.client.api(WalletApi.class).getWallet(wallet.coin(), wallet.id(), null, null, null, null, null, null, null,
                null);
    }

    @Test
    void a429WithRetryAfterIsRetriedAfterExactlyTheAnnouncedWait(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        server.faults().rateLimitNext(2, Duration.ofSeconds(3));

        getWallet(sdk, wallet);

        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), sdk.sleeper.waits);
        Sdk.CallEnd end = sdk.calls.last(GET_WALLET);
        assertEquals(3, end.attempts());
        assertEquals(Duration.ofSeconds(6), end.totalRetryWait());
    }

    @Test
    void a429WithoutRetryAfterBacksOffWithinTheGrowingJitterBounds(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        server.faults().rateLimitNext(3);

        getWallet(sdk, wallet);

        assertEquals(4, sdk.calls.last(GET_WALLET).attempts());
        assertEquals(3, sdk.sleeper.waits.size());
        Duration ceiling = Sdk.RETRIES.initialBackoff();
        for (Duration wait : sdk.sleeper.waits) {
            assertFalse(wait.isNegative(), "wait " + wait);
            assertTrue(wait.compareTo(ceiling) <= 0, "wait " + wait + " within " + ceiling);
            ceiling = ceiling.multipliedBy(2);
        }
    }

    @Test
    void a429OnAPostIsRetriedAndTheServerActsOnlyOnce(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        long addresses = wallet.addresses().stream().count();
        server.faults().rateLimitNext(1, Duration.ofSeconds(1));

        wallet.createAddress(20);

        assertEquals(2, sdk.calls.last(CREATE_ADDRESS).attempts());
        assertEquals(List.of(Duration.ofSeconds(1)), sdk.sleeper.waits);
        assertEquals(addresses + 1, wallet.addresses().stream().count());
    }

    @Test
    void aStormOf5xxOnAGetIsRiddenOutWithinTheAttemptBudget(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        server.faults().serverErrorNext(3, 502);

        getWallet(sdk, wallet);

        assertEquals(4, sdk.calls.last(GET_WALLET).attempts());
        assertEquals(3, sdk.sleeper.waits.size());
    }

    @Test
    void aStormOf5xxLongerThanTheAttemptBudgetEndsInATypedErrorAfterEveryAttempt(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        server.faults().serverErrorNext(50, 503);

        BitGoServerException e = assertThrows(BitGoServerException.class, () -> getWallet(sdk, wallet));

        assertEquals(503, e.status());
        assertEquals(Sdk.RETRIES.maxAttempts(), e.attempts());
        assertEquals(Sdk.RETRIES.maxAttempts() - 1, sdk.sleeper.waits.size());
        server.faults().clear();
        getWallet(sdk, wallet);
    }

    @Test
    void aPostWhoseConnectionResetAfterTheServerActedSaysItMayHaveBeenProcessed(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        long addresses = wallet.addresses().stream().count();
        server.faults().resetAfterProcessingNext(1);

        BitGoConnectionException e = assertThrows(BitGoConnectionException.class, () -> wallet.createAddress(20));

        assertTrue(e.mayHaveBeenProcessed(), e.toString());
        assertEquals(1, e.attempts(), "a POST that may have been processed is not repeated");
        assertTrue(sdk.sleeper.waits.isEmpty());
        assertEquals(addresses + 1, wallet.addresses().stream().count(), "the server did create the address");
    }

    @Test
    void aSendWhoseConnectionResetAfterTheServerActedIsReconciledIntoExactlyOneTransfer(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        server.credit(wallet.id(), 5_000_000);
        // The build goes through; the send that follows it is carried out, but its answer never arrives.
        sdk.calls.afterNext(BUILD, end -> server.faults().resetAfterProcessingNext(1));

        SendResult result = wallet.sendMany(Sdk.send(Sdk.EXTERNAL_TBTC, 1_000_000).sequenceId("reset-1").build());

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result);
        assertTrue(sent.reconciled(), "found by sequenceId, not sent again");
        Sdk.CallEnd send = sdk.calls.last(SEND);
        assertInstanceOf(BitGoConnectionException.class, send.failure());
        assertTrue(send.failure().mayHaveBeenProcessed());
        assertEquals(1, sdk.calls.of(SEND).size(), "the send went out once");
        List<Transfer> transfers = Sdk.sendTransfers(wallet);
        assertEquals(1, transfers.size());
        assertEquals(sent.txid(), transfers.get(0).getTxid());
    }

    @Test
    void aResponseWithATamperedHmacIsRefusedAndNotRetried(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        server.faults().tamperHmacNext(1);

        BitGoResponseVerificationException e = assertThrows(BitGoResponseVerificationException.class,
                () -> getWallet(sdk, wallet));

        assertEquals(ResponseVerificationException.Reason.INVALID_SIGNATURE, e.reason());
        assertEquals(1, e.attempts());
        getWallet(sdk, wallet);
        assertEquals(1, sdk.calls.last(GET_WALLET).attempts());
    }

    @Test
    void aPostWithATamperedHmacSaysItMayHaveBeenProcessed(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet wallet = sdk.generate("tbtc", null);
        long addresses = wallet.addresses().stream().count();
        server.faults().tamperHmacNext(1);

        BitGoResponseVerificationException e = assertThrows(BitGoResponseVerificationException.class,
                () -> wallet.createAddress(20));

        assertTrue(e.mayHaveBeenProcessed());
        assertEquals(addresses + 1, wallet.addresses().stream().count());
    }
}
