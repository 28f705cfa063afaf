package dev.bitgojava.signing.eth.internal;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 (the pre-standard SHA-3 variant Ethereum uses). */
public final class Keccak {

    private Keccak() {
    }

    /** The 32-byte Keccak-256 digest of the bytes. */
    public static byte[] hash(byte[] input) {
        return hash(input, 0, input.length);
    }

    /** The 32-byte Keccak-256 digest of a slice. */
    public static byte[] hash(byte[] input, int offset, int length) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(input, offset, length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
