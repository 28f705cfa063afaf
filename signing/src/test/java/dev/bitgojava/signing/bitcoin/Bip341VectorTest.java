package dev.bitgojava.signing.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BIP 341's wallet vectors: output construction, key-path signing of every input, and the signed transaction. */
class Bip341VectorTest {

    @TestFactory
    Stream<DynamicNode> bip341() {
        return VectorFiles.tests("bip341.json", Map.of(
                "scriptPubKey", Bip341VectorTest::outputKeyAddressAndControlBlocksMatch,
                "keyPathSpending", Bip341VectorTest::keyPathSignatureMatches,
                "signedTx", Bip341VectorTest::signedTransactionRoundTrips));
    }

    /** A tree read from the vector, with its leaf ids in left-to-right order. */
    private record ParsedTree(Taproot.ScriptTree tree, List<Integer> ids) {
    }

    private static ParsedTree parseTree(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        Taproot.ScriptTree tree = parseNode(node, ids);
        return new ParsedTree(tree, ids);
    }

    private static Taproot.ScriptTree parseNode(JsonNode node, List<Integer> ids) {
        if (node.isArray()) {
            assertEquals(2, node.size(), "a branch has two children");
            Taproot.ScriptTree left = parseNode(node.get(0), ids);
            Taproot.ScriptTree right = parseNode(node.get(1), ids);
            return new Taproot.Branch(left, right);
        }
        ids.add(node.get("id").asInt());
        return new Taproot.Leaf(node.get("leafVersion").asInt(), Hex.decode(node.get("script").asText()));
    }

