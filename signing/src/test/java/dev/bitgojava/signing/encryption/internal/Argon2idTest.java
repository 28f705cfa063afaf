package dev.bitgojava.signing.encryption.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat-memory, multi-threaded Argon2id gives RFC 9106's test vector and the same tags as Bouncy Castle's
 * independent implementation for many parameter sets, on one thread and on several.
 */
class Argon2idTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NONE = new byte[0];

    private static byte[] bouncyCastle(byte[] password, byte[] salt, byte[] secret, byte[] ad, int memoryKiB,
                                       int iterations, int parallelism, int tagLength) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).withSecret(secret).withAdditional(ad).build());
        byte[] out = new byte[tagLength];
        generator.generateBytes(password, out);
        return out;
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 4})
    void reproducesTheRfc9106Argon2idTestVector(int threads) throws Exception {
        JsonNode vector;
        try (InputStream in = Argon2idTest.class.getResourceAsStream("/argon2/rfc9106-argon2id.json")) {
            vector = new ObjectMapper().readTree(in);
        }
        JsonNode input = vector.get("input");
        byte[] tag = Argon2id.hash(HEX.parseHex(input.get("passwordHex").asText()),
                HEX.parseHex(input.get("saltHex").asText()), HEX.parseHex(input.get("secretHex").asText()),
                HEX.parseHex(input.get("associatedDataHex").asText()), input.get("memoryKiB").asInt(),
                input.get("iterations").asInt(), input.get("parallelism").asInt(), input.get("tagLength").asInt(),
                threads);
        assertEquals(vector.get("expected").get("tagHex").asText(), HEX.formatHex(tag));
    }

    /** Memory (KiB), passes, lanes: p = 1, p not dividing m, t = 1, several segments of 128+ blocks, p = 16. */
    @ParameterizedTest(name = "m={0} t={1} p={2}")
    @CsvSource({
            "8, 1, 1", "9, 1, 1", "64, 1, 1", "64, 3, 1", "1024, 2, 1",
            "37, 1, 4", "100, 2, 3", "300, 4, 7", "1000, 2, 5", "1023, 1, 4",
            "512, 1, 4", "4096, 3, 4", "2048, 1, 2", "128, 1, 16", "3000, 2, 16"})
    void agreesWithBouncyCastleOnOneThreadAndOnSeveral(int memoryKiB, int iterations, int parallelism) {
        Random random = new Random(31L * memoryKiB + 7L * iterations + parallelism);
        for (int tagLength : new int[] {32, 4, 64, 65, 100}) {
            byte[] password = bytes(random, random.nextInt(40));
            byte[] salt = bytes(random, 8 + random.nextInt(24));
            byte[] expected = bouncyCastle(password, salt, NONE, NONE, memoryKiB, iterations, parallelism, tagLength);
            for (int threads : new int[] {1, 2, 4, 16}) {
                assertArrayEquals(expected, Argon2id.hash(password, salt, NONE, NONE, memoryKiB, iterations,
                        parallelism, tagLength, threads), "tag length " + tagLength + ", threads " + threads);
            }
            assertArrayEquals(expected, Argon2id.hash(password, salt, memoryKiB, iterations, parallelism, tagLength),
                    "default threads");
        }
    }

    @Test
    void agreesWithBouncyCastleWithSecretAndAssociatedData() {
        Random random = new Random(5);
        byte[] password = bytes(random, 12);
        byte[] salt = bytes(random, 16);
        byte[] secret = bytes(random, 32);
        byte[] ad = bytes(random, 20);
        assertArrayEquals(bouncyCastle(password, salt, secret, ad, 256, 2, 2, 32),
                Argon2id.hash(password, salt, secret, ad, 256, 2, 2, 32, 2));
    }

    @Test
    void agreesWithBouncyCastleAtBitGoDefaultCosts() {
        byte[] password = "correct horse battery staple".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] salt = bytes(new Random(9), 16);
        assertArrayEquals(bouncyCastle(password, salt, NONE, NONE, 65536, 3, 4, 32),
                Argon2id.hash(password, salt, 65536, 3, 4, 32));
    }

    @Test
    void concurrentCallersEachGetTheirOwnTag() throws Exception {
        int callers = 8;
        ExecutorService executor = Executors.newFixedThreadPool(callers);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            List<byte[]> expected = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                byte[] password = ("password " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] salt = bytes(new Random(i), 16);
                expected.add(bouncyCastle(password, salt, NONE, NONE, 2048, 2, 4, 32));
                results.add(executor.submit(() -> Argon2id.hash(password, salt, 2048, 2, 4, 32)));
            }
            for (int i = 0; i < callers; i++) {
                assertArrayEquals(expected.get(i), results.get(i).get(), "caller " + i);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void leavesPasswordAndSaltAsTheyWere() {
        byte[] password = bytes(new Random(3), 20);
        byte[] salt = bytes(new Random(4), 16);
        byte[] passwordCopy = password.clone();
        byte[] saltCopy = salt.clone();
        Argon2id.hash(password, salt, 64, 1, 2, 32);
        assertArrayEquals(passwordCopy, password);
        assertArrayEquals(saltCopy, salt);
    }

    @Test
    void refusesParametersOutsideArgon2sDomain() {
        byte[] salt = new byte[16];
        assertThrows(IllegalArgumentException.class, () -> Argon2id.hash(NONE, salt, 31, 1, 4, 32));
        assertThrows(IllegalArgumentException.class, () -> Argon2id.hash(NONE, salt, 64, 0, 1, 32));
        assertThrows(IllegalArgumentException.class, () -> Argon2id.hash(NONE, salt, 64, 1, 0, 32));
        assertThrows(IllegalArgumentException.class, () -> Argon2id.hash(NONE, salt, 64, 1, 1, 3));
        assertThrows(IllegalArgumentException.class,
                () -> Argon2id.hash(NONE, salt, NONE, NONE, 64, 1, 1, 32, 0));
    }

    @Test
    void usesAtMostOneThreadPerLaneAndPerProcessor() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assertEquals(1, Argon2id.defaultThreads(1));
        assertTrue(Argon2id.defaultThreads(4) <= Math.min(4, cpus));
        assertTrue(Argon2id.defaultThreads(16) >= 1);
    }

    @Test
    void aThreadCapInTheSystemPropertyIsHonoured() {
        String cap = System.getProperty(Argon2id.THREADS_PROPERTY, "").trim();
        int expectedMax = cap.isEmpty() ? 16 : Integer.parseInt(cap);
        assertTrue(Argon2id.defaultThreads(16) <= expectedMax);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
