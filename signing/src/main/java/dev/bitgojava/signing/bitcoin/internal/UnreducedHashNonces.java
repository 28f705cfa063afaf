package dev.bitgojava.signing.bitcoin.internal;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.DSAKCalculator;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * RFC 6979 nonces (HMAC-SHA256) fed the 32 hash bytes as they are, instead of the hash reduced mod n. That is what
 * libsecp256k1 does (and so BitGo's signers); it differs from plain RFC 6979 only for the astronomically rare hashes
 * of n or more, which are the only ones this is used for.
 */
public final class UnreducedHashNonces implements DSAKCalculator {
    private final HMac mac = new HMac(new SHA256Digest());
    private final byte[] k = new byte[32];
    private final byte[] v = new byte[32];
    private BigInteger n;
    private boolean retry;

    @Override
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public void init(BigInteger n, SecureRandom random) {
        throw new IllegalStateException("deterministic nonces only");
    }

    @Override
    public void init(BigInteger n, BigInteger d, byte[] message) {
        this.n = n;
        this.retry = false;
        byte[] x = toBytes32(d);
        Arrays.fill(v, (byte) 1);
        Arrays.fill(k, (byte) 0);
        try {
            update((byte) 0, x, message);
            update((byte) 1, x, message);
        } finally {
            Arrays.fill(x, (byte) 0);
        }
    }

    private void update(byte separator, byte[] x, byte[] message) {
        mac.init(new KeyParameter(k));
        mac.update(v, 0, v.length);
        mac.update(separator);
        mac.update(x, 0, x.length);
        mac.update(message, 0, message.length);
        mac.doFinal(k, 0);
        mac.init(new KeyParameter(k));
        mac.update(v, 0, v.length);
        mac.doFinal(v, 0);
    }

    @Override
    public BigInteger nextK() {
        while (true) {
            if (retry) {
                mac.init(new KeyParameter(k));
                mac.update(v, 0, v.length);
                mac.update((byte) 0);
                mac.doFinal(k, 0);
                mac.init(new KeyParameter(k));
                mac.update(v, 0, v.length);
                mac.doFinal(v, 0);
            }
            retry = true;
            mac.init(new KeyParameter(k));
            mac.update(v, 0, v.length);
            mac.doFinal(v, 0);
            BigInteger candidate = new BigInteger(1, v);
            if (candidate.signum() > 0 && candidate.compareTo(n) < 0) {
                return candidate;
            }
        }
    }

    private static byte[] toBytes32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        Arrays.fill(raw, (byte) 0);
        return out;
    }
}
