package dev.bitgojava.signing.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.keys.InvalidExtendedKeyException.Reason;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bip32.json} (BitGo's keychains) and {@code bip32-official.json} (BIP32's own test vectors). */
class Bip32VectorTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> ROLES = List.of("user", "backup", "bitgo");

    @TestFactory
    Stream<DynamicNode> bitgoKeychainVectors() {
        return VectorFiles.tests("bip32.json", Map.of(
                "seedToRoot", Bip32VectorTest::seedToRoot,
                "walletDerivation", Bip32VectorTest::walletDerivation,
                "pathDerivation", Bip32VectorTest::pathDerivation,
                "keychainCreate", Bip32VectorTest::keychainCreate,
                "deriveKeyWithSeed", Bip32VectorTest::deriveKeyWithSeed));
    }

    @TestFactory
    Stream<DynamicNode> officialBip32Vectors() {
        return VectorFiles.tests("bip32-official.json", Map.of(
                "derivation", Bip32VectorTest::officialDerivation,
                "invalid", Bip32VectorTest::officialInvalid));
    }

    /** Compares every field of {@code expected} that describes a key with the key. */
    static void expectKey(JsonNode expected, Bip32Key key) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = e.getValue().asText();
            switch (e.getKey()) {
                case "xprv" -> assertEquals(value, key.toXprv(), "xprv");
                case "xpub" -> assertEquals(value, key.toXpub(), "xpub");
                case "privateKeyHex" -> assertEquals(value, HEX.formatHex(key.privateKey()), "private key");
                case "publicKeyHex" -> assertEquals(value, HEX.formatHex(key.publicKey()), "public key");
                case "chainCodeHex" -> assertEquals(value, HEX.formatHex(key.chainCode()), "chain code");
                case "depth" -> assertEquals(e.getValue().asInt(), key.depth(), "depth");
                case "index", "childIndex" ->
                        assertEquals(e.getValue().asLong(), Integer.toUnsignedLong(key.childIndex()), "child index");
                case "parentFingerprintHex" ->
                        assertEquals(value, String.format("%08x", key.parentFingerprint()), "parent fingerprint");
                case "fingerprintHex" -> assertEquals(value, String.format("%08x", key.fingerprint()), "fingerprint");
                case "identifierHash160Hex" -> assertEquals(value, HEX.formatHex(key.identifier()), "identifier");
                case "mainnet" -> {
                    Bip32Key main = key.inNetwork(Bip32Key.Network.MAINNET);
                    assertEquals(e.getValue().get("xprv").asText(), main.toXprv(), "mainnet xprv");
                    assertEquals(e.getValue().get("xpub").asText(), main.toXpub(), "mainnet xpub");
                }
                case "testnet" -> {
                    Bip32Key test = key.inNetwork(Bip32Key.Network.TESTNET);
                    assertEquals(e.getValue().get("tprv").asText(), test.toXprv(), "tprv");
                    assertEquals(e.getValue().get("tpub").asText(), test.toXpub(), "tpub");
                    assertEquals(test, Bip32Key.parse(test.toXprv()), "tprv parses back");
                }
                default -> {
                    // Fields about the derivation rather than the key are checked by the caller.
                }
            }
        }
    }

    private static void seedToRoot(VectorCase c) {
        Bip32Key root = Bip32Key.fromSeed(HEX.parseHex(c.in("seedHex")));
        expectKey(c.expected(), root);
        assertEquals(root, Bip32Key.parse(root.toXprv()), "xprv parses back");
        assertEquals(root.neuter(), Bip32Key.parse(root.toXpub()), "xpub parses back");
    }

    private static void walletDerivation(VectorCase c) {
        JsonNode in = c.input();
        String path = "0/0/" + in.get("chain").asLong() + "/" + in.get("index").asLong();
        for (int r = 0; r < ROLES.size(); r++) {
            JsonNode expected = c.expected().get(ROLES.get(r));
            assertEquals(expected.get("path").asText(), path, "path");
            Bip32Key fromXprv = Bip32Key.parse(in.get("rootXprvs").get(r).asText()).derive(path);
            expectKey(expected, fromXprv);
            Bip32Key fromXpub = Bip32Key.parse(in.get("rootXpubs").get(r).asText()).derive(path);
            assertFalse(fromXpub.hasPrivateKey());
            assertEquals(expected.get("xpub").asText(), fromXpub.toXpub(), ROLES.get(r) + " xpub from the root xpub");
        }
        c.expected().fieldNames().forEachRemaining(f -> assertTrue(ROLES.contains(f), "unexpected field " + f));
    }

    private static void pathDerivation(VectorCase c) {
        Bip32Key root = Bip32Key.parse(c.in("rootXprv"));
        String path = c.in("path");
        expectKey(c.expected(), root.derive(path));
        JsonNode fromXpub = c.expected().get("derivePathFromXpub");
        if (fromXpub != null) {
            if (fromXpub.get("ok").asBoolean()) {
                assertEquals(fromXpub.get("xpub").asText(), root.neuter().derive(path).toXpub());
            } else {
                PrivateKeyRequiredException e = assertThrows(PrivateKeyRequiredException.class,
                        () -> root.neuter().derive(path));
                assertTrue(e.getMessage().contains(fromXpub.get("errorMessage").asText()), e.getMessage());
            }
        }
    }

    private static void keychainCreate(VectorCase c) {
        JsonNode calls = c.raw().path("randomBytesCalls");
        Bip32Key key;
        if (c.input().has("seedHex")) {
            key = Bip32Key.fromSeed(HEX.parseHex(c.in("seedHex")));
            assertEquals(0, calls.size(), "no random draw when a seed is given");
        } else {
            Deque<byte[]> draws = new ArrayDeque<>();
            for (JsonNode call : calls) {
                draws.add(HEX.parseHex(call.isTextual() ? call.asText() : hexField(call)));
            }
            assertEquals(1, draws.size(), "one random draw");
            assertEquals(Bip32Key.BITGO_SEED_BYTES, draws.peek().length, "seed size");
            key = Bip32Key.generate(new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    byte[] next = draws.poll();
                    assertEquals(next.length, bytes.length, "draw size");
                    System.arraycopy(next, 0, bytes, 0, bytes.length);
                }
            });
        }
        assertEquals(c.out("pub"), key.toXpub(), "pub");
        assertEquals(c.out("prv"), key.toXprv(), "prv");
    }

    private static String hexField(JsonNode call) {
        for (Iterator<Map.Entry<String, JsonNode>> it = call.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().toLowerCase(Locale.ROOT).endsWith("hex")) {
                return e.getValue().asText();
            }
        }
        throw new AssertionError("random draw without hex bytes: " + call);
    }

    private static void deriveKeyWithSeed(VectorCase c) {
        String seed = c.in("seed");
        Bip32Key key = Bip32Key.parse(c.in("key"));
        assertEquals(c.out("doubleSha256OfSeedHex"),
                HEX.formatHex(Bip32Path.doubleSha256(seed.getBytes(StandardCharsets.UTF_8))), "double SHA-256");
        assertEquals(c.out("derivationPath"), Bip32Path.coldDerivation(seed).toString(), "path");
        Bip32Key derived = key.deriveWithSeed(seed);
        assertEquals(key.hasPrivateKey(), derived.hasPrivateKey(), "same form as the input key");
        assertEquals(c.out("key"), derived.toBase58(), "derived key");
    }

    private static void officialDerivation(VectorCase c) {
        JsonNode in = c.input();
        String path = c.in("path");
        if (in.has("pathIndexes")) {
            int[] indexes = Bip32Path.parse(path).indexes();
            assertEquals(in.get("pathIndexes").size(), indexes.length, "path length");
            for (int i = 0; i < indexes.length; i++) {
                assertEquals(in.get("pathIndexes").get(i).asLong(), Integer.toUnsignedLong(indexes[i]), "index " + i);
            }
        }
        Bip32Key key = Bip32Key.fromSeed(HEX.parseHex(c.in("seedHex"))).derive(path);
        expectKey(c.expected(), key);
        if (in.has("parentXprv")) {
            int childIndex = (int) in.get("childIndex").asLong();
            Bip32Key fromParent = Bip32Key.parse(c.in("parentXprv")).deriveChild(childIndex);
            assertEquals(c.out("xprv"), fromParent.toXprv(), "one private step from the parent");
            assertEquals(c.out("xpub"), fromParent.toXpub(), "its public key");
            Bip32Key parentXpub = Bip32Key.parse(c.in("parentXpub"));
            if (c.expected().path("publicDerivationPossible").asBoolean()) {
                assertEquals(c.out("xpub"), parentXpub.deriveChild(childIndex).toXpub(), "one public step");
            } else {
                assertThrows(PrivateKeyRequiredException.class, () -> parentXpub.deriveChild(childIndex));
            }
        }
    }

    private static void officialInvalid(VectorCase c) {
        assertFalse(c.expected().path("valid").asBoolean(true), "the vector marks the key invalid");
        InvalidExtendedKeyException e = assertThrows(InvalidExtendedKeyException.class,
                () -> Bip32Key.parse(c.in("extendedKey")));
        // The BIP gives prose reasons, no codes; where the prose names a check unambiguously, ours must match it.
        String reason = c.expected().path("reason").asText("").toLowerCase(Locale.ROOT);
        Reason expected = null;
        if (reason.contains("checksum")) {
            expected = Reason.BAD_CHECKSUM;
        } else if (reason.contains("parent fingerprint")) {
            expected = Reason.ZERO_DEPTH_WITH_PARENT_FINGERPRINT;
        } else if (reason.contains("child index")) {
            expected = Reason.ZERO_DEPTH_WITH_CHILD_INDEX;
        } else if (reason.contains("1..n-1")) {
            expected = Reason.PRIVATE_KEY_OUT_OF_RANGE;
        }
        if (expected != null) {
            assertEquals(expected, e.reason(), e.getMessage());
        }
        assertFalse(e.getMessage().contains(c.in("extendedKey")), "the key is not echoed");
    }
}
