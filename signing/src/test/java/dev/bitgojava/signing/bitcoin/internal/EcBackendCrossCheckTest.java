package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native (libsecp256k1) and Java (Bouncy Castle) backends give identical bytes for random keys, hashes and
 * tweaks, and agree on the edge cases (hashes of n or more, sums that are zero or infinity, high s, bad keys).
 */
class EcBackendCrossCheckTest {

    private static final int ROUNDS = 200;
    private static final EcBackend JAVA = EcBackends.java();
    private static EcBackend nativeBackend;

    @BeforeAll
    static void loadNative() {
        nativeBackend = EcBackends.nativeOrNull();
        // The build platforms (Linux, macOS, Windows on x86-64/arm64) all have the bundled library.
        assertNotNull(nativeBackend, "the native libsecp256k1 backend should load on this platform");
    }

    @Test
    void theProcessUsesTheBackendTheSystemPropertyAsksFor() {
        String expected = "java".equalsIgnoreCase(System.getProperty(EcBackends.PROPERTY, "")) ? "java" : "native";
        assertEquals(expected, EcBackends.get().name());
    }

    @Test
    void publicKeysAgree() {
        Random random = new Random(1);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] sk = secretKey(random);
            byte[] copy = sk.clone();
            assertArrayEquals(JAVA.publicKey(sk), nativeBackend.publicKey(sk));
            assertArrayEquals(JAVA.uncompressedPublicKey(sk), nativeBackend.uncompressedPublicKey(sk));
            byte[] pub = JAVA.publicKey(sk);
            assertArrayEquals(JAVA.parsePublicKey(pub), nativeBackend.parsePublicKey(pub));
            assertArrayEquals(copy, sk, "the secret key is left as it was");
        }
    }

    @Test
    void tweaksAgree() {
        Random random = new Random(2);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] sk = secretKey(random);
            byte[] tweak = secretKey(random);
            byte[] skCopy = sk.clone();
            byte[] tweakCopy = tweak.clone();
            byte[] childSecret = nativeBackend.privateKeyTweakAdd(sk, tweak);
            assertArrayEquals(JAVA.privateKeyTweakAdd(sk, tweak), childSecret);
            byte[] pub = JAVA.publicKey(sk);
            byte[] childPublic = nativeBackend.publicKeyTweakAdd(pub, tweak);
            assertArrayEquals(JAVA.publicKeyTweakAdd(pub, tweak), childPublic);
            assertArrayEquals(JAVA.publicKey(childSecret), childPublic, "the tweaks commute with key creation");
            assertArrayEquals(skCopy, sk, "the secret key is left as it was");
            assertArrayEquals(tweakCopy, tweak, "the tweak is left as it was");
        }
    }

    @Test
    void tweaksThatCancelTheKeyGiveNullOnBothBackends() {
        byte[] sk = secretKey(new Random(3));
        byte[] negated = Secp256k1.toBytes32(Secp256k1.N.subtract(new BigInteger(1, sk)));
        byte[] pub = JAVA.publicKey(sk);
        for (EcBackend backend : new EcBackend[] {JAVA, nativeBackend}) {
            assertNull(backend.privateKeyTweakAdd(sk, negated), backend.name());
            assertNull(backend.publicKeyTweakAdd(pub, negated), backend.name());
        }
    }

    @Test
    void ecdsaSignaturesAndRecoveryIdsAgree() {
        Random random = new Random(4);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] sk = secretKey(random);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            assertSameEcdsa(hash, sk);
        }
    }

    @Test
    void ecdsaAgreesForHashesOfTheGroupOrderOrMore() {
        Random random = new Random(5);
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        byte[] order = Secp256k1.toBytes32(Secp256k1.N);
        for (byte[] hash : new byte[][] {allOnes, order}) {
            for (int i = 0; i < 5; i++) {
                assertSameEcdsa(hash, secretKey(random));
            }
        }
    }

    @Test
    void bothBackendsAcceptHighSAndRejectAnotherHashOrKey() {
        Random random = new Random(6);
        for (int i = 0; i < 20; i++) {
            byte[] sk = secretKey(random);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            byte[] pub = JAVA.publicKey(sk);
            Ecdsa.Signature low = JAVA.ecdsaSign(hash, sk);
            Ecdsa.Signature high = new Ecdsa.Signature(low.r(), Secp256k1.N.subtract(low.s()));
            byte[] otherHash = hash.clone();
            otherHash[0] ^= 1;
            byte[] otherPub = JAVA.publicKey(secretKey(random));
            for (EcBackend backend : new EcBackend[] {JAVA, nativeBackend}) {
                assertTrue(backend.ecdsaVerify(hash, low, pub), backend.name());
                assertTrue(backend.ecdsaVerify(hash, high, pub), backend.name() + " high s");
                assertTrue(backend.ecdsaVerify(hash, low, JAVA.uncompressedPublicKey(sk)), backend.name());
                assertFalse(backend.ecdsaVerify(otherHash, low, pub), backend.name() + " other hash");
                assertFalse(backend.ecdsaVerify(hash, low, otherPub), backend.name() + " other key");
            }
        }
    }

    @Test
    void bothBackendsRefuseMalformedPublicKeys() {
        byte[] sk = secretKey(new Random(7));
        byte[] hash = new byte[32];
        Ecdsa.Signature signature = JAVA.ecdsaSign(hash, sk);
        byte[] uncompressed = JAVA.uncompressedPublicKey(sk);
        byte[] hybrid = uncompressed.clone();
        hybrid[0] = (byte) (6 | (uncompressed[64] & 1));
        byte[] offCurve = JAVA.publicKey(sk);
        offCurve[32] ^= 1;
        byte[] xTooLarge = new byte[33];
        Arrays.fill(xTooLarge, (byte) 0xff);
        xTooLarge[0] = 2;
        for (EcBackend backend : new EcBackend[] {JAVA, nativeBackend}) {
            for (byte[] bad : new byte[][] {hybrid, xTooLarge, new byte[33], new byte[32]}) {
                assertNull(backend.parsePublicKey(bad), backend.name());
                assertFalse(backend.ecdsaVerify(hash, signature, bad), backend.name());
            }
            assertEquals(JAVA.parsePublicKey(offCurve) == null, backend.parsePublicKey(offCurve) == null,
                    backend.name() + " agrees whether a flipped x is on the curve");
        }
    }

    @Test
    void schnorrSignaturesAgreeAndVerifyOnBothBackends() {
        Random random = new Random(8);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] sk = secretKey(random);
            byte[] msg = new byte[32];
            random.nextBytes(msg);
            byte[] aux = new byte[32];
            random.nextBytes(aux);
            byte[] skCopy = sk.clone();
            byte[] sig = nativeBackend.schnorrSign32(msg, sk, aux);
            assertArrayEquals(JAVA.schnorrSign32(msg, sk, aux), sig);
            assertArrayEquals(skCopy, sk, "the secret key is left as it was");
            byte[] xOnly = Arrays.copyOfRange(JAVA.publicKey(sk), 1, 33);
            byte[] tampered = sig.clone();
            tampered[63] ^= 1;
            for (EcBackend backend : new EcBackend[] {JAVA, nativeBackend}) {
                assertTrue(backend.schnorrVerify32(msg, xOnly, sig), backend.name());
                assertFalse(backend.schnorrVerify32(msg, xOnly, tampered), backend.name() + " tampered");
            }
        }
    }

    private void assertSameEcdsa(byte[] hash, byte[] sk) {
        byte[] skCopy = sk.clone();
        Ecdsa.RecoverableSignature expected = JAVA.ecdsaSignRecoverable(hash, sk);
        assertEquals(expected, nativeBackend.ecdsaSignRecoverable(hash, sk));
        assertEquals(new Ecdsa.Signature(expected.r(), expected.s()), nativeBackend.ecdsaSign(hash, sk),
                "libsecp256k1's own signer gives the same r and s");
        assertEquals(new Ecdsa.Signature(expected.r(), expected.s()), JAVA.ecdsaSign(hash, sk));
        assertArrayEquals(skCopy, sk, "the secret key is left as it was");
    }

    private static byte[] secretKey(Random random) {
        while (true) {
            byte[] sk = new byte[32];
            random.nextBytes(sk);
            BigInteger d = new BigInteger(1, sk);
            if (d.signum() > 0 && d.compareTo(Secp256k1.N) < 0) {
                return sk;
            }
        }
    }
}
