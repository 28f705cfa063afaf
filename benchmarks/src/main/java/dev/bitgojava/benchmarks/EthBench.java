package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.eth.EthSignature;
import dev.bitgojava.signing.eth.WalletSimpleOperation;
import dev.bitgojava.signing.eth.WalletSimpleScheme;
import dev.bitgojava.signing.keys.Bip32Key;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;

/**
 * ETH WalletSimple half-signing as {@code coin.signTransaction} does it: take the user xprv, build the operation hash
 * of a native send (tight encoding, keccak256) and sign it (RFC 6979, low-S, r||s||v). Also the bare hash signature.
 * Baseline: web3j's {@code Sign.signMessage} over the same 32-byte hash.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class EthBench {

    private String userXprv;
    private String recipient;
    private BigInteger amount;
    private long expireTime;
    private long sequenceId;
    private byte[] hash;
    private byte[] hashKey;
    private ECKeyPair web3jKey;

    @Setup
    public void setUp() {
        JsonNode c = Vectors.testCase("eth.json", "sendMultiSig", "eth-native");
        JsonNode in = c.path("input");
        userXprv = in.path("userXprv").asText();
        recipient = in.path("recipientAddress").asText();
        amount = new BigInteger(in.path("amount").asText());
        expireTime = in.path("expireTime").asLong();
        sequenceId = in.path("sequenceId").asLong();
        Vectors.check(operationSignature().equals(c.path("expected").path("signature").asText()),
                "operation signature eth-native");

        JsonNode h = Vectors.testCase("eth.json", "signHash", "hash-zero-ish");
        hash = Vectors.hex(h.path("input").path("msgHash").asText());
        hashKey = Vectors.hex(h.path("input").path("privateKeyHex").asText());
        web3jKey = ECKeyPair.create(hashKey);
        Vectors.check(EthSignature.signHash(hash, hashKey).toHex().equals(h.path("expected").path("signature").asText()),
                "signHash hash-zero-ish");
    }

    private String operationSignature() {
        byte[] key = Bip32Key.parse(userXprv).privateKey();
        WalletSimpleOperation op = WalletSimpleOperation.nativeSend(WalletSimpleScheme.STANDARD, recipient, amount,
                null, expireTime, sequenceId);
        return op.sign(key).toHex();
    }

    @Benchmark
    public String operationHashSign() {
        return operationSignature();
    }

    @Benchmark
    public EthSignature signHash() {
        return EthSignature.signHash(hash, hashKey);
    }

    @Benchmark
    public Sign.SignatureData baselineWeb3jSignHash() {
        return Sign.signMessage(hash, web3jKey, false);
    }
}
