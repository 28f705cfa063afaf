package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.Schnorr;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.utxo.PsbtSigner;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Half-signing a 50-input BitGo wallet PSBT with the user xprv, as a client does after the server built the
 * transaction: hex in, {@link PsbtSigner#sign} (derivation per input, digest, signature), hex out. Scores are per
 * input (the whole PSBT divided by 50). Inputs: {@code psbt-50-inputs.json} (built by
 * {@code benchmarks/js/psbt-inputs.js}); the set-up checks that our half-signed PSBT is byte-for-byte the one
 * BitGoJS's {@code coin.signTransaction} wrote, so both sides do the same work. Baseline (the floor): the 50 bare
 * signatures alone, ECDSA or BIP340 Schnorr over precomputed digests with precomputed keys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class PsbtBench {

    static final int INPUTS = 50;
    private static final byte[] ZERO_AUX = new byte[32];

    @Param({"p2sh", "p2wsh", "p2tr"})
    public String scriptType;

    private String unsignedHex;
    private String userXprv;
    private UtxoCoin coin;
    private byte[][] digests;
    private byte[][] privateKeys;
    private boolean schnorr;

    @Setup
    public void setUp() {
        JsonNode doc = Vectors.resource("psbt-50-inputs.json");
        JsonNode entry = doc.path("psbts").path(scriptType);
        Vectors.check(entry.isObject(), "a " + scriptType + " PSBT in psbt-50-inputs.json");
        coin = UtxoCoin.fromId(doc.path("coin").asText());
        userXprv = doc.path("userXprv").asText();
        int chain = entry.path("chain").asInt();
        Psbt unsigned = Psbt.parse(Base64.getDecoder().decode(entry.path("unsignedPsbtBase64").asText()));
        Psbt theirs = Psbt.parse(Base64.getDecoder().decode(entry.path("halfSignedPsbtBase64").asText()));
        Vectors.check(unsigned.inputCount() == INPUTS, INPUTS + " inputs");
        unsignedHex = unsigned.toHex();

        String ours = halfSignPsbt();
        Vectors.check(ours.equals(theirs.toHex()), scriptType + ": our half-signed PSBT equals BitGoJS's byte for byte");

        // The floor: the same 50 signatures without parsing, derivation, digests or serialisation.
        schnorr = "p2tr".equals(scriptType);
        Bip32Key root = Bip32Key.parse(userXprv);
        digests = new byte[INPUTS][];
        privateKeys = new byte[INPUTS][];
        for (int i = 0; i < INPUTS; i++) {
            privateKeys[i] = root.derive("0/0/" + chain + "/" + i).privateKey();
            if (schnorr) {
                List<Psbt.KeyedValue> sigs = theirs.tapScriptSignatures(i);
                Vectors.check(sigs.size() == 1, "one taproot script signature on input " + i);
                byte[] leafHash = Arrays.copyOfRange(sigs.get(0).keyData(), 32, 64);
                digests[i] = PsbtSigner.signatureHash(unsigned, i, coin, leafHash);
                Vectors.check(Arrays.equals(Schnorr.sign(digests[i], privateKeys[i], ZERO_AUX), sigs.get(0).value()),
                        "baseline Schnorr signature of input " + i);
            } else {
                List<Psbt.KeyedValue> sigs = theirs.partialSignatures(i);
                Vectors.check(sigs.size() == 1, "one partial signature on input " + i);
                byte[] withHashType = sigs.get(0).value();
                digests[i] = PsbtSigner.signatureHash(unsigned, i, coin, null);
                Vectors.check(Arrays.equals(Ecdsa.sign(digests[i], privateKeys[i]),
                        Arrays.copyOf(withHashType, withHashType.length - 1)), "baseline ECDSA signature of input " + i);
            }
        }
    }

    private String halfSignPsbt() {
        return PsbtSigner.sign(Psbt.fromHex(unsignedHex), userXprv, coin).toHex();
    }

    /** The whole 50-input PSBT, hex to hex; the score is per input. */
    @Benchmark
    @OperationsPerInvocation(INPUTS)
    public String halfSignPerInput() {
        return halfSignPsbt();
    }

    /** 50 bare signatures over precomputed digests (ECDSA, or Schnorr for p2tr); the score is per signature. */
    @Benchmark
    @OperationsPerInvocation(INPUTS)
    public void baselineSignaturesPerInput(Blackhole bh) {
        for (int i = 0; i < INPUTS; i++) {
            bh.consume(schnorr ? Schnorr.sign(digests[i], privateKeys[i], ZERO_AUX) : Ecdsa.sign(digests[i], privateKeys[i]));
        }
    }
}
