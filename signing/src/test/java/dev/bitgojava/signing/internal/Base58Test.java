package dev.bitgojava.signing.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Base58 against bitcoinj's independent implementation, over lengths and leading-zero runs that cross limb edges. */
class Base58Test {

    private static byte[] randomBytes(Random random, int length, int leadingZeros) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        for (int i = 0; i < Math.min(leadingZeros, length); i++) {
            b[i] = 0;
        }
        return b;
    }

    /** Random byte strings of every length up to 100, each with 0 to 3 leading zero bytes. */
    private static List<byte[]> samples(long seed) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int length = 0; length <= 100; length++) {
            for (int zeros = 0; zeros <= 3; zeros++) {
                out.add(randomBytes(random, length, zeros));
            }
        }
        return out;
    }

    @Test
    void encodesLikeBitcoinjForEveryLengthUpTo100AndLeadingZeroRuns() {
        for (byte[] b : samples(58)) {
            assertEquals(org.bitcoinj.base.Base58.encode(b), Base58.encode(b), "length " + b.length);
        }
    }

    @Test
    void decodesWhatBitcoinjEncodes() {
        for (byte[] b : samples(85)) {
            assertArrayEquals(b, Base58.decode(org.bitcoinj.base.Base58.encode(b)), "length " + b.length);
        }
    }

    @Test
    void decodesTextThatIsNotAnEncodingAsBitcoinjDoes() {
        // Leading "1"s are zero bytes; any other digit string is a number, whatever its length.
        for (String text : new String[] {"1", "11", "z", "1z", "zzzzz", "zzzzzz", "2111111", "11111111111zzzzzzzzzzzz"}) {
            assertArrayEquals(org.bitcoinj.base.Base58.decode(text), Base58.decode(text), text);
        }
    }

    @Test
    void allOnesAndLargeValuesRoundTrip() {
        for (int length = 1; length <= 90; length++) {
            byte[] b = new byte[length];
            java.util.Arrays.fill(b, (byte) 0xFF);
            assertArrayEquals(b, Base58.decode(Base58.encode(b)));
        }
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        for (String text : new String[] {"0", "O", "I", "l", "abc+", "é", "1 1"}) {
            assertNull(Base58.decode(text), text);
        }
    }

    @Test
    void emptyTextIsNoBytes() {
        assertArrayEquals(new byte[0], Base58.decode(""));
        assertEquals("", Base58.encode(new byte[0]));
    }
}
