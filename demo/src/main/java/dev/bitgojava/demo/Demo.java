package dev.bitgojava.demo;

import dev.bitgojava.client.api.WalletApi;
import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.client.model.WalletShare;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.BitGoClientConfig;
import dev.bitgojava.sdk.BitGoEnvironment;
import dev.bitgojava.sdk.BitGoEventListener;
import dev.bitgojava.sdk.Login;
import dev.bitgojava.sdk.PolicyAction;
import dev.bitgojava.sdk.PolicyRuleDefinition;
import dev.bitgojava.sdk.RetryPolicy;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.errors.BitGoResponseVerificationException;
import dev.bitgojava.sdk.errors.BitGoTransactionRejectedException;
import dev.bitgojava.sdk.wallet.GenerateWalletOptions;
import dev.bitgojava.sdk.wallet.GeneratedWallet;
import dev.bitgojava.sdk.wallet.SendManyOptions;
import dev.bitgojava.sdk.wallet.SendResult;
import dev.bitgojava.sdk.wallet.VerifiedAddress;
import dev.bitgojava.sdk.wallet.Wallet;
import dev.bitgojava.testkit.BitGoTestServer;
import dev.bitgojava.testkit.MaliciousBuild;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a backend service does with the SDK, shown on an embedded {@link BitGoTestServer}: create a 2-of-3 wallet
 * with keys made locally, create and verify an address, receive funds, list transfers page by page, send (build,
 * verify, sign, send) on tbtc and hteth, a send held by a policy and approved, a 429 answered with backoff, a
 * tampered response and a malicious build refused, and a two-user four-eyes workflow. One line per step; no token,
 * passphrase or private key is ever printed.
 *
 * <p>Run it with {@code java -jar demo/target/bitgo-demo.jar}; it exits 0 when every step did what it should.
 */
public final class Demo {

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CAROL = "carol@example.com";
    private static final String OTP = BitGoTestServer.TEST_OTP;
    /** BIP 173's testnet P2WPKH example address: a recipient outside every wallet of the demo. */
    private static final String EXTERNAL_TBTC = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
    /** The demo's retry backoff: short so that the demo is quick (the SDK's default starts at 500 ms). */
    static final RetryPolicy DEMO_RETRIES = new RetryPolicy(5, Duration.ofMillis(25), Duration.ofMillis(400),
            Duration.ofSeconds(2));

    /**
     * The secrets one run of the demo uses; none of them is ever printed.
     *
     * @param accessToken     the service's (Alice's) access token
     * @param alicePassword   Alice's login password
     * @param bobPassword     Bob's login password
     * @param carolPassword   Carol's login password
     * @param alicePassphrase the passphrase of Alice's wallet keys
     * @param bobPassphrase   the passphrase Bob keeps his copy of a shared wallet key under
     */
    public record Secrets(String accessToken, String alicePassword, String bobPassword, String carolPassword,
                          String alicePassphrase, String bobPassphrase) {

        /** Fresh random secrets. */
        public static Secrets random() {
            return new Secrets("v2x" + hex(32), "alice-" + hex(12), "bob-" + hex(12), "carol-" + hex(12),
                    "alice passphrase " + hex(12), "bob passphrase " + hex(12));
        }

        /** Every secret, to check that none was printed. */
        public List<String> all() {
            return List.of(accessToken, alicePassword, bobPassword, carolPassword, alicePassphrase, bobPassphrase);
        }

        @Override
        public String toString() {
            return "Secrets[****]";
        }

        private static String hex(int bytes) {
            byte[] b = new byte[bytes];
            new SecureRandom().nextBytes(b);
            return HexFormat.of().formatHex(b);
        }
    }

    private final PrintStream out;
    private final Secrets secrets;
    private final BitGoTestServer server;
    private final Calls calls = new Calls();
    private int step;
    private String stepName = "start";
    private long stepStart;

    private Demo(PrintStream out, Secrets secrets, BitGoTestServer server) {
        this.out = out;
        this.secrets = secrets;
        this.server = server;
    }

