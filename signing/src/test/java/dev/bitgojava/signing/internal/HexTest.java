package dev.bitgojava.signing.internal;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Hex against the JDK's {@link HexFormat}, over every byte value. */
class HexTest {

    private static byte[] everyByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    @Test
    void encodesEveryByteValueInLowercaseAsTheJdkDoes() {
        assertEquals(HexFormat.of().formatHex(everyByte()), Hex.encode(everyByte()));
    }

    @Test
    void encodesASliceIntoAnArrayAtAnOffset() {
        byte[] out = new byte[10];
        Hex.encodeInto(new byte[] {1, (byte) 0xab, (byte) 0xff, 2}, 1, 2, out, 3);
        assertArrayEquals(new byte[] {0, 0, 0, 'a', 'b', 'f', 'f', 0, 0, 0}, out);
    }

    @Test
    void decodesEitherCaseAndRejectsOtherLengthsAndCharacters() {
        String upper = HexFormat.of().withUpperCase().formatHex(everyByte());
        assertArrayEquals(everyByte(), Hex.decodeStrict(upper, 256));
        assertArrayEquals(everyByte(), Hex.decodeOrNull(upper.toLowerCase()));
        assertNull(Hex.decodeStrict("abc", 2));
        assertNull(Hex.decodeStrict("0g", 1));
        assertNull(Hex.decodeOrNull("abc"));
    }
}
