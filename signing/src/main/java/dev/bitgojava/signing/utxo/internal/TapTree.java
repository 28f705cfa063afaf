package dev.bitgojava.signing.utxo.internal;

import dev.bitgojava.signing.bitcoin.Taproot;

import java.util.List;

/** Thin adapter over {@link Taproot} for the small fixed trees of BitGo wallets. */
public final class TapTree {

    /** The tapscript leaf version. */
    public static final int LEAF_VERSION = Taproot.LEAF_VERSION_TAPSCRIPT;

    private TapTree() {
    }

    /** TaggedHash("TapLeaf", version || compactSize(len) || script). */
    public static byte[] leafHash(int leafVersion, byte[] script) {
        return Taproot.leafHash(leafVersion, script);
    }

    /** TaggedHash("TapBranch", min(a, b) || max(a, b)). */
    public static byte[] branchHash(byte[] a, byte[] b) {
        return Taproot.branchHash(a, b);
    }

    /** The tweaked output key of an internal key and merkle root. */
    public static Taproot.TweakedKey tweak(byte[] internalKey, byte[] merkleRoot) {
        return Taproot.tweak(internalKey, merkleRoot);
    }

    /** The control block: (leafVersion | parity) || internal key || path hashes. */
    public static byte[] controlBlock(int leafVersion, int parity, byte[] internalKey, byte[]... path) {
        return Taproot.controlBlock(leafVersion, parity, internalKey, List.of(path));
    }
}
