package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** BIP 340's published vectors: deterministic signing with aux randomness, and verification edge cases. */
class Bip340VectorTest {

    @TestFactory
    Stream<DynamicNode> bip340() {
        return VectorFiles.tests("bip340.json", Map.of(
                "sign", Bip340VectorTest::signReproducesTheSignatureAndKey,
                "verify", Bip340VectorTest::verifyGivesTheStatedVerdict));
    }

    private static void signReproducesTheSignatureAndKey(VectorCase c) {
        byte[] secret = Hex.decode(c.in("secretKeyHex"));
        byte[] msg = Hex.decode(c.in("messageHex"));
        byte[] signature = Schnorr.sign(msg, secret, Hex.decode(c.in("auxRandHex")));
        assertEquals(c.out("signatureHex"), Hex.toHexString(signature), "signature");
        assertEquals(c.out("publicKeyHex"), Hex.toHexString(Schnorr.xOnlyPublicKey(secret)), "x-only public key");
    }

    private static void verifyGivesTheStatedVerdict(VectorCase c) {
        boolean valid = Schnorr.verify(Hex.decode(c.in("messageHex")), Hex.decode(c.in("publicKeyHex")),
                Hex.decode(c.in("signatureHex")));
        assertEquals(c.expected().get("valid").asBoolean(), valid,
                c.expected().path("reason").asText("a valid signature"));
    }
}
