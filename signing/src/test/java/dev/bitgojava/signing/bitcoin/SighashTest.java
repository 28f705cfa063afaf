package dev.bitgojava.signing.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signature hashes checked through real signatures: the BIP 341 example transaction also signs a P2PKH input
 * (legacy hash) and a P2WPKH input (BIP 143 hash), whose signatures must verify against the hashes computed here.
 */
class SighashTest {

    private static VectorCase keyPathCase() {
        return VectorFiles.cases("bip341.json", "keyPathSpending").get(0);
    }

    private static RawTransaction signedTx() {
        return RawTransaction.fromHex(VectorFiles.cases("bip341.json", "signedTx").get(0).in("signedTxHex"));
    }

    private static List<TxOut> spentOutputs() {
        List<TxOut> out = new ArrayList<>();
        for (JsonNode utxo : keyPathCase().input().get("utxosSpent")) {
            out.add(new TxOut(Long.parseLong(utxo.get("amountSats").asText()), Hex.decode(utxo.get("scriptPubKey").asText())));
        }
        return out;
    }

    private static int indexOfSpentScript(List<TxOut> spent, int firstByte, int length) {
        for (int i = 0; i < spent.size(); i++) {
            byte[] script = spent.get(i).scriptPubKey();
            if (script.length == length && (script[0] & 0xff) == firstByte) {
                return i;
            }
        }
        throw new AssertionError("no such spent output");
    }

