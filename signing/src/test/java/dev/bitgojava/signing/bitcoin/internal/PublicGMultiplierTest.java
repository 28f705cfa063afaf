package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.Secp256k1;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicGMultiplierTest {

    private static void assertAgreesWithComb(BigInteger k) {
        assertEquals(Secp256k1.multiplyG(k), PublicGMultiplier.multiply(k).normalize(), "k = " + k.toString(16));
    }

    @Test
    void agreesWithTheConstantTimeCombForRandomScalars() {
        Random random = new Random(20261123L);
        for (int i = 0; i < 500; i++) {
            assertAgreesWithComb(new BigInteger(256, random).mod(Secp256k1.N));
        }
    }

    @Test
    void agreesWithTheCombAtTheEdgesOfTheTable() {
        BigInteger[] edges = {
                BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(255), BigInteger.valueOf(256),
                BigInteger.ONE.shiftLeft(248), BigInteger.ONE.shiftLeft(255), Secp256k1.N.subtract(BigInteger.ONE),
                new BigInteger("ff".repeat(31), 16), new BigInteger("0100".repeat(16), 16)};
        for (BigInteger k : edges) {
            assertAgreesWithComb(k);
        }
    }

    @Test
    void zeroGivesThePointAtInfinity() {
        assertTrue(PublicGMultiplier.multiply(BigInteger.ZERO).isInfinity());
    }

    @Test
    void addingAPointGivesTheSumOfMultiples() {
        BigInteger k = new BigInteger("3f1a", 16);
        assertEquals(Secp256k1.multiplyG(k.add(BigInteger.TEN)),
                Secp256k1.multiplyGAndAddVarTime(k, Secp256k1.multiplyG(BigInteger.TEN)));
    }
}
