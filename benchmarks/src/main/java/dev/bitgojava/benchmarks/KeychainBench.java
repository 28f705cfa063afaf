package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.encryption.Argon2Parameters;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.encryption.internal.Argon2id;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

/**
 * Keychain encryption (BitGo v1 SJCL envelope and v2 Argon2id envelope) of an xprv, and decryption of the vector
 * envelopes. Baselines: the key derivation alone (JCA PBKDF2-HMAC-SHA256 with 10,000 iterations for v1, Bouncy
 * Castle Argon2id with the envelope's parameters for v2), which is the floor any implementation pays;
 * {@code argon2idOwn} is our own Argon2id with the same inputs as the Bouncy Castle baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class KeychainBench {

    private final KeychainEncryptor v1 = KeychainEncryptor.defaults();
    private final KeychainEncryptor v2 = KeychainEncryptor.builder()
            .version(KeychainEncryptor.Version.V2).argon2(Argon2Parameters.BITGO_DEFAULT).build();

    private char[] v1Password;
    private String v1Plaintext;
    private char[] v1DecryptPassword;
    private String v1Envelope;
    private char[] v2Password;
    private String v2Envelope;
    private byte[] v1Salt;
    private byte[] v2Salt;

    @Setup
    public void setUp() {
        JsonNode enc = Vectors.testCase("sjcl.json", "v1Encrypt", "v1-xprv").path("input");
        v1Password = enc.path("password").asText().toCharArray();
        v1Plaintext = enc.path("plaintext").asText();
        v1Salt = Vectors.hex(enc.path("saltHex").asText());

        JsonNode dec = Vectors.testCase("sjcl.json", "v1Decrypt", "dec-xprv");
        v1DecryptPassword = dec.path("input").path("password").asText().toCharArray();
        v1Envelope = dec.path("input").path("envelopeJson").asText();
        Vectors.check(v1.decrypt(v1DecryptPassword.clone(), v1Envelope).equals(dec.path("expected").path("plaintext").asText()),
                "v1 decrypt dec-xprv");

        JsonNode dec2 = Vectors.testCase("sjcl.json", "v2Decrypt", "v2-dec-ok");
        v2Password = dec2.path("input").path("password").asText().toCharArray();
        v2Envelope = dec2.path("input").path("envelopeJson").asText();
        Vectors.check(v2.decrypt(v2Password.clone(), v2Envelope).equals(dec2.path("expected").path("plaintext").asText()),
                "v2 decrypt v2-dec-ok");
        v2Salt = Vectors.hex(Vectors.testCase("sjcl.json", "v2Encrypt", "v2-xprv-default-params")
                .path("input").path("saltHex").asText());
    }

    @Benchmark
    public String v1Encrypt() {
        return v1.encrypt(v1Password.clone(), v1Plaintext);
    }

    @Benchmark
    public String v1Decrypt() {
        return v1.decrypt(v1DecryptPassword.clone(), v1Envelope);
    }

    @Benchmark
    public String v2Encrypt() {
        return v2.encrypt(v1Password.clone(), v1Plaintext);
    }

    @Benchmark
    public String v2Decrypt() {
        return v2.decrypt(v2Password.clone(), v2Envelope);
    }

    /** Baseline for v1: the PBKDF2 key derivation alone, through the JDK. */
    @Benchmark
    public byte[] baselinePbkdf2Jca() throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(v1Password.clone(), v1Salt, KeychainEncryptor.V1_ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    /** Our Argon2id (m = 64 MiB, t = 3, p = 4) alone, with the inputs of {@link #baselineArgon2idBc}. */
    @Benchmark
    public byte[] argon2idOwn() {
        return Argon2id.hash(new String(v1Password).getBytes(StandardCharsets.UTF_8), v2Salt, 65536, 3, 4, 32);
    }

    /** Baseline for v2: Argon2id (m = 64 MiB, t = 3, p = 4) alone, through Bouncy Castle. */
    @Benchmark
    public byte[] baselineArgon2idBc() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(65536).withIterations(3).withParallelism(4).withSalt(v2Salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(new String(v1Password).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
