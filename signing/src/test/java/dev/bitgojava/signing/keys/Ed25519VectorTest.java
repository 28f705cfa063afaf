package dev.bitgojava.signing.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ed25519.json}: xlm keychains, Stellar StrKeys, message signatures and SLIP-0010. */
class Ed25519VectorTest {

    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicNode> ed25519Vectors() {
        return VectorFiles.tests("ed25519.json", Map.of(
                "keyGeneration", Ed25519VectorTest::keyGeneration,
                "signatures", Ed25519VectorTest::signatures,
                "slip10", Ed25519VectorTest::slip10));
    }

    private static void keyGeneration(VectorCase c) {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(HEX.parseHex(c.in("seedHex")));
        JsonNode e = c.expected();
        assertEquals(c.out("pub"), pair.stellarPublicKey(), "pub");
        assertEquals(c.out("prv"), pair.stellarSecretSeed(), "prv");
        if (e.has("rawPublicKeyHex")) {
            assertEquals(c.out("rawPublicKeyHex"), HEX.formatHex(pair.publicKey()), "raw public key");
        }
        if (e.has("rawPrivateSeedHex")) {
            assertEquals(c.out("rawPrivateSeedHex"), HEX.formatHex(pair.seed()), "raw seed");
        }
        if (e.has("address")) {
            assertEquals(c.out("address"), pair.stellarPublicKey(), "address");
        }
        if (e.has("rootKeyPair")) {
            assertEquals(e.get("rootKeyPair").get("pub").asText(), pair.publicKeyHex(), "root pub");
            assertEquals(e.get("rootKeyPair").get("prv").asText(), HEX.formatHex(pair.secretKey()), "root prv");
        }
        assertEquals(pair, Ed25519KeyPair.fromStellarSecret(c.out("prv")), "S… decodes to the same seed");
        assertArrayEquals(pair.publicKey(), StellarStrKey.decodePublicKey(c.out("pub")), "G… decodes to the key");
    }

    private static void signatures(VectorCase c) {
        JsonNode in = c.input();
        byte[] message = c.in("message").getBytes(StandardCharsets.UTF_8);
        if (in.has("messageUtf8Hex")) {
            assertEquals(c.in("messageUtf8Hex"), HEX.formatHex(message), "message bytes");
        }
        byte[] publicKey = StellarStrKey.decodePublicKey(c.in("pub"));
        if (c.expected().has("signatureHex") && in.has("prv")) {
            Ed25519KeyPair pair = Ed25519KeyPair.fromStellarSecret(c.in("prv"));
            if (in.has("rawPrivateSeedHex")) {
                assertEquals(c.in("rawPrivateSeedHex"), HEX.formatHex(pair.seed()), "seed");
            }
            assertArrayEquals(publicKey, pair.publicKey(), "the pair's public key");
            byte[] signature = pair.signMessage(c.in("message"));
            assertEquals(c.out("signatureHex"), HEX.formatHex(signature), "signature");
            assertTrue(Ed25519KeyPair.verify(publicKey, message, signature), "verifies");
        }
        if (c.expected().has("valid")) {
            byte[] signature = HEX.parseHex(in.has("signatureHex") ? c.in("signatureHex") : c.out("signatureHex"));
            assertEquals(c.expected().get("valid").asBoolean(), Ed25519KeyPair.verify(publicKey, message, signature));
        }
    }

    private static void slip10(VectorCase c) {
        Slip10Ed25519.Node node = Slip10Ed25519.derive(HEX.parseHex(c.in("seedHex")), c.in("path"));
        assertEquals(c.out("keyHex"), HEX.formatHex(node.key()), "key");
        assertEquals(c.out("chainCodeHex"), HEX.formatHex(node.chainCode()), "chain code");
        assertEquals(c.out("publicKeyHex"), HEX.formatHex(node.publicKey()), "public key");
    }
}
