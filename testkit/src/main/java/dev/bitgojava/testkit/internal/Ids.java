package dev.bitgojava.testkit.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers in BitGo's formats. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    /** A 32-hex-digit id like BitGo's wallet, user and enterprise ids. */
    public static String id32() {
        return hex(16);
    }

    /** {@code n} random bytes as lowercase hex. */
    public static String hex(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** {@code n} random bytes. */
    public static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
