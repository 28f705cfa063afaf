package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/**
 * Variable-time k·G for <em>public</em> scalars (BIP32 public derivation from an xpub, taproot tweaks): a table of
 * j·2^(8w)·G for every byte value j and byte position w turns the multiplication into at most 32 additions of
 * affine table points, with no doublings, about twice as fast as the constant-time comb. Its memory accesses
 * depend on the scalar, so it must never see a secret: private keys and nonces use the comb. The table (8,160
 * affine points) is built on first use.
 */
public final class PublicGMultiplier {

    private static final int WINDOWS = 32;
    private static final int DIGITS = 255;

    private PublicGMultiplier() {
    }

    /** Holder: the table is built when the first public multiplication asks for it. */
    private static final class Table {
        static final ECPoint[][] ROWS = build();

        private static ECPoint[][] build() {
            ECPoint[][] rows = new ECPoint[WINDOWS][];
            ECPoint base = Secp256k1.G;
            for (int w = 0; w < WINDOWS; w++) {
                ECPoint[] row = new ECPoint[DIGITS];
                row[0] = base;
                for (int j = 1; j < DIGITS; j++) {
                    row[j] = row[j - 1].add(base);
                }
                ECPoint next = row[DIGITS - 1].add(base);
                Secp256k1.CURVE.normalizeAll(row);
                rows[w] = row;
                base = next.normalize();
            }
            return rows;
        }
    }

    /** k·G (not normalised) for a public scalar k in [0, 2^256). */
    public static ECPoint multiply(BigInteger k) {
        ECPoint[][] rows = Table.ROWS;
        byte[] raw = k.toByteArray();
        ECPoint acc = Secp256k1.CURVE.getInfinity();
        int bytes = Math.min(raw.length, WINDOWS);
        for (int w = 0; w < bytes; w++) {
            int digit = raw[raw.length - 1 - w] & 0xff;
            if (digit != 0) {
                acc = acc.add(rows[w][digit - 1]);
            }
        }
        return acc;
    }
}
