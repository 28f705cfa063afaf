package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ECDSA signing and verification; RFC 6979 reproduction is covered by the BIP 143 vectors. */
class EcdsaTest {

    private static final byte[] KEY = Hex.decode("619c335025c7f4012e556c2a58b2506e30b8511b53ade95ea316fd8c3286feb9");

    private static byte[] hash(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void signaturesAreDeterministicLowSAndVerify() throws Exception {
        byte[] pub = Secp256k1.publicKey(KEY);
        for (int i = 0; i < 64; i++) {
            byte[] h = hash("message " + i);
            byte[] der = Ecdsa.sign(h, KEY);
            assertArrayEquals(der, Ecdsa.sign(h, KEY));
            assertTrue(Ecdsa.decodeDer(der).isLowS());
            assertTrue(Ecdsa.verify(h, der, pub));
            assertTrue(Ecdsa.verify(h, der, Secp256k1.decodePoint(pub).getEncoded(false)));
        }
    }

    @Test
    void aSignatureDoesNotVerifyForAnotherHashOrKey() throws Exception {
        byte[] h = hash("a");
        byte[] der = Ecdsa.sign(h, KEY);
        assertFalse(Ecdsa.verify(hash("b"), der, Secp256k1.publicKey(KEY)));
        byte[] other = KEY.clone();
        other[31] ^= 1;
        assertFalse(Ecdsa.verify(h, der, Secp256k1.publicKey(other)));
    }

    @Test
    void highSFormStillVerifies() throws Exception {
        byte[] h = hash("high s");
        Ecdsa.Signature low = Ecdsa.decodeDer(Ecdsa.sign(h, KEY));
        Ecdsa.Signature high = new Ecdsa.Signature(low.r(), Secp256k1.N.subtract(low.s()));
        assertFalse(high.isLowS());
        assertTrue(Ecdsa.verify(h, high.toDer(), Secp256k1.publicKey(KEY)));
        assertEquals(low, high.normalized());
    }

    @Test
    void malformedDerIsRefused() throws Exception {
        byte[] h = hash("der");
        byte[] der = Ecdsa.sign(h, KEY);
        byte[] pub = Secp256k1.publicKey(KEY);
        byte[] badTag = der.clone();
        badTag[0] = 0x31;
        byte[] badLength = der.clone();
        badLength[1]++;
        byte[] padded = new byte[der.length + 1];
        System.arraycopy(der, 0, padded, 0, der.length);
        for (byte[] bad : new byte[][] {badTag, badLength, padded, new byte[0], null}) {
            assertFalse(Ecdsa.verify(h, bad, pub));
        }
        assertThrows(SigningException.class, () -> Ecdsa.decodeDer(badTag));
        byte[] superfluousZero = new Ecdsa.Signature(BigInteger.ONE, BigInteger.ONE).toDer();
        byte[] withZero = Hex.decode("3007020200010201" + "01");
        assertEquals(8, superfluousZero.length);
        assertThrows(SigningException.class, () -> Ecdsa.decodeDer(withZero));
    }

    @Test
    void invalidPublicKeyMakesVerificationFalse() throws Exception {
        byte[] h = hash("pub");
        byte[] der = Ecdsa.sign(h, KEY);
        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 0x02;
        notOnCurve[32] = 5;
        assertFalse(Ecdsa.verify(h, der, notOnCurve));
        assertFalse(Ecdsa.verify(h, der, new byte[20]));
    }

    @Test
    void invalidPrivateKeysAreRefused() throws Exception {
        byte[] h = hash("key");
        assertThrows(SigningException.class, () -> Ecdsa.sign(h, new byte[32]));
        assertThrows(SigningException.class, () -> Ecdsa.sign(h, Secp256k1.toBytes32(Secp256k1.N)));
        assertThrows(SigningException.class, () -> Ecdsa.sign(h, new byte[31]));
        assertThrows(SigningException.class, () -> Ecdsa.sign(new byte[31], KEY));
    }
}
