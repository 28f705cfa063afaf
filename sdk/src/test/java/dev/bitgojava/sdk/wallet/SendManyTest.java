package dev.bitgojava.sdk.wallet;

import dev.bitgojava.client.api.PolicyApi;
import dev.bitgojava.client.model.AddPolicyRuleRequest;
import dev.bitgojava.client.model.PolicyRuleAction;
import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.errors.BitGoNeedsOtpException;
import dev.bitgojava.sdk.errors.BitGoTransactionRejectedException;
import dev.bitgojava.sdk.errors.BitGoWrongPassphraseException;
import dev.bitgojava.sdk.testing.RecordingProxy;
import dev.bitgojava.signing.eth.EthVerificationException;
import dev.bitgojava.signing.utxo.TransactionVerificationException;
import dev.bitgojava.testkit.BitGoTestServer;
import dev.bitgojava.testkit.BitGoTestServerExtension;
import dev.bitgojava.testkit.MaliciousBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendManyTest {

    private static final BigInteger BTC_FUNDING = BigInteger.valueOf(5_000_000);
    private static final BigInteger BTC_AMOUNT = BigInteger.valueOf(1_234_567);
    private static final BigInteger ETH_FUNDING = BigInteger.TEN.pow(18);
    private static final BigInteger ETH_AMOUNT = BigInteger.valueOf(123_456_789_000L);

    @RegisterExtension
    final BitGoTestServerExtension kit = new BitGoTestServerExtension();

    /** A funded wallet of the server reached through a recording proxy, and a recipient address. */
    private record Setup(RecordingProxy proxy, BitGoClient client, Wallet wallet, String recipient) {
        long sends() {
            return proxy.exchanges().stream().filter(e -> e.target().contains("/tx/send")).count();
        }

        long builds() {
            return proxy.exchanges().stream().filter(e -> e.target().contains("/tx/build")).count();
        }

        List<Transfer> sendTransfers() {
            return wallet.transfers().stream().filter(t -> t.getType() != null
                    && "send".equals(t.getType().getValue())).toList();
        }

        SendManyOptions.Builder options(BigInteger amount) {
            return SendManyOptions.builder().recipient(recipient, amount).passphrase(Fixtures.PASSPHRASE);
        }
    }

    private static Setup setup(BitGoTestServer server, String coin) {
        RecordingProxy proxy = new RecordingProxy(server.url());
        BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), true);
        boolean eth = coin.equals("hteth");
        Wallet wallet = Fixtures.generate(client, coin, eth ? server.enterpriseId() : null).wallet();
        server.credit(wallet.id(), eth ? ETH_FUNDING : BTC_FUNDING);
        String recipient = eth ? "0x" + HexFormat.of().formatHex(new SecureRandom().generateSeed(20))
                : Fixtures.generate(Fixtures.client(server), coin, null).wallet().createAddress(20).address();
        return new Setup(proxy, client, wallet, recipient);
    }

    @Test
    void sendsOnTbtcEndToEndWithAGeneratedSequenceId(BitGoTestServer server) {
        Setup s = setup(server, "tbtc");
        SendResult result = s.wallet().sendMany(s.options(BTC_AMOUNT).build());

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result);
        assertNotNull(sent.sequenceId());
        assertNotNull(sent.txid());
        assertFalse(sent.reconciled());
        assertEquals(sent.txid(), s.wallet().transferBySequenceId(sent.sequenceId()).orElseThrow().getTxid());
        assertEquals(1, s.sends());
        s.proxy().close();
    }

    @Test
    void sendsOnHtethEndToEnd(BitGoTestServer server) {
        Setup s = setup(server, "hteth");
        SendResult result = s.wallet().sendMany(s.options(ETH_AMOUNT).sequenceId("eth-send-1").build());

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result);
        assertEquals("eth-send-1", sent.sequenceId());
        assertEquals(1, s.sendTransfers().size());
        // A second send uses the next contract sequence id and is accepted too.
        assertInstanceOf(SendResult.Sent.class, s.wallet().sendMany(s.options(ETH_AMOUNT).build()));
        assertEquals(2, s.sendTransfers().size());
        s.proxy().close();
    }

    @ParameterizedTest
    @EnumSource(MaliciousBuild.class)
    void aMaliciousBuildIsRefusedAndNothingIsSent(MaliciousBuild kind, BitGoTestServer server) {
        Setup s = setup(server, kind.appliesToUtxo() ? "tbtc" : "hteth");
        server.faults().maliciousBuildNext(kind);
        BigInteger amount = kind.appliesToUtxo() ? BTC_AMOUNT : ETH_AMOUNT;
        SendManyOptions.Builder options = s.options(amount);
        if (kind == MaliciousBuild.ETH_SEQUENCE_ID_CHANGED) {
            options.expectedContractSequenceId(1); // a fresh WalletSimple contract's first operation
        }
        BitGoTransactionRejectedException e = assertThrows(BitGoTransactionRejectedException.class,
                () -> s.wallet().sendMany(options.build()));
        assertTrue(e.getCause() instanceof TransactionVerificationException
                || e.getCause() instanceof EthVerificationException, "refused by verify-before-sign: " + e);
        assertEquals(1, s.builds());
        assertEquals(0, s.sends());
        assertTrue(s.sendTransfers().isEmpty());
        s.proxy().close();
    }

    @Test
    void aWrongPassphraseSendsNothing(BitGoTestServer server) {
        Setup s = setup(server, "tbtc");
        SendManyOptions options = SendManyOptions.builder().recipient(s.recipient(), BTC_AMOUNT)
                .passphrase("not the passphrase".toCharArray()).build();
        assertThrows(BitGoWrongPassphraseException.class, () -> s.wallet().sendMany(options));
        assertEquals(0, s.sends());
        s.proxy().close();
    }

    @Test
    void aWrongOtpIsTheTypedOtpError(BitGoTestServer server) {
        Setup s = setup(server, "tbtc");
        assertThrows(BitGoNeedsOtpException.class,
                () -> s.wallet().sendMany(s.options(BTC_AMOUNT).otp("1234567").build()));
        assertTrue(s.sendTransfers().isEmpty());
        s.proxy().close();
    }

    @Test
    void aLostSendAnswerIsReconciledBySequenceIdIntoExactlyOneTransfer(BitGoTestServer server) {
        Setup s = setup(server, "tbtc");
        s.proxy().loseAnswerOf(r -> r.getTarget().contains("/tx/send"), 1);

        SendResult result = s.wallet().sendMany(s.options(BTC_AMOUNT).sequenceId("lost-answer-1").build());

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result);
        assertTrue(sent.reconciled());
        assertEquals("lost-answer-1", sent.sequenceId());
        assertEquals(1, s.sends(), "the send reached the server once and was not repeated");
        List<Transfer> transfers = s.sendTransfers();
        assertEquals(1, transfers.size());
        assertEquals(sent.txid(), transfers.get(0).getTxid());
        s.proxy().close();
    }

    @Test
    void aLostEthSendAnswerIsReconciledIntoExactlyOneTransfer(BitGoTestServer server) {
        Setup s = setup(server, "hteth");
        s.proxy().loseAnswerOf(r -> r.getTarget().contains("/tx/send"), 1);
        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class,
                s.wallet().sendMany(s.options(ETH_AMOUNT).sequenceId("lost-eth-1").build()));
        assertTrue(sent.reconciled());
        assertEquals(1, s.sendTransfers().size());
        s.proxy().close();
    }

    @Test
    void aSendThatNeverReachedTheServerIsSentAgainAfterTheLookupFindsNothing(BitGoTestServer server) {
        Setup s = setup(server, "tbtc");
        java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
        s.proxy().override(r -> r.getTarget().contains("/tx/send") && dropped.getAndIncrement() == 0
                ? new mockwebserver3.MockResponse.Builder()
                        .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build()
                : null);

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class,
                s.wallet().sendMany(s.options(BTC_AMOUNT).sequenceId("dropped-1").build()));

        assertFalse(sent.reconciled());
        assertTrue(s.proxy().exchanges().stream().anyMatch(e -> e.target().contains("/transfer/sequenceId/dropped-1")),
                "looked up before sending again");
        assertEquals(2, s.sends());
        assertEquals(1, s.sendTransfers().size());
        s.proxy().close();
    }

    @Test
    void repeatingACompletedSendWithItsSequenceIdReturnsTheSameTransferWithoutBuilding(BitGoTestServer server) {
        Setup s = setup(server, "tbtc");
        SendResult.Sent first = (SendResult.Sent) s.wallet().sendMany(s.options(BTC_AMOUNT).sequenceId("again")
                .build());
        SendResult.Sent second = (SendResult.Sent) s.wallet().sendMany(s.options(BTC_AMOUNT).sequenceId("again")
                .build());
        assertEquals(first.txid(), second.txid());
        assertTrue(second.reconciled());
        assertEquals(1, s.builds());
        assertEquals(1, s.sendTransfers().size());
        s.proxy().close();
    }

    @Test
    void concurrentCallsWithOneSequenceIdMakeOneTransfer(BitGoTestServer server) throws Exception {
        Setup s = setup(server, "tbtc");
        CountDownLatch start = new CountDownLatch(1);
        Callable<SendResult> call = () -> {
            start.await();
            return s.wallet().sendMany(s.options(BTC_AMOUNT).sequenceId("twice-at-once").build());
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SendResult>> futures = List.of(pool.submit(call), pool.submit(call), pool.submit(call),
                    pool.submit(call));
            start.countDown();
            String txid = null;
            for (Future<SendResult> f : futures) {
                SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, f.get(60, TimeUnit.SECONDS));
                if (txid == null) {
                    txid = sent.txid();
                }
                assertEquals(txid, sent.txid());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, s.sendTransfers().size());
        s.proxy().close();
    }

    @Test
    void aSendHeldByPolicyIsAwaitingApproval(BitGoTestServer server) {
        Setup s = setup(server, "tbtc");
        s.client().api(PolicyApi.class).addPolicyRule("tbtc", s.wallet().id(), new AddPolicyRuleRequest()
                .id("approve-everything").type(AddPolicyRuleRequest.TypeEnum.ALL_TX)
                .condition(Map.of())
                .action(new PolicyRuleAction().type(PolicyRuleAction.TypeEnum.GET_APPROVAL)));

        SendResult result = s.wallet().sendMany(s.options(BTC_AMOUNT).sequenceId("needs-approval").build());

        SendResult.AwaitingApproval waiting = assertInstanceOf(SendResult.AwaitingApproval.class, result);
        assertEquals("needs-approval", waiting.sequenceId());
        assertTrue(waiting.approval().approvalId().isPresent());
        assertTrue(s.sendTransfers().isEmpty());
        s.proxy().close();
    }
}
