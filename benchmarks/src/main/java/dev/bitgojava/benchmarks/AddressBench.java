package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.WalletAddress;
import dev.bitgojava.signing.utxo.WalletKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Wallet address derivation per chain type on btc (utxo-addresses.json cases btc-0-0, btc-10-0, btc-20-0, btc-30-0,
 * btc-40-0): derive the three keys at {@code 0/0/chain/index}, build the script(s), encode the address. The wallet's
 * keys are loaded once, as a client holding a wallet does; each operation then derives one address.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class AddressBench {

    @Param({"0", "10", "20", "30", "40"})
    public int chain;

    private WalletKeys keys;
    private UtxoCoin coin;
    private int index;

    @Setup
    public void setUp() {
        JsonNode wallet = Vectors.read("utxo-addresses.json").path("wallet");
        JsonNode c = Vectors.testCase("utxo-addresses.json", "addresses", "btc-" + chain + "-0");
        keys = WalletKeys.fromXpubs(wallet.path("userXpub").asText(), wallet.path("backupXpub").asText(),
                wallet.path("bitgoXpub").asText());
        coin = UtxoCoin.fromId(c.path("input").path("coin").asText());
        index = c.path("input").path("index").asInt();
        Vectors.check(deriveAddress().equals(c.path("expected").path("address").asText()), "address " + c.path("id"));
    }

    @Benchmark
    public String deriveAddress() {
        return WalletAddress.derive(keys, coin, chain, index).address();
    }
}
