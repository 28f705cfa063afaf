package dev.bitgojava.signing.keys;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips and refusals of ed25519 keys and Stellar StrKeys. */
class Ed25519KeyPairTest {

    private final Ed25519KeyPair pair = Ed25519KeyPair.generate(new SecureRandom());

    @Test
    void strKeysRoundTrip() {
        assertEquals(pair, Ed25519KeyPair.fromStellarSecret(pair.stellarSecretSeed()));
        assertTrue(pair.stellarPublicKey().startsWith("G"));
        assertTrue(pair.stellarSecretSeed().startsWith("S"));
    }

    @Test
    void signaturesVerifyOnlyForTheSignedMessageAndKey() {
        byte[] message = "pay 10 XLM".getBytes(StandardCharsets.UTF_8);
        byte[] signature = pair.sign(message);
        assertTrue(Ed25519KeyPair.verify(pair.publicKey(), message, signature));
        assertFalse(Ed25519KeyPair.verify(pair.publicKey(), "pay 11 XLM".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Ed25519KeyPair.verify(Ed25519KeyPair.generate(null).publicKey(), message, signature));
        assertFalse(Ed25519KeyPair.verify(pair.publicKey(), message, new byte[10]), "wrong size is invalid, not an error");
    }

    @Test
    void strKeyErrorsAreTyped() {
        String pub = pair.stellarPublicKey();
        assertThrows(InvalidStrKeyException.class, () -> StellarStrKey.decodeSecretSeed(pub), "wrong version");
        assertThrows(InvalidStrKeyException.class, () -> StellarStrKey.decodePublicKey(pub.substring(1)), "length");
        assertThrows(InvalidStrKeyException.class, () -> StellarStrKey.decodePublicKey(pub.replace(pub.charAt(5), '1')),
                "not base32");
        char c = pub.charAt(20);
        String altered = pub.substring(0, 20) + (c == 'A' ? 'B' : 'A') + pub.substring(21);
        assertThrows(InvalidStrKeyException.class, () -> StellarStrKey.decodePublicKey(altered), "checksum");
        assertThrows(InvalidStrKeyException.class, () -> StellarStrKey.decodePublicKey(null));
    }

    @Test
    void seedsMustHave32Bytes() {
        assertThrows(InvalidSeedException.class, () -> Ed25519KeyPair.fromSeed(new byte[31]));
        assertThrows(InvalidSeedException.class, () -> Ed25519KeyPair.fromSeed(null));
    }

    @Test
    void slip10RefusesNonHardenedSteps() {
        byte[] seed = new byte[16];
        assertThrows(InvalidDerivationPathException.class, () -> Slip10Ed25519.derive(seed, "m/0"));
        assertNotEquals(Slip10Ed25519.derive(seed, "m/0'").keyPair(), Slip10Ed25519.derive(seed, "m/1'").keyPair());
        assertEquals(Slip10Ed25519.derive(seed, "m/0'/1'").keyPair(), Slip10Ed25519.derive(seed, "m/0h/1H").keyPair());
    }

    @Test
    void toStringShowsNoSecret() {
        assertFalse(pair.toString().contains(pair.stellarSecretSeed()));
    }
}
