package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.internal.Base58;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bitcoin signed messages against published vectors (not BitGo's): the example of the bitcoinjs-message README
 * (compressed key), the same key uncompressed from bitcoinjs-lib's early "advanced" test, signatures from
 * pybitcointools' and bitcoinjs-lib's verify tests, and Trezor firmware's {@code test_msg_signmessage.py} (legacy
 * address, short and 1024-byte messages); then round trips and a cross-check with bitcoinj.
 */
class BitcoinMessageTest {

    private static final String EXAMPLE = "This is an example of a signed message.";

    // bitcoinjs-message README
    private static final String README_WIF = "L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1";
    private static final String README_ADDRESS = "1F3sAm6ZtwLAUnj7d38pGFxtP3RVEvtsbV";
    private static final String README_SIGNATURE =
            "H9L5yLFjti0QTHhPyFrZCT1V/MMnBtXKmoiKDZ78NDBjERki6ZTQZdSMCtkgoNmp17By9ItJr8o7ChX0XxY91nk=";
    // bitcoinjs-lib "can sign a Bitcoin message": the same secret as an uncompressed WIF
    private static final String UNCOMPRESSED_WIF = "5KYZdUEo39z3FPrtuX2QbbwGnNP5zTd7yyr2SC1j299sBCnWjss";
    private static final String UNCOMPRESSED_SIGNATURE =
            "G9L5yLFjti0QTHhPyFrZCT1V/MMnBtXKmoiKDZ78NDBjERki6ZTQZdSMCtkgoNmp17By9ItJr8o7ChX0XxY91nk=";
    // bitcoinjs-lib "can verify a Bitcoin message" and pybitcointools' multibit example (uncompressed key)
    private static final String MULTIBIT_ADDRESS = "1HZwkjkeaoZfTSaJxDw6aKkxp45agDiEzN";
    private static final String BITCOINJS_VERIFY_SIGNATURE =
            "HJLQlDWLyb1Ef8bQKEISzFbDAKctIlaqOpGbrk3YVtRsjmC61lpE5ErkPRUFtDKtx98vHFGUWlFhsh3DiW6N0rE";
    private static final String MULTIBIT_SIGNATURE =
            "HCT1esk/TWlF/o9UNzLDANqsPXntkMErf7erIrjH5IBOZP98cNcmWmnW0GpSAi3wbr6CwpUAN4ctNn1T71UBwSc=";
    // Trezor firmware tests, legacy address
    private static final String TREZOR_ADDRESS = "1JAd7XCBzGudGpJQSDSfpmJhiygtLQWaGL";
    private static final String TREZOR_SIGNATURE =
            "IP2PL321I4/N0HfVIEw+aUnCYdcAJpzvwdnS3O9rlQI2MO5hf2yKz560DI7dcEycp06kr8OT9D81tOiVgyTL3Rw=";
    private static final String TREZOR_LONG_SIGNATURE =
            "IApGR2zrhNBu9XhIKAJvkiyIFfV6rIN7jAEwB8qKhGDbY++Rfb6669EIscgUu+6m2x8rIkGpWOU/5xXMhrGZ2cM=";

    private final SecureRandom random = new SecureRandom();

    @Test
    void signingTheReadmeExampleWithACompressedKeyGivesThePublishedSignature() {
        byte[] signature = BitcoinMessage.sign(EXAMPLE, secretOfWif(README_WIF), true);
        assertEquals(README_SIGNATURE, Base64.getEncoder().encodeToString(signature));
    }

    @Test
    void signingWithTheUncompressedFormOfTheSameKeyChangesOnlyTheHeader() {
        byte[] signature = BitcoinMessage.sign(EXAMPLE, secretOfWif(UNCOMPRESSED_WIF), false);
        assertEquals(UNCOMPRESSED_SIGNATURE, Base64.getEncoder().encodeToString(signature));
    }

    @Test
    void theAddressOfTheReadmeKeyIsThePublishedOne() {
        byte[] publicKey = Secp256k1.publicKey(secretOfWif(README_WIF));
        assertEquals(README_ADDRESS, BitcoinMessage.p2pkhAddress(publicKey, BitcoinMessage.MAINNET_P2PKH));
    }

    @Test
    void publishedSignaturesVerifyAgainstTheirAddresses() {
        assertTrue(BitcoinMessage.verify(EXAMPLE, README_ADDRESS, base64(README_SIGNATURE)));
        assertTrue(BitcoinMessage.verify(EXAMPLE, MULTIBIT_ADDRESS, base64(BITCOINJS_VERIFY_SIGNATURE)));
        assertTrue(BitcoinMessage.verify(EXAMPLE, MULTIBIT_ADDRESS, base64(MULTIBIT_SIGNATURE)));
        assertTrue(BitcoinMessage.verify(EXAMPLE, TREZOR_ADDRESS, base64(TREZOR_SIGNATURE)));
    }

