package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code addresses} group of {@code eth.json}: the address of a wallet key (the rest of the file is tested elsewhere). */
class EthAddressVectorTest {

    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicTest> addressOfAKey() {
        return VectorFiles.cases("eth.json", "addresses").stream()
                .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(VectorCase c) {
        Bip32Key key = Bip32Key.parse(c.in("xpub"));
        byte[] uncompressed = key.uncompressedPublicKey();
        if (c.expected().has("compressedPublicKeyHex")) {
            assertEquals(c.out("compressedPublicKeyHex"), HEX.formatHex(key.publicKey()), "compressed key");
        }
        if (c.expected().has("uncompressedPublicKeyXYHex")) {
            assertEquals(c.out("uncompressedPublicKeyXYHex"), HEX.formatHex(Arrays.copyOfRange(uncompressed, 1, 65)),
                    "X || Y");
        }
        if (c.expected().has("privateKeyHex")) {
            BigInteger k = new BigInteger(1, HEX.parseHex(c.out("privateKeyHex")));
            byte[] fromPrivate = CustomNamedCurves.getByName("secp256k1").getG().multiply(k).normalize().getEncoded(true);
            assertEquals(HEX.formatHex(key.publicKey()), HEX.formatHex(fromPrivate), "the private key's public key");
        }
        EthAddress address = EthAddress.of(key);
        assertEquals(c.out("address"), address.toString(), "address");
        assertEquals(c.out("checksumAddress"), address.toChecksumString(), "EIP-55 address");
        assertEquals(address, EthAddress.fromPublicKey(key.publicKey()), "from the compressed key");
        assertEquals(address, EthAddress.fromPublicKey(uncompressed), "from the uncompressed key");
        assertEquals(address, EthAddress.parse(c.out("checksumAddress")), "parses the checksummed form");
        assertEquals(address, EthAddress.parse(c.out("address")), "parses the lowercase form");
    }

    @Test
    void mixedCaseWithAWrongChecksumIsRefused() {
        String good = EthAddress.of(Bip32Key.fromSeed(new byte[16])).toChecksumString();
        int letter = 2;
        while (!Character.isLetter(good.charAt(letter))) {
            letter++;
        }
        char c = good.charAt(letter);
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        String bad = good.substring(0, letter) + flipped + good.substring(letter + 1);
        // The fixed key's checksummed address has several letters of each case, so one flip keeps it mixed.
        assertNotEquals(bad.substring(2).toLowerCase(Locale.ROOT), bad.substring(2));
        assertNotEquals(bad.substring(2).toUpperCase(Locale.ROOT), bad.substring(2));
        assertThrows(SigningException.class, () -> EthAddress.parse(bad));
    }

    @Test
    void malformedInputsAreRefused() {
        assertThrows(SigningException.class, () -> EthAddress.parse("0x1234"));
        assertThrows(SigningException.class, () -> EthAddress.parse("0x" + "g".repeat(40)));
        assertThrows(SigningException.class, () -> EthAddress.parse(null));
        assertThrows(SigningException.class, () -> EthAddress.fromPublicKey(new byte[10]));
        byte[] offCurve = new byte[33];
        offCurve[0] = 2;
        offCurve[32] = 7;
        assertThrows(SigningException.class, () -> EthAddress.fromPublicKey(offCurve));
    }
}
