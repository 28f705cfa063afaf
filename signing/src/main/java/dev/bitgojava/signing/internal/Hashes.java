package dev.bitgojava.signing.internal;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The hash functions that keys, scripts and addresses share: SHA-256, double SHA-256, HASH160 and HMAC-SHA512.
 * Bouncy Castle's digests are used directly, so no provider lookup happens per call.
 */
public final class Hashes {

    private Hashes() {
    }

    /** SHA-256. */
    public static byte[] sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    /** SHA-256 of {@code length} bytes of {@code data} from {@code offset}. */
    public static byte[] sha256(byte[] data, int offset, int length) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, offset, length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** SHA-256 applied twice. */
    public static byte[] hash256(byte[] data) {
        return sha256(sha256(data));
    }

    /** RIPEMD-160 of SHA-256: Bitcoin's HASH160, a key or script identifier. */
    public static byte[] hash160(byte[] data) {
        byte[] sha = sha256(data);
        RIPEMD160Digest r = new RIPEMD160Digest();
        r.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        r.doFinal(out, 0);
        return out;
    }

    /** HMAC-SHA512(key, data), as BIP32 uses it. */
    public static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA512Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[64];
        mac.doFinal(out, 0);
        return out;
    }
}