    /** Runs the demo with fresh secrets and exits with its status. */
    public static void main(String[] args) {
        int status = run(System.out, Secrets.random());
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs the demo on a fresh embedded server, printing to {@code out}.
     *
     * @return 0 when every step did what it should, 1 otherwise (the failure is printed)
     */
    public static int run(PrintStream out, Secrets secrets) {
        long start = System.nanoTime();
        BitGoTestServer server;
        try {
            server = BitGoTestServer.builder()
                    .accessToken(secrets.accessToken())
                    .userEmail(ALICE)
                    .userPassword(secrets.alicePassword())
                    .user(BOB, secrets.bobPassword())
                    .user(CAROL, secrets.carolPassword())
                    .build()
                    .start();
        } catch (RuntimeException e) {
            out.println("FAILED to start the embedded BitGo test server: " + describe(e));
            return 1;
        }
        Demo demo = new Demo(out, secrets, server);
        try (server) {
            out.printf("bitgo-java demo: the SDK against an in-memory BitGo (testkit) at %s, up in %,d ms; Auth V2 "
                    + "request signing, every response's HMAC verified%n", server.url(), millisSince(start));
            demo.runSteps();
            server.assertNoContractViolations();
            out.printf("done: %d steps in %,d ms, every request and response within the OpenAPI contract; "
                    + "no token, passphrase or private key was printed%n", demo.step, millisSince(start));
            return 0;
        } catch (Throwable e) {
            out.println("FAILED at step " + demo.step + " (" + demo.stepName + "): " + describe(e));
            return 1;
        }
    }

    private void runSteps() {
        BitGoClientConfig base = BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.url()))
                .serverXpub(server.serverXpub())
                .retryPolicy(DEMO_RETRIES)
                .eventListener(calls)
                .build();
        BitGoClient alice = BitGoClient.create(base.toBuilder().accessToken(secrets.accessToken()).build());

        // 1. A 2-of-3 wallet: user and backup keys made here, only public keys and encrypted private keys uploaded.
        begin("wallet");
        GeneratedWallet generated = alice.wallets("tbtc").generateWallet(GenerateWalletOptions.builder()
                .label("treasury").passphrase(secrets.alicePassphrase().toCharArray()).build());
        generated.offlineMaterial().clear();
        Wallet btc = generated.wallet();
        done("tbtc 2-of-3 wallet " + btc.id() + ": user and backup keys made here, uploaded as xpub + encrypted "
                + "xprv; BitGo's key checked");

        // 2. An address the SDK re-derives from the wallet's own xpubs before handing it out.
        begin("address");
        VerifiedAddress receive = btc.createAddress(20);
        done(receive.address() + " (chain " + receive.chain() + ", index " + receive.index()
                + "): re-derived locally from the three xpubs, matches");

        // 3. Incoming payments (the test server credits the wallet as if they had been mined).
        begin("receive");
        BigInteger received = BigInteger.ZERO;
        String lastCredit = null;
        for (long amount : new long[] {1_500_000, 2_500_000, 4_000_000}) {
            lastCredit = server.credit(btc.id(), amount).transferId();
            received = received.add(BigInteger.valueOf(amount));
        }
        done("3 payments credited to " + receive.address() + ": " + btc(received) + "; last transfer " + lastCredit);

        // 4. Transfers, fetched lazily page by page.
        begin("transfers");
        int pagesBefore = calls.count("TransferApi#listTransfers");
        List<Transfer> transfers = btc.transfers(2).stream().toList();
        int pages = calls.count("TransferApi#listTransfers") - pagesBefore;
        require(transfers.size() == 3, "expected 3 transfers, listed " + transfers.size());
        done(transfers.size() + " transfers listed through " + pages + " pages of 2 (auto-pagination)");

        // 5. A send: build on the server, verify against the intent, sign locally, send with a sequenceId.
        begin("send");
        BigInteger amount = BigInteger.valueOf(1_234_567);
        SendResult.Sent sent = sent(btc.sendMany(SendManyOptions.builder().recipient(EXTERNAL_TBTC, amount)
                .passphrase(secrets.alicePassphrase().toCharArray()).sequenceId("payout-0001").build()));
        SendResult.Sent again = sent(btc.sendMany(SendManyOptions.builder().recipient(EXTERNAL_TBTC, amount)
                .passphrase(secrets.alicePassphrase().toCharArray()).sequenceId("payout-0001").build()));
        require(again.reconciled() && again.txid().equals(sent.txid()), "a repeated sequenceId sent twice");
        done(btc(amount) + " to " + EXTERNAL_TBTC + ": built, verified, signed here, sent; txid " + abbrev(sent.txid())
                + ", sequenceId payout-0001 (repeating it returned the same transfer)");

        // 6. The same on Ethereum (hteth): WalletSimple operation parameters verified and signed here.
        begin("hteth");
        Wallet eth = alice.wallets("hteth").generateWallet(GenerateWalletOptions.builder().label("eth treasury")
                .passphrase(secrets.alicePassphrase().toCharArray()).enterprise(server.enterpriseId()).build()).wallet();
        BigInteger oneEth = BigInteger.TEN.pow(18);
        server.credit(eth.id(), oneEth);
        String ethRecipient = "0x" + Secrets.hex(20);
        BigInteger wei = new BigInteger("50000000000000000");
        SendResult.Sent ethSent = sent(eth.sendMany(SendManyOptions.builder().recipient(ethRecipient, wei)
                .passphrase(secrets.alicePassphrase().toCharArray()).sequenceId("eth-payout-0001").build()));
        done("wallet " + eth.id() + " credited " + eth(oneEth) + "; sent " + eth(wei) + " to "
                + abbrev(ethRecipient) + ": operation verified, signed here; txid " + abbrev(ethSent.txid()));

