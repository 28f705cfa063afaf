package dev.bitgojava.signing.encryption.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) that precomputes the HMAC inner and outer pad states once and clones them for
 * every iteration, so each iteration costs two SHA-256 compressions (the JDK's HMAC costs four).
 */
public final class Pbkdf2Sha256 {

    private static final int BLOCK = 64;
    private static final int HASH = 32;

    private Pbkdf2Sha256() {
    }

    /** Derives {@code length} bytes from the password bytes and salt. */
    public static byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
        if (iterations < 1 || length < 1) {
            throw new IllegalArgumentException("iterations and length must be positive");
        }
        try {
            MessageDigest inner = MessageDigest.getInstance("SHA-256");
            MessageDigest outer = MessageDigest.getInstance("SHA-256");
            byte[] key = password.length > BLOCK ? inner.digest(password) : password;
            byte[] pad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                byte k = i < key.length ? key[i] : 0;
                pad[i] = (byte) (k ^ 0x36);
            }
            inner.update(pad);
            for (int i = 0; i < BLOCK; i++) {
                byte k = i < key.length ? key[i] : 0;
                pad[i] = (byte) (k ^ 0x5c);
            }
            outer.update(pad);
            Arrays.fill(pad, (byte) 0);
            if (key != password) {
                Arrays.fill(key, (byte) 0);
            }

            byte[] out = new byte[length];
            byte[] u = new byte[HASH];
            byte[] t = new byte[HASH];
            int blocks = (length + HASH - 1) / HASH;
            for (int block = 1; block <= blocks; block++) {
                MessageDigest in = (MessageDigest) inner.clone();
                in.update(salt);
                in.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                in.digest(u, 0, HASH);
                MessageDigest ou = (MessageDigest) outer.clone();
                ou.update(u);
                ou.digest(u, 0, HASH);
                System.arraycopy(u, 0, t, 0, HASH);
                for (int i = 1; i < iterations; i++) {
                    in = (MessageDigest) inner.clone();
                    in.update(u);
                    in.digest(u, 0, HASH);
                    ou = (MessageDigest) outer.clone();
                    ou.update(u);
                    ou.digest(u, 0, HASH);
                    for (int j = 0; j < HASH; j++) {
                        t[j] ^= u[j];
                    }
                }
                int offset = (block - 1) * HASH;
                System.arraycopy(t, 0, out, offset, Math.min(HASH, length - offset));
            }
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
