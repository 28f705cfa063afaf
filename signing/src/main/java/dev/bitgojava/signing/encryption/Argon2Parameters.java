package dev.bitgojava.signing.encryption;

/**
 * Argon2id costs of a version-2 envelope: memory in KiB, passes over memory, and lanes.
 *
 * @param memoryKiB   memory size in KiB ({@code m}); at least {@code 8 * parallelism}, at most 262144
 * @param iterations  number of passes ({@code t}), 1 to 16
 * @param parallelism number of lanes ({@code p}), 1 to 16
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

    /** BitGo's defaults: 64 MiB, 3 passes, 4 lanes. */
    public static final Argon2Parameters BITGO_DEFAULT = new Argon2Parameters(65536, 3, 4);

    /** The largest memory size BitGoJS accepts when decrypting, in KiB. */
    public static final int MAX_MEMORY_KIB = 262144;
    /** The largest pass count BitGoJS accepts when decrypting. */
    public static final int MAX_ITERATIONS = 16;
    /** The largest lane count BitGoJS accepts when decrypting. */
    public static final int MAX_PARALLELISM = 16;

    /** Validates the costs against the limits BitGoJS enforces. */
    public Argon2Parameters {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new UnsupportedEnvelopeException("Argon2 iterations t=" + iterations + " outside 1.." + MAX_ITERATIONS);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new UnsupportedEnvelopeException("Argon2 parallelism p=" + parallelism + " outside 1.." + MAX_PARALLELISM);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new UnsupportedEnvelopeException("Argon2 memory m=" + memoryKiB + " KiB outside " + 8 * parallelism
                    + ".." + MAX_MEMORY_KIB + " (at least 8 KiB per lane)");
        }
    }
}
