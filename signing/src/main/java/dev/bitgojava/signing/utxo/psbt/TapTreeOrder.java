package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.Taproot;
import dev.bitgojava.signing.bitcoin.TransactionFormatException;
import dev.bitgojava.signing.bitcoin.internal.ByteReader;
import dev.bitgojava.signing.bitcoin.internal.ByteWriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Re-encodes a {@code PSBT_OUT_TAP_TREE} value the way rust-bitcoin (inside BitGo's SDK) writes it: the tree is
 * rebuilt from the depth-first leaf list and written again depth first, with the two children of every branch in
 * ascending order of their node hash. The tree, its merkle root and every leaf's depth stay the same; only the
 * order of sibling subtrees can change.
 */
final class TapTreeOrder {

    private TapTreeOrder() {
    }

    /** One leaf as written in the record: depth, leaf version, script. */
    private record Leaf(int depth, int version, byte[] script) {
    }

    /** A subtree: its node hash and its leaves in output order. */
    private record Node(byte[] hash, List<Leaf> leaves) {
    }

    private record Pending(int depth, Node node) {
    }

    /** The canonical encoding of a valid tap tree value ({@link Psbt} checks validity while parsing). */
    static byte[] canonical(byte[] value) {
        ByteReader r = new ByteReader(value);
        Deque<Pending> stack = new ArrayDeque<>();
        try {
            while (!r.atEnd()) {
                int depth = r.readUnsignedByte("tap tree depth");
                int version = r.readUnsignedByte("tap tree leaf version");
                byte[] script = r.readVarBytes("tap tree script");
                Leaf leaf = new Leaf(depth, version, script);
                Node node = new Node(Taproot.leafHash(version, script), List.of(leaf));
                while (!stack.isEmpty() && stack.peek().depth() == depth) {
                    node = combine(stack.pop().node(), node);
                    depth--;
                }
                stack.push(new Pending(depth, node));
            }
        } catch (TransactionFormatException e) {
            throw new PsbtFormatException("taproot tree: " + e.getMessage(), e);
        }
        if (stack.size() != 1 || stack.peek().depth() != 0) {
            throw new PsbtFormatException("taproot tree: leaves do not form a complete tree");
        }
        ByteWriter w = new ByteWriter(value.length);
        for (Leaf leaf : stack.pop().node().leaves()) {
            w.writeByte(leaf.depth()).writeByte(leaf.version()).writeVarBytes(leaf.script());
        }
        return w.toByteArray();
    }

    private static Node combine(Node a, Node b) {
        boolean aFirst = Arrays.compareUnsigned(a.hash(), b.hash()) <= 0;
        Node first = aFirst ? a : b;
        Node second = aFirst ? b : a;
        List<Leaf> leaves = new ArrayList<>(first.leaves().size() + second.leaves().size());
        leaves.addAll(first.leaves());
        leaves.addAll(second.leaves());
        return new Node(Taproot.branchHash(first.hash(), second.hash()), leaves);
    }
}
