package dev.bitgojava.signing.eth;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON view of a signed transaction, as BitGo's account-lib shows it. */
class SignedEvmTransactionTest {

    private static final String TO = "0x" + "11".repeat(20);

    private static SignedEvmTransaction signedEip1559(long nonce) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return EvmTransaction.eip1559(1, nonce, BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(21000), TO,
                BigInteger.ONE, new byte[0]).sign(key);
    }

    @Test
    void aZeroYParityIsShownAsOneZeroByte() {
        long nonce = 0;
        while (signedEip1559(nonce).v().signum() != 0) {
            nonce++;
            assertTrue(nonce < 64, "some nonce gives y-parity 0");
        }
        assertEquals("0x00", signedEip1559(nonce).jsonView().get("v"));
    }

    @Test
    void aYParityOfOneIsShownAsOneByte() {
        long nonce = 0;
        while (signedEip1559(nonce).v().signum() == 0) {
            nonce++;
            assertTrue(nonce < 64, "some nonce gives y-parity 1");
        }
        assertEquals("0x01", signedEip1559(nonce).jsonView().get("v"));
    }
}
