package dev.bitgojava.signing.bitcoin.internal;

import org.bouncycastle.crypto.signers.DSAKCalculator;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * RFC 6979 nonces for secp256k1 (HMAC-SHA256, 32-byte key and hash), as libsecp256k1 derives them: the 32 hash bytes
 * enter as they are. For a hash below n that is exactly RFC 6979; for the astronomically rare hash of n or more,
 * plain RFC 6979 would reduce it first, libsecp256k1 (and so BitGo's signers) does not, and neither do we. Each
 * call of {@link #nextK} after the first updates K first (RFC 6979 section 3.2 step h.3, as libsecp256k1 does).
 *
 * <p>The HMACs run on the JDK's {@code HmacSHA256} (SHA-256 in CPU instructions where the JVM has them), one
 * {@link Mac} per thread. An instance is not thread-safe; make one per signature.
 */
public final class Rfc6979Nonces implements DSAKCalculator {

    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    });
    private static final byte[] ZERO = {0};
    private static final byte[] ONE = {1};

    private final Mac mac = MACS.get();
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
            step(ZERO, x, message);
            step(ONE, x, message);
        } finally {
            Arrays.fill(x, (byte) 0);
        }
    }

    /** K = HMAC_K(V || separator || x || message), then V = HMAC_K(V); x and message may be null (a retry). */
    private void step(byte[] separator, byte[] x, byte[] message) {
        keyed();
        mac.update(v);
        mac.update(separator);
        if (x != null) {
            mac.update(x);
            mac.update(message);
        }
        finish(k);
        keyed();
        mac.update(v);
        finish(v);
    }

    private void keyed() {
        try {
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC key rejected", e);
        }
    }

    private void finish(byte[] into) {
        try {
            mac.doFinal(into, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public BigInteger nextK() {
        while (true) {
            if (retry) {
                step(ZERO, null, null);
            }
            retry = true;
            keyed();
            mac.update(v);
            finish(v);
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