    private static String hexOrNull(byte[] bytes) {
        return bytes == null ? null : Hex.toHexString(bytes);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static void outputKeyAddressAndControlBlocksMatch(VectorCase c) {
        byte[] internalKey = Hex.decode(c.in("internalPubkey"));
        JsonNode treeNode = c.input().get("scriptTree");
        ParsedTree parsed = treeNode == null || treeNode.isNull() ? null : parseTree(treeNode);
        byte[] merkleRoot = parsed == null ? null : parsed.tree().hash();

        JsonNode intermediary = c.expected().get("intermediary");
        assertEquals(textOrNull(intermediary.get("merkleRoot")), hexOrNull(merkleRoot), "merkle root");
        assertEquals(intermediary.get("tweak").asText(), Hex.toHexString(Taproot.tweakHash(internalKey, merkleRoot)),
                "tweak");
        Taproot.TweakedKey output = Taproot.tweak(internalKey, merkleRoot);
        assertEquals(intermediary.get("tweakedPubkey").asText(), Hex.toHexString(output.outputKey()), "tweaked key");
        assertEquals(c.out("scriptPubKey"), Hex.toHexString(output.scriptPubKey()), "scriptPubKey");
        assertEquals(c.out("bip350Address"), output.address("bc"), "address");
        Bech32.SegwitAddress decoded = Bech32.decodeSegwitAddress(c.out("bip350Address"));
        assertEquals(c.out("scriptPubKey"), Hex.toHexString(decoded.scriptPubKey()), "address decodes to the script");

        JsonNode expectedLeafHashes = intermediary.get("leafHashes");
        JsonNode expectedBlocks = c.expected().get("scriptPathControlBlocks");
        if (parsed == null) {
            assertTrue(expectedLeafHashes == null || expectedLeafHashes.isNull() || expectedLeafHashes.isEmpty());
            assertTrue(expectedBlocks == null || expectedBlocks.isNull() || expectedBlocks.isEmpty());
            return;
        }
        List<Taproot.LeafPath> leaves = Taproot.leaves(parsed.tree());
        List<byte[]> blocks = Taproot.controlBlocks(internalKey, parsed.tree());
        Map<Integer, String> hashesById = new TreeMap<>();
        Map<Integer, String> blocksById = new TreeMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            hashesById.put(parsed.ids().get(i), Hex.toHexString(leaves.get(i).leafHash()));
            blocksById.put(parsed.ids().get(i), Hex.toHexString(blocks.get(i)));
        }
        assertEquals(texts(expectedLeafHashes), new ArrayList<>(hashesById.values()), "leaf hashes in id order");
        assertEquals(texts(expectedBlocks), new ArrayList<>(blocksById.values()), "control blocks in id order");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<TxOut> spentOutputs(JsonNode utxos) {
        List<TxOut> out = new ArrayList<>();
        for (JsonNode utxo : utxos) {
            out.add(new TxOut(Long.parseLong(utxo.get("amountSats").asText()),
                    Hex.decode(utxo.get("scriptPubKey").asText())));
        }
        return out;
    }

    private static final Map<String, java.util.function.Function<SighashCache, byte[]>> PRECOMPUTED = Map.of(
            "hashPrevouts", SighashCache::shaPrevouts,
            "hashAmounts", SighashCache::shaAmounts,
            "hashScriptPubkeys", SighashCache::shaScriptPubKeys,
            "hashSequences", SighashCache::shaSequences,
            "hashOutputs", SighashCache::shaOutputs);

    private static void keyPathSignatureMatches(VectorCase c) {
        RawTransaction tx = RawTransaction.fromHex(c.in("rawUnsignedTx"));
        List<TxOut> spent = spentOutputs(c.input().get("utxosSpent"));
        SighashCache cache = new SighashCache(tx, spent);
        int index = c.input().get("txinIndex").asInt();
        int hashType = c.input().get("hashType").asInt();
        byte[] secret = Hex.decode(c.in("internalPrivkey"));
        byte[] merkleRoot = c.input().get("merkleRoot").isNull() ? null : Hex.decode(c.in("merkleRoot"));

        byte[] internalKey = Schnorr.xOnlyPublicKey(secret);
        assertEquals(c.out("internalPubkey"), Hex.toHexString(internalKey), "internal key");
        assertEquals(c.out("tweak"), Hex.toHexString(Taproot.tweakHash(internalKey, merkleRoot)), "tweak");
        byte[] tweakedSecret = Taproot.tweakSecretKey(secret, merkleRoot);
        assertEquals(c.out("tweakedPrivkey"), Hex.toHexString(tweakedSecret), "tweaked secret key");

        byte[] sigMsg = cache.taprootSigMsg(index, hashType, null, null);
        assertEquals(c.out("sigMsg"), Hex.toHexString(sigMsg), "sigMsg");
        byte[] sigHash = cache.taproot(index, hashType, null, null);
        assertEquals(c.out("sigHash"), Hex.toHexString(sigHash), "sigHash");

        JsonNode precomputed = c.expected().get("precomputed");
        Set<String> used = new java.util.HashSet<>(texts(c.expected().get("precomputedUsed")));
        String sigMsgHex = Hex.toHexString(sigMsg);
        for (Iterator<Map.Entry<String, JsonNode>> it = precomputed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertTrue(PRECOMPUTED.containsKey(entry.getKey()), "known precomputed hash " + entry.getKey());
            String ours = Hex.toHexString(PRECOMPUTED.get(entry.getKey()).apply(cache));
            assertEquals(entry.getValue().asText(), ours, entry.getKey());
            assertEquals(used.contains(entry.getKey()), sigMsgHex.contains(ours),
                    entry.getKey() + " is in the sigMsg exactly when the vector says it is used");
        }
        for (String name : used) {
            assertTrue(precomputed.has(name), "used hash " + name + " is listed");
        }

        byte[] signature = Schnorr.sign(sigHash, tweakedSecret, Hex.decode(c.in("auxRand")));
        byte[] witnessItem = hashType == Sighash.DEFAULT ? signature : concat(signature, (byte) hashType);
        JsonNode witness = c.expected().get("witness");
        assertEquals(texts(witness), List.of(Hex.toHexString(witnessItem)), "witness");

        byte[] outputKey = Taproot.tweak(internalKey, merkleRoot).outputKey();
        assertEquals(Hex.toHexString(spent.get(index).scriptPubKey()), Hex.toHexString(Taproot.outputScript(outputKey)),
                "the tweaked key is the spent output's key");
        assertTrue(Schnorr.verify(sigHash, outputKey, signature), "the signature verifies with the output key");
    }

    private static byte[] concat(byte[] a, byte b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    private static void signedTransactionRoundTrips(VectorCase c) {
        String signedHex = c.in("signedTxHex");
        RawTransaction signed = RawTransaction.fromHex(signedHex);
        assertEquals(signedHex, signed.toHex(), "re-encodes byte for byte");
        assertEquals(c.out("unsignedTxHex"), signed.unsigned().toHex(), "unsigned form");
        assertEquals(c.expected().get("inputCount").asInt(), signed.inputs().size(), "input count");
        assertEquals(c.expected().get("outputCount").asInt(), signed.outputs().size(), "output count");
        JsonNode witnesses = c.expected().get("keyPathWitnesses");
        assertFalse(witnesses.isEmpty());
        for (Iterator<Map.Entry<String, JsonNode>> it = witnesses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<String> ours = new ArrayList<>();
            signed.inputs().get(Integer.parseInt(entry.getKey())).witness().forEach(w -> ours.add(Hex.toHexString(w)));
            assertEquals(texts(entry.getValue()), ours, "witness of input " + entry.getKey());
        }
    }
}
