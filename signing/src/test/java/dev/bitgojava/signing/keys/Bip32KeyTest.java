package dev.bitgojava.signing.keys;

import dev.bitgojava.signing.internal.Base58;
import dev.bitgojava.signing.keys.InvalidExtendedKeyException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing checks, path syntax, neutering and cached derivation of {@link Bip32Key}. */
class Bip32KeyTest {

    private static final BigInteger N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final Bip32Key ROOT = Bip32Key.fromSeed(new byte[32]);

    /** The 78-byte payload of a key with one change applied, re-encoded with a valid checksum. */
    private static String mutated(Bip32Key key, boolean xprv, Consumer<byte[]> change) {
        byte[] raw = Base58.decode(xprv ? key.toXprv() : key.toXpub());
        byte[] payload = Arrays.copyOf(raw, 78);
        change.accept(payload);
        return Base58.encodeChecked(payload);
    }

    private static Reason reasonOf(String text) {
        return assertThrows(InvalidExtendedKeyException.class, () -> Bip32Key.parse(text)).reason();
    }

    @Test
    void everyMalformedFieldIsNamed() {
        Bip32Key child = ROOT.derive("0");
        assertEquals(Reason.UNKNOWN_VERSION, reasonOf(mutated(ROOT, true, p -> p[3] ^= 1)));
        assertEquals(Reason.ZERO_DEPTH_WITH_PARENT_FINGERPRINT, reasonOf(mutated(ROOT, true, p -> p[8] = 1)));
        assertEquals(Reason.ZERO_DEPTH_WITH_CHILD_INDEX, reasonOf(mutated(ROOT, false, p -> p[12] = 1)));
        assertEquals(Reason.PRIVATE_VERSION_WITH_PUBLIC_KEY, reasonOf(mutated(ROOT, true,
                p -> System.arraycopy(ROOT.publicKey(), 0, p, 45, 33))));
        assertEquals(Reason.PUBLIC_VERSION_WITH_PRIVATE_KEY, reasonOf(mutated(ROOT, false, p -> {
            p[45] = 0;
            System.arraycopy(ROOT.privateKey(), 0, p, 46, 32);
        })));
        assertEquals(Reason.INVALID_PRIVATE_KEY_PREFIX, reasonOf(mutated(ROOT, true, p -> p[45] = 4)));
        assertEquals(Reason.INVALID_PRIVATE_KEY_PREFIX, reasonOf(mutated(ROOT, true, p -> p[45] = 1)));
        assertEquals(Reason.INVALID_PUBLIC_KEY_PREFIX, reasonOf(mutated(ROOT, false, p -> p[45] = 4)));
        assertEquals(Reason.INVALID_PUBLIC_KEY_PREFIX, reasonOf(mutated(ROOT, false, p -> p[45] = 1)));
        assertEquals(Reason.PRIVATE_KEY_OUT_OF_RANGE, reasonOf(mutated(ROOT, true, p -> Arrays.fill(p, 46, 78, (byte) 0))));
        assertEquals(Reason.PRIVATE_KEY_OUT_OF_RANGE, reasonOf(mutated(ROOT, true,
                p -> System.arraycopy(toBytes32(N), 0, p, 46, 32))));
        assertEquals(Reason.PUBLIC_KEY_NOT_ON_CURVE, reasonOf(mutated(child, false, p -> {
            Arrays.fill(p, 46, 78, (byte) 0);
            p[77] = 7;
        })));
    }

    @Test
    void deriveWithSeedRefusesAKeyThatIsNotAMasterKeyAsBitGosSdkDoes() {
        Bip32Key child = ROOT.derive("0");
        InvalidDerivationPathException e = assertThrows(InvalidDerivationPathException.class,
                () -> child.deriveWithSeed("any seed"));
        assertTrue(e.getMessage().contains("Expected master, got child"), e.getMessage());
        assertThrows(InvalidDerivationPathException.class, () -> child.neuter().deriveWithSeed("any seed"));
    }

