package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Segwit address encoding and the decoder's refusals. */
class Bech32Test {

    private static String taprootAddress() {
        return VectorFiles.cases("bip341.json", "scriptPubKey").get(0).out("bip350Address");
    }

    @Test
    void decodingAndEncodingAreInverse() {
        String address = taprootAddress();
        Bech32.SegwitAddress decoded = Bech32.decodeSegwitAddress(address);
        assertEquals(1, decoded.witnessVersion());
        assertEquals(address, Bech32.encodeSegwitAddress(decoded.hrp(), 1, decoded.program()));
        Bech32.SegwitAddress upper = Bech32.decodeSegwitAddress(address.toUpperCase(Locale.ROOT));
        assertArrayEquals(decoded.program(), upper.program());
    }

    @Test
    void aChangedCharacterBreaksTheChecksum() {
        String address = taprootAddress();
        char last = address.charAt(address.length() - 1);
        String changed = address.substring(0, address.length() - 1) + (last == 'q' ? 'p' : 'q');
        assertThrows(AddressFormatException.class, () -> Bech32.decodeSegwitAddress(changed));
    }

    @Test
    void theChecksumVariantMustMatchTheWitnessVersion() {
        // BIP 350's invalid examples: a bech32 checksum on version 1, a bech32m checksum on version 0
        for (String address : new String[] {
                "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"}) {
            AddressFormatException e = assertThrows(AddressFormatException.class,
                    () -> Bech32.decodeSegwitAddress(address));
            assertTrue(e.getMessage().contains("variant"), e.getMessage());
        }
    }

    @Test
    void malformedAddressesAreRefused() {
        String address = taprootAddress();
        String mixed = address.substring(0, 5).toUpperCase(Locale.ROOT) + address.substring(5);
        assertThrows(AddressFormatException.class, () -> Bech32.decodeSegwitAddress(mixed));
        assertThrows(AddressFormatException.class, () -> Bech32.decodeSegwitAddress("bc1"));
        assertThrows(AddressFormatException.class, () -> Bech32.decodeSegwitAddress(null));
        assertThrows(AddressFormatException.class, () -> Bech32.decodeSegwitAddress(address.replace('q', 'b')));
        assertThrows(AddressFormatException.class, () -> Bech32.encodeSegwitAddress("bc", 0, new byte[25]));
        assertThrows(AddressFormatException.class, () -> Bech32.encodeSegwitAddress("bc", 17, new byte[32]));
    }
}
