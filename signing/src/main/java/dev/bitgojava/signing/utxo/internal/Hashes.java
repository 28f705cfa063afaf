package dev.bitgojava.signing.utxo.internal;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** Hash functions used by scripts and addresses. */
public final class Hashes {

    private Hashes() {
    }

    /** SHA-256. */
    public static byte[] sha256(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** SHA-256 applied twice. */
    public static byte[] hash256(byte[] data) {
        return sha256(sha256(data));
    }

    /** RIPEMD-160 of SHA-256. */
    public static byte[] hash160(byte[] data) {
        byte[] sha = sha256(data);
        RIPEMD160Digest r = new RIPEMD160Digest();
        r.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        r.doFinal(out, 0);
        return out;
    }
}
