package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.auth.AuthVersion;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.bitgojava.testkit.Wallets.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 clients for 10 seconds against one server, two clients per wallet so that their sends compete for the same
 * unspents: crediting, building, verifying, signing and sending, sometimes repeating a send with its sequenceId.
 * Afterwards every wallet's transfers are exactly the credits and sends the clients saw succeed, once each, and
 * the balances add up.
 */
class ConcurrentClientsTest {

    private static final int CLIENTS = 50;
    private static final int WALLETS = 25;
    private static final long RUN_MILLIS = 10_000;
    private static final int MAX_ITERATIONS_PER_CLIENT = 10_000;
    private static final long FIRST_CREDIT = 100_000_000;

    /** What the clients saw happen to one wallet. */
    private static final class Ledger {
        final Map<String, BigInteger> transfers = new ConcurrentHashMap<>();
        final Set<String> sequenceIds = ConcurrentHashMap.newKeySet();
    }

    @Test
    void noTransferIsLostOrDuplicatedAndBalancesAddUp() throws Exception {
        try (BitGoTestServer server = BitGoTestServer.builder().build().start()) {
            TestClient setup = new TestClient(server, AuthVersion.V2);
            List<Wallets.Wallet> wallets = new ArrayList<>();
            List<Ledger> ledgers = new ArrayList<>();
            for (int w = 0; w < WALLETS; w++) {
                Wallets.Wallet wallet = Wallets.create(setup, server, "tbtc", 20);
                Ledger ledger = new Ledger();
                ledger.transfers.put(server.credit(wallet.id(), FIRST_CREDIT).transferId(),
                        BigInteger.valueOf(FIRST_CREDIT));
                wallets.add(wallet);
                ledgers.add(ledger);
            }
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger sends = new AtomicInteger();
            AtomicInteger repeats = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            long deadline = System.currentTimeMillis() + RUN_MILLIS;
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNumber = c;
                running.add(pool.submit(() -> {
                    TestClient client = new TestClient(server, AuthVersion.V2);
                    Wallets.Wallet wallet = wallets.get(clientNumber % WALLETS);
                    Ledger ledger = ledgers.get(clientNumber % WALLETS);
                    String to = Wallets.foreignAddress(wallet.utxoCoin());
                    for (int i = 0; i < MAX_ITERATIONS_PER_CLIENT && System.currentTimeMillis() < deadline; i++) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        try {
                            if (random.nextInt(5) == 0) {
                                long amount = random.nextLong(10_000, 1_000_000);
                                ledger.transfers.put(server.credit(wallet.id(), amount).transferId(),
                                        BigInteger.valueOf(amount));
                                continue;
                            }
                            long amount = random.nextLong(10_000, 500_000);
                            String sequenceId = "client" + clientNumber + "-" + i;
                            TestClient.Reply build = client.post(wallet.path() + "/tx/build",
                                    Wallets.buildRequest(to, amount));
                            if (build.status() != 200) {
                                failures.add("build " + build.status() + " " + build.body());
                                continue;
                            }
                            ObjectNode send = Wallets.sendRequest(
                                    Wallets.verifyAndSign(wallet, build.json(), to, amount), sequenceId);
                            TestClient.Reply sent = client.post(wallet.path() + "/tx/send", send);
                            if (sent.status() == 400
                                    && sent.json().path("name").asText().equals("UnspentNotFound")) {
                                conflicts.incrementAndGet();
                                continue;
                            }
                            if (sent.status() != 200) {
                                failures.add("send " + sent.status() + " " + sent.body());
                                continue;
                            }
                            JsonNode transfer = sent.json().path("transfer");
                            ledger.transfers.put(transfer.path("id").asText(),
                                    new BigInteger(transfer.path("valueString").asText()));
                            ledger.sequenceIds.add(sequenceId);
                            sends.incrementAndGet();
                            if (random.nextInt(10) == 0) {
                                TestClient.Reply again = client.post(wallet.path() + "/tx/send", send);
                                repeats.incrementAndGet();
                                if (again.status() != 200 || !again.json().path("transfer").path("id").asText()
                                        .equals(transfer.path("id").asText())) {
                                    failures.add("repeated send " + again.status() + " " + again.body());
                                }
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get(RUN_MILLIS * 6, TimeUnit.MILLISECONDS);
            }
            pool.shutdown();

            assertTrue(failures.isEmpty(), failures.size() + " failures, e.g. " + failures.peek());
            assertTrue(sends.get() >= CLIENTS, "the clients sent something: " + sends.get() + " sends, "
                    + repeats.get() + " repeats, " + conflicts.get() + " conflicts");
            for (int w = 0; w < WALLETS; w++) {
                assertWalletMatchesLedger(setup, wallets.get(w), ledgers.get(w));
            }
            server.assertNoContractViolations();
        }
    }

    private static void assertWalletMatchesLedger(TestClient client, Wallets.Wallet wallet, Ledger ledger) {
        List<String> listed = new ArrayList<>();
        Set<String> listedSequenceIds = new HashSet<>();
        BigInteger listedSum = BigInteger.ZERO;
        for (JsonNode t : all(client, wallet.path() + "/transfer", "transfers")) {
            listed.add(t.path("id").asText());
            listedSum = listedSum.add(new BigInteger(t.path("valueString").asText()));
            if (t.hasNonNull("sequenceId")) {
                assertTrue(listedSequenceIds.add(t.path("sequenceId").asText()), "one transfer per sequenceId");
            }
        }
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no transfer listed twice");
        assertEquals(ledger.transfers.keySet(), new HashSet<>(listed), "exactly the transfers the clients saw");
        assertEquals(ledger.sequenceIds, listedSequenceIds);
        BigInteger expected = ledger.transfers.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(expected, listedSum);
        assertEquals(expected.toString(), ok(client.get(wallet.path())).path("balanceString").asText());
        BigInteger unspent = BigInteger.ZERO;
        for (JsonNode u : all(client, wallet.path() + "/unspents", "unspents")) {
            unspent = unspent.add(new BigInteger(u.path("valueString").asText()));
        }
        assertEquals(expected, unspent, "the unspents hold the balance");
    }

    private static List<JsonNode> all(TestClient client, String path, String field) {
        List<JsonNode> out = new ArrayList<>();
        String prevId = null;
        do {
            JsonNode page = ok(client.get(path + "?limit=500" + (prevId == null ? "" : "&prevId=" + prevId)));
            page.path(field).forEach(out::add);
            prevId = page.hasNonNull("nextBatchPrevId") ? page.path("nextBatchPrevId").asText() : null;
        } while (prevId != null);
        return out;
    }
}
