package dev.bitgojava.signing.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BIP 143's worked examples: preimage, intermediate hashes and signature hash of every example; RFC 6979
 * signatures where the private key is given; verification of every signature; and the signed transactions'
 * round trip.
 */
class Bip143VectorTest {

    @TestFactory
    Stream<DynamicNode> bip143() {
        ThrowingConsumer<VectorCase> body = Bip143VectorTest::sighashSignatureAndTransactionsMatch;
        return VectorFiles.tests("bip143.json", Map.of(
                "nativeP2wpkh", body,
                "p2shP2wpkh", body,
                "nativeP2wsh", body,
                "p2shP2wsh", body,
                "noFindAndDelete", body));
    }

    private static void sighashSignatureAndTransactionsMatch(VectorCase c) {
        RawTransaction tx = RawTransaction.fromHex(c.in("txHex"));
        int inputIndex = c.input().get("inputIndex").asInt();
        int sighashType = c.input().get("sighashType").asInt();
        byte[] scriptCode = Hex.decode(c.in("scriptCodeHex"));
        long amount = Long.parseLong(c.in("amountSats"));

        SighashCache.SegwitV0Preimage preimage = new SighashCache(tx)
                .segwitV0Preimage(inputIndex, scriptCode, amount, sighashType);
        assertEquals(c.out("preimageHex"), Hex.toHexString(preimage.preimage()), "preimage");
        assertEquals(c.out("hashPrevoutsHex"), Hex.toHexString(preimage.hashPrevouts()), "hashPrevouts");
        assertEquals(c.out("hashSequenceHex"), Hex.toHexString(preimage.hashSequence()), "hashSequence");
        assertEquals(c.out("hashOutputsHex"), Hex.toHexString(preimage.hashOutputs()), "hashOutputs");
        byte[] sighash = preimage.sighash();
        assertEquals(c.out("sigHashHex"), Hex.toHexString(sighash), "sighash");
        assertEquals(c.out("sigHashHex"),
                Hex.toHexString(Sighash.segwitV0(tx, inputIndex, scriptCode, amount, sighashType)), "Sighash.segwitV0");

        JsonNode expected = c.expected();
        if (expected.has("signatureHex")) {
            byte[] signature = Hex.decode(c.out("signatureHex"));
            byte[] der = Arrays.copyOf(signature, signature.length - 1);
            assertEquals(sighashType, signature[signature.length - 1] & 0xff, "sighash byte of the signature");
            assertTrue(Ecdsa.verify(sighash, der, Hex.decode(c.in("publicKeyHex"))), "signature verifies");
            if (c.input().has("privateKeyHex") && expected.path("signatureIsRfc6979").asBoolean(false)) {
                byte[] key = Hex.decode(c.in("privateKeyHex"));
                assertEquals(c.in("publicKeyHex"), Hex.toHexString(Secp256k1.publicKey(key)), "public key");
                assertEquals(Hex.toHexString(der), Hex.toHexString(Ecdsa.sign(sighash, key)), "RFC 6979 signature");
            }
        }
        if (expected.has("signaturesHex")) {
            JsonNode signatures = expected.get("signaturesHex");
            JsonNode keys = c.input().has("publicKeysHex") ? c.input().get("publicKeysHex") : expected.get("publicKeysHex");
            assertEquals(signatures.size(), keys.size(), "one public key per signature");
            for (int i = 0; i < signatures.size(); i++) {
                byte[] signature = Hex.decode(signatures.get(i).asText());
                assertEquals(sighashType, signature[signature.length - 1] & 0xff, "sighash byte of signature " + i);
                assertTrue(Ecdsa.verify(sighash, Arrays.copyOf(signature, signature.length - 1),
                        Hex.decode(keys.get(i).asText())), "signature " + i + " verifies");
            }
        }
        if (expected.has("signedTxHex")) {
            String signedHex = c.out("signedTxHex");
            RawTransaction signed = RawTransaction.fromHex(signedHex);
            assertEquals(signedHex, signed.toHex(), "signed transaction re-encodes");
            assertEquals(tx.unsigned().toHex(), signed.unsigned().toHex(), "signed transaction stripped");
        }
        if (expected.has("signedTxSwappedHex")) {
            String swappedHex = c.out("signedTxSwappedHex");
            RawTransaction swapped = RawTransaction.fromHex(swappedHex);
            assertEquals(swappedHex, swapped.toHex(), "swapped transaction re-encodes");
            TxIn spent = tx.inputs().get(inputIndex);
            int moved = -1;
            for (int i = 0; i < swapped.inputs().size(); i++) {
                TxIn in = swapped.inputs().get(i);
                if (Arrays.equals(in.prevTxid(), spent.prevTxid()) && in.vout() == spent.vout()) {
                    moved = i;
                }
            }
            assertTrue(moved >= 0, "the swapped transaction spends the same outpoint");
            assertEquals(c.out("sigHashHex"),
                    Hex.toHexString(Sighash.segwitV0(swapped, moved, scriptCode, amount, sighashType)),
                    "sighash at the swapped position");
        }
    }
}