    @Test
    void textLevelProblemsAreNamed() {
        String good = ROOT.toXprv();
        char last = good.charAt(good.length() - 1);
        assertEquals(Reason.BAD_CHECKSUM, reasonOf(good.substring(0, good.length() - 1) + (last == 'a' ? 'b' : 'a')));
        assertEquals(Reason.NOT_BASE58, reasonOf("xprv0OIl"));
        assertEquals(Reason.WRONG_LENGTH, reasonOf(good.substring(0, 60)));
        assertEquals(Reason.EMPTY_OR_TOO_LONG, reasonOf(""));
        assertEquals(Reason.EMPTY_OR_TOO_LONG, reasonOf(null));
        assertEquals(Reason.EMPTY_OR_TOO_LONG, reasonOf("1".repeat(1000)));
    }

    @Test
    void hardenedMarkersAreEquivalentAndBadPathsAreRefused() {
        assertEquals(ROOT.derive("m/44'/0'/1"), ROOT.derive("m/44h/0H/1"));
        assertEquals("m/44'/0'/1", Bip32Path.parse("m/44h/0H/1").toString());
        assertEquals("0/0/20/5", Bip32Path.parse("0/0/20/5").toString());
        for (String bad : new String[] {"", "m/", "a", "0//1", "2147483648", "-1", "1/x'", "m/0/", "/0", "0/ 1"}) {
            assertThrows(InvalidDerivationPathException.class, () -> Bip32Path.parse(bad), bad);
        }
        assertThrows(InvalidDerivationPathException.class, () -> ROOT.derive((String) null));
    }

    @Test
    void absolutePathsAreOnlyAcceptedOnMasterKeys() {
        Bip32Key child = ROOT.derive("0/0");
        assertThrows(InvalidDerivationPathException.class, () -> child.derive("m/1"));
        assertEquals(child.derive("1"), ROOT.derive("m/0/0/1"));
        assertEquals(ROOT, ROOT.derive("m"));
    }

    @Test
    void neuteredKeysHoldNoPrivateMaterial() {
        Bip32Key pub = ROOT.derive("0/0").neuter();
        assertFalse(pub.hasPrivateKey());
        assertThrows(PrivateKeyRequiredException.class, pub::privateKey);
        assertThrows(PrivateKeyRequiredException.class, pub::toXprv);
        assertThrows(PrivateKeyRequiredException.class, () -> pub.derive("1'"));
        assertEquals(pub.toXpub(), pub.toBase58());
        assertTrue(pub.toXpub().startsWith("xpub"));
        assertFalse(ROOT.toString().contains(ROOT.toXprv()), "toString never shows the private key");
        assertArrayEquals(ROOT.derive("0/0").publicKey(), pub.publicKey());
    }

    @Test
    void publicAndPrivateDerivationAgreeAcrossManyIndexesWithTheParentCache() {
        Bip32Key xpub = ROOT.neuter();
        Bip32Key chainParent = ROOT.derive("0/0/20");
        for (int index = 0; index < 25; index++) {
            Bip32Key viaCache = ROOT.derive("0/0/20/" + index);
            Bip32Key stepwise = chainParent.deriveChild(index);
            assertEquals(stepwise, viaCache);
            assertEquals(stepwise.toXpub(), xpub.derive("0/0/20/" + index).toXpub());
        }
        for (int chain = 0; chain < 80; chain++) {
            assertEquals(ROOT.derive("0/0").derive(chain + "/3").toXpub(), xpub.derive("0/0/" + chain + "/3").toXpub(),
                    "a full cache is emptied, never wrong");
        }
    }

    @Test
    void generatedKeysAreFreshMasterKeys() {
        SecureRandom random = new SecureRandom();
        Bip32Key a = Bip32Key.generate(random);
        Bip32Key b = Bip32Key.generate(random);
        assertNotEquals(a, b);
        assertEquals(0, a.depth());
        assertTrue(a.hasPrivateKey());
        assertEquals(a, Bip32Key.parse(a.toXprv()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 65})
    void seedsOutsideSixteenToSixtyFourBytesAreRefused(int size) {
        assertThrows(InvalidSeedException.class, () -> Bip32Key.fromSeed(new byte[size]));
    }

    @Test
    void nullSeedIsRefused() {
        assertThrows(InvalidSeedException.class, () -> Bip32Key.fromSeed(null));
    }

    private static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(raw, Math.max(0, raw.length - 32), out, Math.max(0, 32 - raw.length), Math.min(32, raw.length));
        return out;
    }
}
