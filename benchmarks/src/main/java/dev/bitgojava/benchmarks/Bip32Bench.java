package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.keys.Bip32Key;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * BIP32 wallet-path derivation as a client does it for one address: the three root xpubs (user, backup, bitgo) are
 * parsed and each is derived along {@code 0/0/chain/index}; and the user xprv derived along the same path for
 * signing. Every operation starts from the key text, so no cache from an earlier operation helps.
 * Baseline: bitcoinj's {@code HDKeyDerivation} over the same keys and path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class Bip32Bench {

    private String[] rootXpubs;
    private String userXprv;
    private String path;
    private int[] steps;

    @Setup
    public void setUp() {
        JsonNode c = Vectors.testCase("bip32.json", "walletDerivation", "wallet-20-0");
        JsonNode in = c.path("input");
        rootXpubs = new String[3];
        for (int i = 0; i < 3; i++) {
            rootXpubs[i] = in.path("rootXpubs").get(i).asText();
        }
        userXprv = in.path("rootXprvs").get(0).asText();
        steps = new int[] {0, 0, in.path("chain").asInt(), in.path("index").asInt()};
        path = "0/0/" + steps[2] + "/" + steps[3];
        JsonNode exp = c.path("expected");
        Vectors.check(Bip32Key.parse(userXprv).derive(path).toXprv().equals(exp.path("user").path("xprv").asText()),
                "user xprv derivation");
        String[] roles = {"user", "backup", "bitgo"};
        for (int i = 0; i < 3; i++) {
            Vectors.check(Vectors.hex(Bip32Key.parse(rootXpubs[i]).derive(path).publicKey())
                    .equals(exp.path(roles[i]).path("publicKeyHex").asText()), roles[i] + " xpub derivation");
            Vectors.check(Arrays.equals(bitcoinjDerive(rootXpubs[i]).getPubKey(),
                    Vectors.hex(exp.path(roles[i]).path("publicKeyHex").asText())), "bitcoinj baseline " + roles[i]);
        }
    }

    @Benchmark
    public void walletKeysFromXpubs(Blackhole bh) {
        for (String xpub : rootXpubs) {
            bh.consume(Bip32Key.parse(xpub).derive(path).publicKey());
        }
    }

    @Benchmark
    public byte[] userKeyFromXprv() {
        return Bip32Key.parse(userXprv).derive(path).privateKey();
    }

    @Benchmark
    public void baselineBitcoinjWalletKeysFromXpubs(Blackhole bh) {
        for (String xpub : rootXpubs) {
            bh.consume(bitcoinjDerive(xpub).getPubKey());
        }
    }

    @Benchmark
    public byte[] baselineBitcoinjUserKeyFromXprv() {
        return bitcoinjDerive(userXprv).getPrivKeyBytes();
    }

    private DeterministicKey bitcoinjDerive(String base58) {
        DeterministicKey key = DeterministicKey.deserializeB58(base58, BitcoinNetwork.MAINNET);
        for (int step : steps) {
            key = HDKeyDerivation.deriveChildKey(key, step);
        }
        return key;
    }
}
