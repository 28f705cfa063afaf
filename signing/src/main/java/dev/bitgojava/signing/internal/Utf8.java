package dev.bitgojava.signing.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Strict UTF-8 encoding of secrets and texts: an unpaired surrogate is refused rather than replaced by {@code ?}. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The UTF-8 bytes of {@code chars} (the caller wipes them), or null when the text has an unpaired surrogate.
     * The encoder's working buffer is wiped.
     */
    public static byte[] encodeSecret(char[] chars) {
        ByteBuffer buf;
        try {
            buf = encoder(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(buf.array(), buf.position(), buf.limit());
        Arrays.fill(buf.array(), (byte) 0);
        return out;
    }

    /** The UTF-8 bytes of {@code text}, or null when it has an unpaired surrogate. */
    public static byte[] encode(String text) {
        try {
            ByteBuffer buf = encoder(CharBuffer.wrap(text));
            return Arrays.copyOfRange(buf.array(), buf.position(), buf.limit());
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static ByteBuffer encoder(CharBuffer chars) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(chars);
    }
}
