package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.Schnorr;
import dev.bitgojava.signing.keys.Bip32Key;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.base.Sha256Hash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Raw secp256k1 signatures: ECDSA (RFC 6979, low-S, DER) over the p2wsh input digest of the
 * {@code tbtc-p2sh-p2shP2wsh-p2wsh} PSBT scenario with the user key derived for that input, and BIP340 Schnorr over
 * a {@code bip340.json} case. Baseline: bitcoinj's {@code ECKey} (Bouncy Castle) over the same digest and key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class EcdsaBench {

    private byte[] digest;
    private byte[] privateKey;
    private byte[] publicKey;
    private byte[] der;
    private ECKey bitcoinjKey;
    private ECKey.ECDSASignature bitcoinjSignature;

    private byte[] schnorrMessage;
    private byte[] schnorrKey;
    private byte[] schnorrAux;
    private byte[] schnorrPublicKey;
    private byte[] schnorrSignature;

    @Setup
    public void setUp() {
        JsonNode scenario = Vectors.testCase("utxo-psbt.json", "scenarios", "tbtc-p2sh-p2shP2wsh-p2wsh");
        JsonNode input = null;
        for (JsonNode in : scenario.path("expected").path("inputs")) {
            if ("p2wsh".equals(in.path("scriptType").asText())) {
                input = in;
            }
        }
        Vectors.check(input != null, "a p2wsh input in the scenario");
        String path = "0/0/" + input.path("chain").asInt() + "/" + input.path("index").asInt();
        privateKey = Bip32Key.parse(scenario.path("input").path("walletXprvs").path("user").asText()).derive(path).privateKey();
        publicKey = Vectors.hex(input.path("userDerivedPubkeyHex").asText());
        digest = Vectors.hex(input.path("sighashDigestHex").asText());
        String expected = input.path("userSignatureHex").asText();
        der = Vectors.hex(expected.substring(0, expected.length() - 2));
        Vectors.check(Arrays.equals(Ecdsa.sign(digest, privateKey), der), "ECDSA signature of the p2wsh input");
        Vectors.check(Ecdsa.verify(digest, der, publicKey), "ECDSA verification");
        bitcoinjKey = ECKey.fromPrivate(privateKey);
        bitcoinjSignature = bitcoinjKey.sign(Sha256Hash.wrap(digest));
        Vectors.check(Arrays.equals(bitcoinjSignature.encodeToDER(), der), "bitcoinj baseline signature");

        JsonNode s = Vectors.testCase("bip340.json", "sign", "bip340-sign-3");
        schnorrMessage = Vectors.hex(s.path("input").path("messageHex").asText());
        schnorrKey = Vectors.hex(s.path("input").path("secretKeyHex").asText());
        schnorrAux = Vectors.hex(s.path("input").path("auxRandHex").asText());
        schnorrPublicKey = Vectors.hex(s.path("expected").path("publicKeyHex").asText());
        schnorrSignature = Vectors.hex(s.path("expected").path("signatureHex").asText());
        Vectors.check(Arrays.equals(Schnorr.sign(schnorrMessage, schnorrKey, schnorrAux), schnorrSignature), "Schnorr sign");
        Vectors.check(Schnorr.verify(schnorrMessage, schnorrPublicKey, schnorrSignature), "Schnorr verify");
    }

    @Benchmark
    public byte[] ecdsaSign() {
        return Ecdsa.sign(digest, privateKey);
    }

    @Benchmark
    public boolean ecdsaVerify() {
        return Ecdsa.verify(digest, der, publicKey);
    }

    @Benchmark
    public byte[] schnorrSign() {
        return Schnorr.sign(schnorrMessage, schnorrKey, schnorrAux);
    }

    @Benchmark
    public boolean schnorrVerify() {
        return Schnorr.verify(schnorrMessage, schnorrPublicKey, schnorrSignature);
    }

    @Benchmark
    public byte[] baselineBitcoinjEcdsaSign() {
        return ECKey.fromPrivate(privateKey).sign(Sha256Hash.wrap(digest)).encodeToDER();
    }

    @Benchmark
    public boolean baselineBitcoinjEcdsaVerify() throws org.bitcoinj.crypto.SignatureDecodeException {
        return ECKey.verify(digest, der, publicKey);
    }
}
