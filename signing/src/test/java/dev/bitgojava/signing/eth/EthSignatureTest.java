package dev.bitgojava.signing.eth;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Signatures over bare 32-byte hashes. */
class EthSignatureTest {

    private static final BigInteger N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private static byte[] word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    @Test
    void aHashOfNOrMoreFeedsTheNonceUnreducedAsLibsecp256k1Does() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        byte[] high = new byte[32];
        Arrays.fill(high, (byte) 0xff);
        byte[] reduced = word(new BigInteger(1, high).subtract(N));

        EthSignature ofHigh = EthSignature.signHash(high, key);
        EthSignature ofReduced = EthSignature.signHash(reduced, key);

        assertFalse(Arrays.equals(ofHigh.r(), ofReduced.r()), "a different nonce, so a different r");
        String signer = ofReduced.recoverAddress(reduced);
        assertEquals(signer, ofHigh.recoverAddress(high), "both are valid signatures of the key");
    }
}
