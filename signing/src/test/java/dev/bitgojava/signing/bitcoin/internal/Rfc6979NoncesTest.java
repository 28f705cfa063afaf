package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.Secp256k1;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Our RFC 6979 nonces against Bouncy Castle's {@link HMacDSAKCalculator}, an independent implementation. */
class Rfc6979NoncesTest {

    private static final BigInteger N = Secp256k1.N;

    @Test
    void noncesEqualBouncyCastlesForHashesBelowN() {
        Random random = new Random(6979);
        for (int i = 0; i < 200; i++) {
            BigInteger d = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            hash[0] &= 0x7f; // below n
            HMacDSAKCalculator reference = new HMacDSAKCalculator(new SHA256Digest());
            reference.init(N, d, hash);
            Rfc6979Nonces ours = new Rfc6979Nonces();
            ours.init(N, d, hash);
            // Only the first: after a k that is in range but unusable (r or s = 0, probability ~2^-256), RFC 6979
            // section 3.2 h.3 and libsecp256k1 update K before the next one; Bouncy Castle does not.
            assertEquals(reference.nextK(), ours.nextK(), "case " + i);
        }
    }

    @Test
    void aHashOfNOrMoreEntersUnreducedWherePlainRfc6979ReducesIt() {
        BigInteger d = BigInteger.valueOf(7);
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) 0xff); // above n
        byte[] reduced = Secp256k1.toBytes32(new BigInteger(1, hash).mod(N));
        HMacDSAKCalculator plain = new HMacDSAKCalculator(new SHA256Digest());
        plain.init(N, d, hash);
        BigInteger plainK = plain.nextK();

        Rfc6979Nonces fedReduced = new Rfc6979Nonces();
        fedReduced.init(N, d, reduced);
        assertEquals(plainK, fedReduced.nextK(), "given the reduced hash, ours is plain RFC 6979");
        Rfc6979Nonces ours = new Rfc6979Nonces();
        ours.init(N, d, hash);
        assertNotEquals(plainK, ours.nextK(), "given the hash itself, ours does not reduce it");
    }

    @Test
    void refusesRandomNonces() {
        assertThrows(IllegalStateException.class, () -> new Rfc6979Nonces().init(N, new java.security.SecureRandom()));
    }
}