    private static byte[] withoutLastByte(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length - 1);
    }

    @Test
    void legacyHashVerifiesTheP2pkhSignatureOfTheBip341Transaction() {
        RawTransaction tx = signedTx();
        List<TxOut> spent = spentOutputs();
        int index = indexOfSpentScript(spent, 0x76, 25);
        byte[] scriptSig = tx.inputs().get(index).scriptSig();
        int sigLength = scriptSig[0] & 0xff;
        byte[] signature = Arrays.copyOfRange(scriptSig, 1, 1 + sigLength);
        byte[] publicKey = Arrays.copyOfRange(scriptSig, 2 + sigLength, scriptSig.length);
        int hashType = signature[signature.length - 1] & 0xff;

        byte[] hash = Sighash.legacy(tx, index, spent.get(index).scriptPubKey(), hashType);
        assertTrue(Ecdsa.verify(hash, withoutLastByte(signature), publicKey));
        byte[] otherType = Sighash.legacy(tx, index, spent.get(index).scriptPubKey(), hashType ^ Sighash.ANYONECANPAY);
        assertFalse(Ecdsa.verify(otherType, withoutLastByte(signature), publicKey));
    }

    @Test
    void segwitV0HashVerifiesTheP2wpkhSignatureOfTheBip341Transaction() {
        RawTransaction tx = signedTx();
        List<TxOut> spent = spentOutputs();
        int index = indexOfSpentScript(spent, 0x00, 22);
        List<byte[]> witness = tx.inputs().get(index).witness();
        byte[] signature = witness.get(0);
        byte[] publicKey = witness.get(1);
        byte[] program = Arrays.copyOfRange(spent.get(index).scriptPubKey(), 2, 22);
        byte[] scriptCode = Hex.decode("76a914" + Hex.toHexString(program) + "88ac");
        int hashType = signature[signature.length - 1] & 0xff;

        byte[] hash = new SighashCache(tx, spent).segwitV0(index, scriptCode, spent.get(index).value(), hashType);
        assertTrue(Ecdsa.verify(hash, withoutLastByte(signature), publicKey));
    }

    @Test
    void taprootHashesVerifyEveryKeyPathSignatureOfTheBip341Transaction() {
        RawTransaction tx = signedTx();
        List<TxOut> spent = spentOutputs();
        SighashCache cache = new SighashCache(tx, spent);
        int checked = 0;
        for (int i = 0; i < tx.inputs().size(); i++) {
            byte[] script = spent.get(i).scriptPubKey();
            if (script.length != 34 || script[0] != 0x51) {
                continue;
            }
            List<byte[]> witness = tx.inputs().get(i).witness();
            assertEquals(1, witness.size(), "key-path witness of input " + i);
            byte[] item = witness.get(0);
            int hashType = item.length == 64 ? Sighash.DEFAULT : item[64] & 0xff;
            byte[] hash = cache.taproot(i, hashType, null, null);
            assertTrue(Schnorr.verify(hash, Arrays.copyOfRange(script, 2, 34), Arrays.copyOf(item, 64)),
                    "input " + i + " hash type " + hashType);
            checked++;
        }
        assertTrue(checked > 0);
    }

    @Test
    void taprootHashesOfTheCacheMatchTheOneShotForm() {
        RawTransaction tx = signedTx();
        List<TxOut> spent = spentOutputs();
        SighashCache cache = new SighashCache(tx, spent);
        for (int type : new int[] {0x00, 0x01, 0x02, 0x03, 0x81, 0x82, 0x83}) {
            assertArrayEquals(Sighash.taproot(tx, 0, spent, type, null, null), cache.taproot(0, type, null, null));
        }
    }

    @Test
    void scriptPathAndAnnexChangeTheTaprootHash() {
        RawTransaction tx = signedTx();
        SighashCache cache = new SighashCache(tx, spentOutputs());
        byte[] keyPath = cache.taproot(0, Sighash.DEFAULT, null, null);
        byte[] leaf = Taproot.leafHash(Taproot.LEAF_VERSION_TAPSCRIPT, Hex.decode("51"));
        byte[] scriptPathMsg = cache.taprootSigMsg(0, Sighash.DEFAULT, leaf, null);
        byte[] keyPathMsg = cache.taprootSigMsg(0, Sighash.DEFAULT, null, null);
        // spend_type 2, then the leaf hash, key version 0 and code separator position 0xffffffff at the end
        assertEquals(keyPathMsg.length + 37, scriptPathMsg.length);
        assertArrayEquals(leaf, Arrays.copyOfRange(scriptPathMsg, scriptPathMsg.length - 37, scriptPathMsg.length - 5));
        assertArrayEquals(Hex.decode("00ffffffff"),
                Arrays.copyOfRange(scriptPathMsg, scriptPathMsg.length - 5, scriptPathMsg.length));
        assertFalse(Arrays.equals(keyPath, cache.taproot(0, Sighash.DEFAULT, leaf, null)));
        assertFalse(Arrays.equals(keyPath, cache.taproot(0, Sighash.DEFAULT, null, Hex.decode("50"))));
    }

    @Test
    void invalidTaprootRequestsAreRefused() {
        RawTransaction tx = signedTx();
        List<TxOut> spent = spentOutputs();
        SighashCache cache = new SighashCache(tx, spent);
        assertThrows(SigningException.class, () -> cache.taproot(0, 0x04, null, null));
        assertThrows(SigningException.class, () -> cache.taproot(0, 0x80, null, null));
        assertThrows(SigningException.class, () -> cache.taproot(tx.inputs().size(), 0, null, null));
        assertThrows(SigningException.class, () -> cache.taproot(0, 0, new byte[31], null));
        assertThrows(SigningException.class, () -> cache.taproot(0, 0, null, Hex.decode("51")));
        assertThrows(SigningException.class, () -> cache.taproot(tx.outputs().size(), Sighash.SINGLE, null, null));
        assertThrows(SigningException.class, () -> new SighashCache(tx, spent.subList(0, 1)));
        assertThrows(SigningException.class, () -> new SighashCache(tx).taproot(0, 0, null, null));
    }

    @Test
    void legacySingleWithoutMatchingOutputHashesToOne() {
        RawTransaction tx = signedTx();
        int index = tx.outputs().size();
        byte[] one = new byte[32];
        one[0] = 1;
        assertArrayEquals(one, Sighash.legacy(tx, index, Hex.decode("51"), Sighash.SINGLE));
    }

    @Test
    void legacyHashIgnoresCodeSeparatorsButNotPushedBytes() {
        RawTransaction tx = signedTx();
        byte[] plain = Sighash.legacy(tx, 0, Hex.decode("5151"), Sighash.ALL);
        assertArrayEquals(plain, Sighash.legacy(tx, 0, Hex.decode("51ab51ab"), Sighash.ALL));
        assertFalse(Arrays.equals(Sighash.legacy(tx, 0, Hex.decode("01ab"), Sighash.ALL),
                Sighash.legacy(tx, 0, Hex.decode(""), Sighash.ALL)));
    }

    @Test
    void forkIdDigestCommitsToTheFullHashType() {
        RawTransaction tx = signedTx();
        byte[] script = Hex.decode("51");
        int forkIdAll = Sighash.ALL | Sighash.FORKID;
        SighashCache.SegwitV0Preimage preimage = new SighashCache(tx).segwitV0Preimage(0, script, 1000, forkIdAll);
        byte[] bytes = preimage.preimage();
        assertArrayEquals(new byte[] {0x41, 0, 0, 0}, Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
        assertArrayEquals(new SighashCache(tx).hashPrevouts(), preimage.hashPrevouts());
        assertFalse(Arrays.equals(Sighash.segwitV0(tx, 0, script, 1000, Sighash.ALL), preimage.sighash()));
    }
}
