package dev.bitgojava.signing.keys;

import dev.bitgojava.signing.internal.Hashes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A BIP32 derivation path: {@code m/0/0/20/5}, {@code 0/0/1/7}, {@code m/44'/0'/0'} (hardened as {@code '},
 * {@code h} or {@code H}). A path that starts with {@code m} is absolute and may only be applied to a master key.
 * Immutable.
 */
public final class Bip32Path {

    /** The bit that marks a hardened index. */
    public static final int HARDENED = 0x80000000;

    /** The first index of BitGo's cold-derivation ("derive key with seed") paths. */
    public static final int COLD_DERIVATION_PREFIX = 999999;

    private static final Bip32Path MASTER = new Bip32Path(true, new int[0]);

    private final boolean absolute;
    private final int[] indexes;

    private Bip32Path(boolean absolute, int[] indexes) {
        this.absolute = absolute;
        this.indexes = indexes;
    }

    /** The empty absolute path {@code m}. */
    public static Bip32Path master() {
        return MASTER;
    }

    /**
     * Parses a path. Each step is a decimal index below 2^31, optionally followed by {@code '}, {@code h} or
     * {@code H} for hardened.
     *
     * @throws InvalidDerivationPathException for anything else
     */
    public static Bip32Path parse(String path) {
        if (path == null) {
            throw new InvalidDerivationPathException("no derivation path (null)");
        }
        if (path.isEmpty()) {
            throw new InvalidDerivationPathException("empty derivation path");
        }
        String[] parts = path.split("/", -1);
        boolean absolute = parts[0].equals("m");
        int first = absolute ? 1 : 0;
        int[] indexes = new int[parts.length - first];
        for (int i = first; i < parts.length; i++) {
            indexes[i - first] = parseStep(parts[i], path);
        }
        return new Bip32Path(absolute, indexes);
    }

    private static int parseStep(String step, String path) {
        boolean hardened = step.endsWith("'") || step.endsWith("h") || step.endsWith("H");
        String digits = hardened ? step.substring(0, step.length() - 1) : step;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new InvalidDerivationPathException("invalid step '" + step + "' in derivation path '" + path
                    + "' (expected a decimal index, optionally followed by ' or h)");
        }
        long value = Long.parseLong(digits);
        if (value >= 0x80000000L) {
            throw new InvalidDerivationPathException("index " + value + " in derivation path '" + path
                    + "' is not below 2^31; write hardened steps with ' instead");
        }
        return hardened ? (int) value | HARDENED : (int) value;
    }

    /** A relative path of the given raw indexes (hardened ones carry {@link #HARDENED}). */
    public static Bip32Path of(int... indexes) {
        return new Bip32Path(false, indexes.clone());
    }

    /**
     * BitGo's cold-derivation path for a seed string ({@code deriveKeyWithSeed}): with h = hex of
     * SHA-256(SHA-256(UTF-8 of the seed)), the path is {@code m/999999/int(h[0..7])/int(h[7..14])}.
     */
    public static Bip32Path coldDerivation(String seed) {
        if (seed == null) {
            throw new InvalidDerivationPathException("no derivation seed (null)");
        }
        String h = HexFormat.of().formatHex(doubleSha256(seed.getBytes(StandardCharsets.UTF_8)));
        return new Bip32Path(true, new int[] {COLD_DERIVATION_PREFIX, Integer.parseInt(h.substring(0, 7), 16),
                Integer.parseInt(h.substring(7, 14), 16)});
    }

    static byte[] doubleSha256(byte[] data) {
        return Hashes.hash256(data);
    }

    /** Whether the path starts at the master key ({@code m/...}). */
    public boolean isAbsolute() {
        return absolute;
    }

    /** The number of steps. */
    public int length() {
        return indexes.length;
    }

    /** The raw index of step {@code i} (hardened ones carry {@link #HARDENED}). */
    public int index(int i) {
        return indexes[i];
    }

    /** The raw indexes (a copy). */
    public int[] indexes() {
        return indexes.clone();
    }

    /** Whether any step is hardened. */
    public boolean hasHardenedStep() {
        for (int index : indexes) {
            if ((index & HARDENED) != 0) {
                return true;
            }
        }
        return false;
    }

    int[] rawIndexes() {
        return indexes;
    }

    /** The path as text: {@code m/…} when absolute, hardened steps with {@code '}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(absolute ? "m" : "");
        for (int i = 0; i < indexes.length; i++) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(indexes[i] & ~HARDENED);
            if ((indexes[i] & HARDENED) != 0) {
                sb.append('\'');
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bip32Path p && p.absolute == absolute && Arrays.equals(p.indexes, indexes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indexes) * 2 + (absolute ? 1 : 0);
    }
}