    @Test
    void aMessageLongerThan252BytesUsesTheThreeByteLengthPrefix() {
        String longMessage = "VeryLongMessage!".repeat(64);
        assertTrue(BitcoinMessage.verify(longMessage, TREZOR_ADDRESS, base64(TREZOR_LONG_SIGNATURE)));
    }

    @Test
    void aSignatureDoesNotVerifyForAnotherMessageOrAddress() {
        assertFalse(BitcoinMessage.verify(EXAMPLE + " ", README_ADDRESS, base64(README_SIGNATURE)));
        assertFalse(BitcoinMessage.verify(EXAMPLE, TREZOR_ADDRESS, base64(README_SIGNATURE)));
        // the uncompressed key's signature names another (uncompressed) address
        assertFalse(BitcoinMessage.verify(EXAMPLE, README_ADDRESS, base64(UNCOMPRESSED_SIGNATURE)));
    }

    @Test
    void aChangedByteOrMalformedInputVerifiesAsFalse() {
        byte[] tampered = base64(README_SIGNATURE);
        tampered[40] ^= 1;
        assertFalse(BitcoinMessage.verify(EXAMPLE, README_ADDRESS, tampered));
        assertFalse(BitcoinMessage.verify(EXAMPLE, README_ADDRESS, Arrays.copyOf(base64(README_SIGNATURE), 64)));
        assertFalse(BitcoinMessage.verify(EXAMPLE, README_ADDRESS, null));
        assertFalse(BitcoinMessage.verify(EXAMPLE, "not an address", base64(README_SIGNATURE)));
        assertFalse(BitcoinMessage.verify(EXAMPLE, null, base64(README_SIGNATURE)));
        byte[] badHeader = base64(README_SIGNATURE);
        badHeader[0] = 39; // a segwit header: not a P2PKH signature
        assertNull(BitcoinMessage.recoverPublicKey(EXAMPLE, badHeader));
        byte[] zeroR = base64(README_SIGNATURE);
        Arrays.fill(zeroR, 1, 33, (byte) 0);
        assertNull(BitcoinMessage.recoverPublicKey(EXAMPLE, zeroR));
    }

    @Test
    void aNullMessageIsATypedError() {
        assertThrows(SigningException.class, () -> BitcoinMessage.hash(null));
        assertThrows(SigningException.class, () -> BitcoinMessage.sign(null, secretOfWif(README_WIF), true));
    }

    @Test
    void signThenRecoverGivesBackTheKeyInTheRequestedForm() {
        for (int i = 0; i < 20; i++) {
            byte[] secret = randomSecret();
            byte[] compressed = Secp256k1.publicKey(secret);
            byte[] uncompressed = Secp256k1.decodePoint(compressed).getEncoded(false);
            String message = "message " + i + " " + "x".repeat(i * 20);
            assertArrayEquals(compressed,
                    BitcoinMessage.recoverPublicKey(message, BitcoinMessage.sign(message, secret, true)));
            assertArrayEquals(uncompressed,
                    BitcoinMessage.recoverPublicKey(message, BitcoinMessage.sign(message, secret, false)));
            String testnet = BitcoinMessage.p2pkhAddress(compressed, BitcoinMessage.TESTNET_P2PKH);
            assertTrue(BitcoinMessage.verify(message, testnet, BitcoinMessage.sign(message, secret, true)));
        }
    }

    @Test
    void signaturesAgreeWithBitcoinjInBothDirections() throws SignatureException {
        for (int i = 0; i < 10; i++) {
            ECKey key = ECKey.fromPrivate(randomSecret(), true);
            String message = "cross-check " + i + " " + "é".repeat(i * 30);
            byte[] ours = BitcoinMessage.sign(message, key.getPrivKeyBytes(), true);
            assertArrayEquals(key.getPubKey(),
                    ECKey.signedMessageToKey(message, Base64.getEncoder().encodeToString(ours)).getPubKey());
            byte[] theirs = base64(key.signMessage(message));
            assertArrayEquals(key.getPubKey(), BitcoinMessage.recoverPublicKey(message, theirs));
        }
    }

    private byte[] randomSecret() {
        byte[] secret = new byte[32];
        do {
            random.nextBytes(secret);
        } while (!validSecret(secret));
        return secret;
    }

    private static boolean validSecret(byte[] secret) {
        try {
            Secp256k1.secretScalar(secret);
            return true;
        } catch (SigningException e) {
            return false;
        }
    }

    private static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }

    /** The 32-byte secret of a mainnet WIF (0x80, secret, optional 0x01 compression flag). */
    private static byte[] secretOfWif(String wif) {
        byte[] payload = Base58.decodeChecked(wif);
        assertEquals(0x80, payload[0] & 0xff);
        return Arrays.copyOfRange(payload, 1, 33);
    }
}
