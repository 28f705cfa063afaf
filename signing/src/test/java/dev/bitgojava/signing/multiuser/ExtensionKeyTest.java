package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.bitcoin.BitcoinMessage;
import dev.bitgojava.signing.internal.Hex;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extensible-token key: address forms, the signed text, sign→verify, and what must not verify. */
class ExtensionKeyTest {

    private static final String TOKEN = "v2x" + "ab".repeat(32);
    private static final long TIMESTAMP = 1_700_000_000_123L;

    private final SecureRandom random = new SecureRandom();

    @Test
    void theAddressIsATestnetOrMainnetP2pkhAddressAsAsked() {
        String testnet = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH).address();
        String mainnet = ExtensionKey.generate(random, BitcoinMessage.MAINNET_P2PKH).address();
        assertTrue(testnet.startsWith("m") || testnet.startsWith("n"), testnet);
        assertTrue(mainnet.startsWith("1"), mainnet);
    }

    @Test
    void theSignedTextIsTimestampTokenAndDurationJoinedByBars() {
        assertEquals("1700000000123|" + TOKEN + "|3600", ExtensionKey.extensionMessage(TIMESTAMP, TOKEN, 3600));
    }

    @Test
    void theSignatureIsA65ByteCompressedKeySignatureOfTheTextInLowercaseHex() {
        ExtensionKey key = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH);
        String signature = key.signExtension(TIMESTAMP, TOKEN, 3600);
        assertTrue(signature.matches("[0-9a-f]{130}"), signature);
        byte[] bytes = Hex.decodeOrNull(signature);
        assertNotNull(bytes);
        int header = bytes[0] & 0xff;
        assertTrue(header >= 31 && header <= 34, "compressed-key header, was " + header);
        assertTrue(BitcoinMessage.verify("1700000000123|" + TOKEN + "|3600", key.address(), bytes));
    }

    @Test
    void aSignatureVerifiesOnlyForTheSameAddressTimestampTokenAndDuration() {
        ExtensionKey key = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH);
        ExtensionKey other = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH);
        String signature = key.signExtension(TIMESTAMP, TOKEN, 3600);
        assertTrue(ExtensionKey.verifyExtension(key.address(), TIMESTAMP, TOKEN, 3600, signature));
        assertFalse(ExtensionKey.verifyExtension(other.address(), TIMESTAMP, TOKEN, 3600, signature));
        assertFalse(ExtensionKey.verifyExtension(key.address(), TIMESTAMP + 1, TOKEN, 3600, signature));
        assertFalse(ExtensionKey.verifyExtension(key.address(), TIMESTAMP, TOKEN + "0", 3600, signature));
        assertFalse(ExtensionKey.verifyExtension(key.address(), TIMESTAMP, TOKEN, 3601, signature));
    }

    @Test
    void malformedSignaturesVerifyAsFalse() {
        ExtensionKey key = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH);
        assertFalse(ExtensionKey.verifyExtension(key.address(), TIMESTAMP, TOKEN, 3600, null));
        assertFalse(ExtensionKey.verifyExtension(key.address(), TIMESTAMP, TOKEN, 3600, "zz".repeat(65)));
        assertFalse(ExtensionKey.verifyExtension(key.address(), TIMESTAMP, TOKEN, 3600, "00".repeat(64)));
        assertFalse(ExtensionKey.verifyExtension(key.address(), TIMESTAMP, null, 3600,
                key.signExtension(TIMESTAMP, TOKEN, 3600)));
    }

    @Test
    void aDestroyedKeyNoLongerSigns() {
        ExtensionKey key = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH);
        key.destroy();
        assertTrue(key.isDestroyed());
        assertThrows(MultiUserException.class, () -> key.signExtension(TIMESTAMP, TOKEN, 3600));
    }

    @Test
    void signingWithoutATokenOrWithAnImpossibleVersionIsATypedError() {
        ExtensionKey key = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH);
        assertThrows(MultiUserException.class, () -> key.signExtension(TIMESTAMP, "", 3600));
        assertThrows(MultiUserException.class, () -> ExtensionKey.generate(random, 256));
    }

    @Test
    void toStringShowsTheAddressOnly() {
        ExtensionKey key = ExtensionKey.generate(random, BitcoinMessage.TESTNET_P2PKH);
        assertEquals("ExtensionKey(" + key.address() + ")", key.toString());
    }
}
