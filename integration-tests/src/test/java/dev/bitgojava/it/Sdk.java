package dev.bitgojava.it;

import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.BitGoClientConfig;
import dev.bitgojava.sdk.BitGoEnvironment;
import dev.bitgojava.sdk.BitGoEventListener;
import dev.bitgojava.sdk.RetryPolicy;
import dev.bitgojava.sdk.Sleeper;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.wallet.GenerateWalletOptions;
import dev.bitgojava.sdk.wallet.SendManyOptions;
import dev.bitgojava.sdk.wallet.Wallet;
import dev.bitgojava.testkit.BitGoTestServer;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** SDK clients wired to a test server, with the waits and calls they make recorded. */
final class Sdk {

    static final char[] PASSPHRASE = "integration test passphrase".toCharArray();
    /** BIP 173's testnet P2WPKH example address: a recipient outside every wallet. */
    static final String EXTERNAL_TBTC = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
    /** Quick retries with the default attempt count, so that the policy's own bounds are what is tested. */
    static final RetryPolicy RETRIES = new RetryPolicy(5, Duration.ofMillis(40), Duration.ofMillis(400),
            Duration.ofSeconds(30));

    /** A sleeper that records the waits it is asked for and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** One finished call as the SDK reported it. */
    record CallEnd(String operation, int attempts, Duration totalRetryWait, BitGoException failure) {
    }

    /** Records every finished call; runs an optional hook once after a given operation ends. */
    static final class CallLog implements BitGoEventListener {
        final List<CallEnd> ends = new CopyOnWriteArrayList<>();
        private final Map<String, Consumer<CallEnd>> hooks = new ConcurrentHashMap<>();

        /** Runs {@code hook} once, after the next call of {@code operation} ends. */
        void afterNext(String operation, Consumer<CallEnd> hook) {
            hooks.put(operation, hook);
        }

        @Override
        public void onCallEnd(String operation, int attempts, Duration totalRetryWait, BitGoException failure) {
            CallEnd end = new CallEnd(operation, attempts, totalRetryWait, failure);
            ends.add(end);
            Consumer<CallEnd> hook = hooks.remove(operation);
            if (hook != null) {
                hook.accept(end);
            }
        }

        List<CallEnd> of(String operation) {
            return ends.stream().filter(e -> e.operation().equals(operation)).toList();
        }

        CallEnd last(String operation) {
            List<CallEnd> calls = of(operation);
            if (calls.isEmpty()) {
                throw new AssertionError("no call of " + operation);
            }
            return calls.get(calls.size() - 1);
        }
    }

    final RecordingSleeper sleeper = new RecordingSleeper();
    final CallLog calls = new CallLog();
    final BitGoClient client;

    /** A client of the server's seeded user with the given configuration changes. */
    Sdk(BitGoTestServer server, Consumer<BitGoClientConfig.Builder> changes) {
        BitGoClientConfig.Builder b = BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.url()))
                .accessToken(server.accessToken())
                .serverXpub(server.serverXpub())
                .retryPolicy(RETRIES)
                .sleeper(sleeper)
                .eventListener(calls);
        changes.accept(b);
        client = BitGoClient.create(b.build());
    }

    Sdk(BitGoTestServer server) {
        this(server, b -> { });
    }

    /** A new 2-of-3 wallet of {@code coin} under {@link #PASSPHRASE}. */
    Wallet generate(String coin, String enterprise) {
        GenerateWalletOptions.Builder b = GenerateWalletOptions.builder().label("it " + coin).passphrase(PASSPHRASE);
        if (enterprise != null) {
            b.enterprise(enterprise);
        }
        return client.wallets(coin).generateWallet(b.build()).wallet();
    }

    static SendManyOptions.Builder send(String address, long amount) {
        return SendManyOptions.builder().recipient(address, BigInteger.valueOf(amount)).passphrase(PASSPHRASE);
    }

    static List<Transfer> sendTransfers(Wallet wallet) {
        return wallet.transfers().stream()
                .filter(t -> t.getType() != null && "send".equals(t.getType().getValue()))
                .toList();
    }
}
