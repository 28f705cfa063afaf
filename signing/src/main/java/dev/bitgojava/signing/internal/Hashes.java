package dev.bitgojava.signing.internal;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions that keys, scripts, addresses and signature hashes share: SHA-256, double SHA-256, HASH160 and
 * HMAC-SHA512. SHA-256 is the JDK's (in CPU instructions where the JVM has them; one instance per thread, so no
 * provider lookup per call); RIPEMD-160 and HMAC-SHA512 are Bouncy Castle's, used directly.
 */
public final class Hashes {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    });

    private Hashes() {
    }

    /** SHA-256. */
    public static byte[] sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    /** SHA-256 of {@code length} bytes of {@code data} from {@code offset}. */
    public static byte[] sha256(byte[] data, int offset, int length) {
        MessageDigest d = SHA256.get();
        d.reset();
        d.update(data, offset, length);
        return d.digest();
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
