package dev.bitgojava.signing.utxo.internal;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.TaggedHash;
import org.bouncycastle.math.ec.ECPoint;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/** BIP341 tree hashing and key tweaking for the small fixed trees of BitGo wallets. */
public final class TapTree {

    /** The tapscript leaf version. */
    public static final int LEAF_VERSION = 0xc0;

    private TapTree() {
    }

    /** TaggedHash("TapLeaf", version || compactSize(len) || script). */
    public static byte[] leafHash(int leafVersion, byte[] script) {
        return TaggedHash.of("TapLeaf", new byte[] {(byte) leafVersion}, compactSize(script.length), script);
    }

    /** TaggedHash("TapBranch", min(a, b) || max(a, b)). */
    public static byte[] branchHash(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) <= 0 ? TaggedHash.of("TapBranch", a, b) : TaggedHash.of("TapBranch", b, a);
    }

    /** The tweaked output point {@code P + H_TapTweak(P || root)·G} with P = lift_x(internalKey); normalised. */
    public static ECPoint outputPoint(byte[] internalKey, byte[] merkleRoot) {
        ECPoint p = Secp256k1.liftX(internalKey);
        if (p == null) {
            throw new SigningException("taproot internal key is not on the curve");
        }
        byte[] t = merkleRoot == null ? TaggedHash.of("TapTweak", internalKey)
                : TaggedHash.of("TapTweak", internalKey, merkleRoot);
        BigInteger tweak = new BigInteger(1, t);
        if (tweak.compareTo(Secp256k1.N) >= 0) {
            throw new SigningException("taproot tweak out of range");
        }
        ECPoint q = Secp256k1.add(p, Secp256k1.multiplyG(tweak)).normalize();
        if (q.isInfinity()) {
            throw new SigningException("taproot output key is the point at infinity");
        }
        return q;
    }

    /** The control block: (leafVersion | parity) || internal key || path hashes. */
    public static byte[] controlBlock(int leafVersion, boolean outputKeyOddY, byte[] internalKey, byte[]... path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(33 + 32 * path.length);
        out.write(leafVersion | (outputKeyOddY ? 1 : 0));
        out.writeBytes(internalKey);
        for (byte[] h : path) {
            out.writeBytes(h);
        }
        return out.toByteArray();
    }

    static byte[] compactSize(int n) {
        if (n < 0xfd) {
            return new byte[] {(byte) n};
        } else if (n <= 0xffff) {
            return new byte[] {(byte) 0xfd, (byte) n, (byte) (n >>> 8)};
        }
        return new byte[] {(byte) 0xfe, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }
}