        // 7. A policy holds a send for approval; a second person approves it.
        begin("policy");
        BitGoClient carol = login(base, CAROL, secrets.carolPassword());
        WalletShare view = alice.walletShares().shareView("tbtc", btc.id(), CAROL, "approver for payouts");
        carol.walletShares().accept("tbtc", view.getId(), (char[]) null);
        alice.policies("tbtc", btc.id()).add(PolicyRuleDefinition.velocityLimit("payout-approval", BigInteger.ZERO,
                Duration.ofDays(1), PolicyAction.getApproval(server.userId(CAROL))));
        BigInteger held = BigInteger.valueOf(250_000);
        SendResult result = btc.sendMany(SendManyOptions.builder().recipient(EXTERNAL_TBTC, held)
                .passphrase(secrets.alicePassphrase().toCharArray()).sequenceId("payout-0002").build());
        if (!(result instanceof SendResult.AwaitingApproval waiting)) {
            throw new IllegalStateException("the policy did not hold the send: " + result);
        }
        String approvalId = waiting.approval().approvalId().orElseThrow();
        done("rule 'payout-approval' (velocity limit 0 per day, approver Carol): send of " + btc(held)
                + " held as pending approval " + approvalId);

        begin("approval");
        String state = carol.pendingApprovals().approve(approvalId, OTP).getState().getValue();
        Transfer approved = btc.transferBySequenceId("payout-0002")
                .orElseThrow(() -> new IllegalStateException("no transfer after the approval"));
        done("Carol (logged in with her password, view-only member) " + state + " it; transfer "
                + approved.getId() + " went out");

        // 8. Rate limiting: 429 answered with backoff.
        begin("429");
        server.faults().rateLimitNext(2);
        alice.api(WalletApi.class).getWallet("tbtc", btc.id(), null, null, null, null, null, null, null, null);
        Calls.End noHeader = calls.last("WalletApi#getWallet");
        server.faults().rateLimitNext(1, Duration.ofSeconds(1));
        alice.api(WalletApi.class).getWallet("tbtc", btc.id(), null, null, null, null, null, null, null, null);
        Calls.End withHeader = calls.last("WalletApi#getWallet");
        long backoff = DEMO_RETRIES.initialBackoff().toMillis();
        done("two 429s without Retry-After: " + noHeader.attempts() + " attempts, waited " + noHeader.waitMillis()
                + " ms (full-jitter backoff: random waits up to " + backoff + " then " + 2 * backoff + " ms; the demo's base "
                + "delay, default 500 ms); one 429 with Retry-After: 1: " + withHeader.attempts() + " attempts, waited "
                + withHeader.waitMillis() + " ms");

        // 9. A response whose HMAC was tampered with in transit.
        begin("tampered");
        server.faults().tamperHmacNext(1);
        try {
            alice.api(WalletApi.class).getWallet("tbtc", btc.id(), null, null, null, null, null, null, null, null);
            throw new IllegalStateException("a response with a tampered HMAC was accepted");
        } catch (BitGoResponseVerificationException e) {
            done("response HMAC altered: refused with " + e.getClass().getSimpleName() + " (" + e.reason() + ")");
        }

        // 10. A malicious build: verify-before-sign refuses it, nothing is signed or sent.
        begin("malicious");
        server.faults().maliciousBuildNext(MaliciousBuild.RECIPIENT_SWAPPED);
        int sendsBefore = calls.count("TransactionApi#sendTransaction");
        try {
            btc.sendMany(SendManyOptions.builder().recipient(EXTERNAL_TBTC, BigInteger.valueOf(100_000))
                    .passphrase(secrets.alicePassphrase().toCharArray()).sequenceId("payout-0003").build());
            throw new IllegalStateException("a build paying someone else was signed");
        } catch (BitGoTransactionRejectedException e) {
            require(calls.count("TransactionApi#sendTransaction") == sendsBefore, "the malicious build was sent");
            done("tx/build swapped the recipient: refused before signing with " + e.getClass().getSimpleName()
                    + "; nothing signed or sent");
        }

