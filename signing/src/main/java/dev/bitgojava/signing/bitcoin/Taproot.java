package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.internal.ByteWriter;
import dev.bitgojava.signing.bitcoin.internal.EcBackend;
import dev.bitgojava.signing.bitcoin.internal.EcBackends;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * BIP 341 taproot outputs: tapleaf and tapbranch hashes, script trees, key tweaking (public and secret), control
 * blocks, output scripts and bech32m addresses.
 */
public final class Taproot {

    /** The leaf version of BIP 342 tapscript. */
    public static final int LEAF_VERSION_TAPSCRIPT = 0xc0;

    private Taproot() {
    }

    /** The tapleaf hash of a script: {@code TapLeaf(leafVersion & 0xfe || compact_size(script) || script)}. */
    public static byte[] leafHash(int leafVersion, byte[] script) {
        Objects.requireNonNull(script, "script");
        MessageDigest digest = TaggedHash.start("TapLeaf");
        digest.update((byte) (leafVersion & 0xfe));
        ByteWriter length = new ByteWriter(9);
        length.writeCompactSize(script.length);
        digest.update(length.buffer(), 0, length.size());
        digest.update(script);
        return digest.digest();
    }

    /** The tapbranch hash of two child hashes, taken in lexicographic order. */
    public static byte[] branchHash(byte[] a, byte[] b) {
        if (a == null || b == null || a.length != 32 || b.length != 32) {
            throw new SigningException("tapbranch children must be 32-byte hashes");
        }
        return Arrays.compareUnsigned(a, b) <= 0 ? TaggedHash.of("TapBranch", a, b) : TaggedHash.of("TapBranch", b, a);
    }

    /** The tweak {@code TapTweak(internalKey || merkleRoot)} (no merkle root for a key-path-only output). */
    public static byte[] tweakHash(byte[] internalXOnly32, byte[] merkleRootOrNull) {
        if (internalXOnly32 == null || internalXOnly32.length != 32) {
            throw new SigningException("an internal key must be 32 bytes (x-only)");
        }
        if (merkleRootOrNull == null) {
            return TaggedHash.of("TapTweak", internalXOnly32);
        }
        if (merkleRootOrNull.length != 32) {
            throw new SigningException("a merkle root must be 32 bytes");
        }
        return TaggedHash.of("TapTweak", internalXOnly32, merkleRootOrNull);
    }

    /** A tweaked output key: its 32-byte x-only form, the parity of its y (0 even, 1 odd), and the tweak used. */
    public record TweakedKey(byte[] outputKey, int parity, byte[] tweak) {

        /** The output script {@code OP_1 <outputKey>}. */
        public byte[] scriptPubKey() {
            return outputScript(outputKey);
        }

        /** The bech32m address for a human-readable part ({@code bc}, {@code tb}, …). */
        public String address(String hrp) {
            return Bech32.encodeSegwitAddress(hrp, 1, outputKey);
        }
    }

    /**
     * Tweaks an internal key: {@code Q = lift_x(P) + t·G} with {@code t = TapTweak(P || merkleRoot)}.
     *
     * @throws SigningException when the key is not on the curve or the tweak is out of range
     */
    public static TweakedKey tweak(byte[] internalXOnly32, byte[] merkleRootOrNull) {
        byte[] t = tweakHash(internalXOnly32, merkleRootOrNull);
        byte[] internal = new byte[33];
        internal[0] = 0x02;
        System.arraycopy(internalXOnly32, 0, internal, 1, 32);
        EcBackend backend = EcBackends.get();
        if (backend.parsePublicKey(internal) == null) {
            throw new SigningException("the internal key is not the x coordinate of a secp256k1 point");
        }
        if (new BigInteger(1, t).compareTo(Secp256k1.N) >= 0) {
            throw new SigningException("the taproot tweak is not below the group order");
        }
        byte[] q = backend.publicKeyTweakAdd(internal, t);
        if (q == null) {
            throw new SigningException("the tweaked key is the point at infinity");
        }
        return new TweakedKey(Arrays.copyOfRange(q, 1, 33), q[0] == 0x02 ? 0 : 1, t);
    }

    /**
     * Tweaks a secret key for key-path signing: negates it if its public key has odd y, then adds the tweak.
     * The result signs for the output key of {@link #tweak} with the same merkle root.
     */
    public static byte[] tweakSecretKey(byte[] secretKey32, byte[] merkleRootOrNull) {
        BigInteger d0 = Secp256k1.secretScalar(secretKey32);
        EcBackend backend = EcBackends.get();
        byte[] p = backend.publicKey(secretKey32);
        byte[] t = tweakHash(Arrays.copyOfRange(p, 1, 33), merkleRootOrNull);
        if (new BigInteger(1, t).compareTo(Secp256k1.N) >= 0) {
            throw new SigningException("the taproot tweak is not below the group order");
        }
        byte[] d = p[0] == 0x02 ? secretKey32 : Secp256k1.toBytes32(Secp256k1.N.subtract(d0));
        try {
            byte[] tweaked = backend.privateKeyTweakAdd(d, t);
            if (tweaked == null) {
                throw new SigningException("the tweaked secret key is zero");
            }
            return tweaked;
        } finally {
            if (d != secretKey32) {
                Arrays.fill(d, (byte) 0);
            }
        }
    }

    /** The segwit v1 output script {@code OP_1 <32-byte key>}. */
    public static byte[] outputScript(byte[] outputKey32) {
        if (outputKey32 == null || outputKey32.length != 32) {
            throw new SigningException("a taproot output key must be 32 bytes");
        }
        byte[] script = new byte[34];
        script[0] = 0x51;
        script[1] = 0x20;
        System.arraycopy(outputKey32, 0, script, 2, 32);
        return script;
    }

    /**
     * A control block: {@code (leafVersion | parity) || internalKey || path}, where {@code path} lists the sibling
     * hashes from the leaf up to the root.
     */
    public static byte[] controlBlock(int leafVersion, int outputParity, byte[] internalXOnly32, List<byte[]> path) {
        if (internalXOnly32 == null || internalXOnly32.length != 32) {
            throw new SigningException("an internal key must be 32 bytes (x-only)");
        }
        if ((leafVersion & 1) != 0 || leafVersion < 0 || leafVersion > 0xfe) {
            throw new SigningException("a leaf version is an even byte");
        }
        if (path.size() > 128) {
            throw new SigningException("a taproot merkle path has at most 128 hashes");
        }
        byte[] block = new byte[33 + 32 * path.size()];
        block[0] = (byte) (leafVersion | (outputParity & 1));
        System.arraycopy(internalXOnly32, 0, block, 1, 32);
        for (int i = 0; i < path.size(); i++) {
            byte[] hash = path.get(i);
            if (hash.length != 32) {
                throw new SigningException("merkle path hashes are 32 bytes");
            }
            System.arraycopy(hash, 0, block, 33 + 32 * i, 32);
        }
        return block;
    }

    /** A taproot script tree: a leaf or a branch of two subtrees. */
    public sealed interface ScriptTree permits Leaf, Branch {

        /** The tapleaf or tapbranch hash of this (sub)tree; for the whole tree, the merkle root. */
        byte[] hash();
    }

    /** A script leaf with its leaf version (0xc0 for tapscript). */
    public record Leaf(int leafVersion, byte[] script) implements ScriptTree {

        /** A leaf; the script is copied. */
        public Leaf {
            if ((leafVersion & 1) != 0 || leafVersion < 0 || leafVersion > 0xfe) {
                throw new SigningException("a leaf version is an even byte, got " + leafVersion);
            }
            script = Objects.requireNonNull(script, "script").clone();
        }

        @Override
        public byte[] script() {
            return script.clone();
        }

        @Override
        public byte[] hash() {
            return leafHash(leafVersion, script);
        }
    }

    /** A branch of two subtrees. */
    public record Branch(ScriptTree left, ScriptTree right) implements ScriptTree {

        /** A branch; both children are required. */
        public Branch {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public byte[] hash() {
            return branchHash(left.hash(), right.hash());
        }
    }

    /** A leaf of a tree with its tapleaf hash and its merkle path (sibling hashes from the leaf up). */
    public record LeafPath(Leaf leaf, byte[] leafHash, List<byte[]> path) {
    }

    /** Every leaf of a tree, left to right, with its merkle path. */
    public static List<LeafPath> leaves(ScriptTree tree) {
        List<LeafPath> out = new ArrayList<>();
        collect(tree, out);
        List<LeafPath> frozen = new ArrayList<>(out.size());
        for (LeafPath leaf : out) {
            frozen.add(new LeafPath(leaf.leaf(), leaf.leafHash(), List.copyOf(leaf.path())));
        }
        return List.copyOf(frozen);
    }

    private static byte[] collect(ScriptTree node, List<LeafPath> out) {
        if (node instanceof Leaf leaf) {
            byte[] hash = leaf.hash();
            out.add(new LeafPath(leaf, hash, new ArrayList<>()));
            return hash;
        }
        Branch branch = (Branch) node;
        int leftStart = out.size();
        byte[] left = collect(branch.left(), out);
        int rightStart = out.size();
        byte[] right = collect(branch.right(), out);
        for (int i = leftStart; i < rightStart; i++) {
            out.get(i).path().add(right);
        }
        for (int i = rightStart; i < out.size(); i++) {
            out.get(i).path().add(left);
        }
        return branchHash(left, right);
    }

    /** The control block of each leaf of a tree for the given internal key, left to right. */
    public static List<byte[]> controlBlocks(byte[] internalXOnly32, ScriptTree tree) {
        List<LeafPath> leaves = leaves(tree);
        TweakedKey output = tweak(internalXOnly32, tree.hash());
        List<byte[]> blocks = new ArrayList<>(leaves.size());
        for (LeafPath leaf : leaves) {
            blocks.add(controlBlock(leaf.leaf().leafVersion(), output.parity(), internalXOnly32, leaf.path()));
        }
        return blocks;
    }
}