        twoUsers(base, alice);
    }

    /** Steps 11–15: Alice shares a wallet with spend permission, Bob accepts and sends, Alice approves. */
    private void twoUsers(BitGoClientConfig base, BitGoClient alice) {
        begin("four-eyes");
        Wallet shared = alice.wallets("tbtc").generateWallet(GenerateWalletOptions.builder().label("four eyes")
                .passphrase(secrets.alicePassphrase().toCharArray()).enterprise(server.enterpriseId()).build()).wallet();
        server.credit(shared.id(), 2_000_000);
        alice.policies("tbtc", shared.id()).add(PolicyRuleDefinition.velocityLimit("four-eyes", BigInteger.ZERO,
                Duration.ofDays(1), PolicyAction.getApproval(server.userId(ALICE))));
        done("Alice's wallet " + shared.id() + " holds " + btc(BigInteger.valueOf(2_000_000))
                + "; rule 'four-eyes': every send needs Alice's approval");

        begin("share");
        char[] alicePassphrase = secrets.alicePassphrase().toCharArray();
        WalletShare share = alice.walletShares().shareSpend("tbtc", shared.id(), BOB, alicePassphrase,
                "co-sign with me");
        Arrays.fill(alicePassphrase, '\0');
        done("Alice shares it with Bob (" + share.getPermissions() + "): her wallet key re-encrypted for Bob "
                + "through ECDH, share " + share.getId());

        begin("login");
        BitGoClient bob = login(base, BOB, secrets.bobPassword());
        done("Bob logs in: password sent only as its HMAC, the issued token came back ECDH-encrypted and was "
                + "opened here");

        begin("accept");
        String accepted = bob.auth().withUnlock(() -> OTP, () -> bob.walletShares().accept("tbtc", share.getId(),
                secrets.bobPassphrase().toCharArray())).getState();
        done("Bob unlocks with his OTP; share " + accepted + ", the key re-encrypted under his own passphrase");

        begin("bob sends");
        BigInteger amount = BigInteger.valueOf(300_000);
        SendResult result = bob.wallets("tbtc").get(shared.id()).sendMany(SendManyOptions.builder()
                .recipient(EXTERNAL_TBTC, amount).passphrase(secrets.bobPassphrase().toCharArray())
                .sequenceId("bob-0001").build());
        if (!(result instanceof SendResult.AwaitingApproval waiting)) {
            throw new IllegalStateException("the four-eyes rule did not hold Bob's send: " + result);
        }
        String approvalId = waiting.approval().approvalId().orElseThrow();
        require(sendTransfers(shared) == 0, "a transfer went out before the approval");
        done("Bob sends " + btc(amount) + " (signed with his copy of the key): held as pending approval " + approvalId);

        begin("approve");
        String state = alice.pendingApprovals().approve(approvalId, OTP).getState().getValue();
        long transfers = sendTransfers(shared);
        require(transfers == 1, "expected exactly one transfer, found " + transfers);
        done("Alice " + state + " it: exactly " + transfers + " transfer went out");
    }

    private static BitGoClient login(BitGoClientConfig base, String email, String password) {
        return BitGoClient.login(base, Login.builder(email, password.toCharArray()).otp(OTP).build());
    }

    private static long sendTransfers(Wallet wallet) {
        return wallet.transfers().stream()
                .filter(t -> t.getType() != null && "send".equals(t.getType().getValue()))
                .count();
    }

    private static SendResult.Sent sent(SendResult result) {
        if (result instanceof SendResult.Sent s) {
            return s;
        }
        throw new IllegalStateException("expected the send to go out, but it ended as " + result);
    }

    private void begin(String name) {
        step++;
        stepName = name;
        stepStart = System.nanoTime();
    }

    private void done(String text) {
        out.printf("%2d %-10s %s (%,d ms)%n", step, stepName, text, millisSince(stepStart));
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String btc(BigInteger sats) {
        return String.format("%,d sat (%s tBTC)", sats, new BigDecimal(sats, 8).stripTrailingZeros().toPlainString());
    }

    private static String eth(BigInteger wei) {
        return String.format("%,d wei (%s ETH)", wei, new BigDecimal(wei, 18).stripTrailingZeros().toPlainString());
    }

    private static String abbrev(String id) {
        return id == null ? "(none)" : id.length() <= 20 ? id : id.substring(0, 12) + "..." + id.substring(id.length() - 6);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Counts calls per operation and keeps the retry history of each operation's last call. */
    private static final class Calls implements BitGoEventListener {
        record End(int attempts, long waitMillis) {
        }

        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final Map<String, End> last = new ConcurrentHashMap<>();

        @Override
        public void onCallEnd(String operation, int attempts, Duration totalRetryWait, BitGoException failure) {
            counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            last.put(operation, new End(attempts, totalRetryWait.toMillis()));
        }

        int count(String operation) {
            AtomicInteger n = counts.get(operation);
            return n == null ? 0 : n.get();
        }

        End last(String operation) {
            End end = last.get(operation);
            if (end == null) {
                throw new IllegalStateException("no call of " + operation + " was made");
            }
            return end;
        }
    }
}
