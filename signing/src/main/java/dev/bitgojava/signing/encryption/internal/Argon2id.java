package dev.bitgojava.signing.encryption.internal;

import org.bouncycastle.crypto.digests.Blake2bDigest;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id, version 0x13 (RFC 9106), in plain Java, written for speed: the memory is one flat {@code long[]} (128
 * words per 1 KiB block, no per-block objects), the compression function allocates nothing and starts loading the
 * next reference block as soon as its address is known, and the lanes of each slice (which depend on each other
 * only at slice boundaries) are
 * filled concurrently on up to {@code min(p, availableProcessors)} threads: the calling thread plus helpers from the
 * common {@link ForkJoinPool}. A helper that starts late finds no lane left and returns at once, so a busy pool only
 * makes the caller do more of the work; with one processor everything runs on the caller.
 *
 * <p>The working memory is allocated per call and wiped before it is released. Stateless and thread-safe.
 */
public final class Argon2id {

    private static final int BLOCK_WORDS = 128;
    private static final int SYNC_POINTS = 4;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final long M = 0xFFFFFFFFL;
    private static final byte[] EMPTY = new byte[0];
    /** The most memory one flat {@code long[]} can hold with int word offsets: 16 GiB less 1 KiB. */
    private static final int MAX_MEMORY_KIB = Integer.MAX_VALUE / BLOCK_WORDS;

    /**
     * System property that caps the threads one hash uses (a positive number; {@code 1} keeps all work on the
     * calling thread). Read once.
     */
    public static final String THREADS_PROPERTY = "bitgo.argon2.threads";

    private static final int MAX_THREADS = maxThreads();

    /** Receives the prefetching loads so that the compiler keeps them; never read. */
    @SuppressWarnings("unused")
    private static long prefetchSink;

    private Argon2id() {
    }

    /**
     * The {@code tagLength}-byte Argon2id tag of {@code password} and {@code salt} with memory {@code memoryKiB}
     * (at least {@code 8 * parallelism}), {@code iterations} passes and {@code parallelism} lanes, without secret
     * or associated data, on the default number of threads.
     */
    public static byte[] hash(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism,
                              int tagLength) {
        return hash(password, salt, EMPTY, EMPTY, memoryKiB, iterations, parallelism, tagLength,
                defaultThreads(parallelism));
    }

    /**
     * The full Argon2id: with a {@code secret} (K) and {@code associatedData} (X), both possibly empty, and an upper
     * bound on the threads that fill lanes (1 = only the caller).
     */
    public static byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
                              int iterations, int parallelism, int tagLength, int threads) {
        if (parallelism < 1 || parallelism > 0xFFFFFF || iterations < 1 || tagLength < 4 || threads < 1
                || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
        int workers = Math.min(threads, parallelism);
        Executor pool = workers > 1 ? ForkJoinPool.commonPool() : null;
        Instance in = new Instance(memoryKiB, iterations, parallelism);
        byte[] h0 = initialHash(password, salt, secret, associatedData, memoryKiB, iterations, parallelism,
                tagLength);
        long[] last = new long[BLOCK_WORDS];
        try {
            in.firstBlocks(h0);
            for (int pass = 0; pass < iterations; pass++) {
                for (int slice = 0; slice < SYNC_POINTS; slice++) {
                    in.fillSlice(pass, slice, pool, workers);
                }
            }
            for (int lane = 0; lane < parallelism; lane++) {
                int off = (lane * in.laneLength + in.laneLength - 1) * BLOCK_WORDS;
                for (int k = 0; k < BLOCK_WORDS; k++) {
                    last[k] ^= in.memory[off + k];
                }
            }
            byte[] lastBytes = new byte[BLOCK_WORDS * 8];
            wordsToBytes(last, lastBytes);
            byte[] tag = new byte[tagLength];
            variableHash(lastBytes, tag);
            Arrays.fill(lastBytes, (byte) 0);
            return tag;
        } finally {
            Arrays.fill(h0, (byte) 0);
            Arrays.fill(last, 0L);
            in.wipe(pool, workers);
        }
    }

    /**
     * Threads used by default: one per lane, at most one per processor, no more helpers than the common pool has,
     * and no more than {@link #THREADS_PROPERTY} allows when it is set.
     */
    public static int defaultThreads(int parallelism) {
        int cpus = Runtime.getRuntime().availableProcessors();
        int helpers = Math.min(cpus - 1, ForkJoinPool.getCommonPoolParallelism());
        int threads = Math.max(1, Math.min(parallelism, helpers + 1));
        return Math.min(threads, MAX_THREADS);
    }

    private static int maxThreads() {
        String value = System.getProperty(THREADS_PROPERTY, "").trim();
        if (value.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    // ------------------------------------------------------------------------------------------------ instance

    /** The working memory of one hash and its geometry. */
    private static final class Instance {
        final int lanes;
        final int laneLength;
        final int segmentLength;
        final int blocks;
        final int passes;
        final long[] memory;

        Instance(int memoryKiB, int iterations, int parallelism) {
            int segment = memoryKiB / (SYNC_POINTS * parallelism);
            this.lanes = parallelism;
            this.segmentLength = segment;
            this.laneLength = segment * SYNC_POINTS;
            this.blocks = laneLength * parallelism;
            this.passes = iterations;
            this.memory = new long[blocks * BLOCK_WORDS];
        }

        /** B[i][0] = H'(H0 || 0 || i), B[i][1] = H'(H0 || 1 || i). */
        void firstBlocks(byte[] h0) {
            byte[] input = Arrays.copyOf(h0, 72);
            byte[] block = new byte[BLOCK_WORDS * 8];
            try {
                for (int lane = 0; lane < lanes; lane++) {
                    for (int j = 0; j < 2; j++) {
                        putIntLe(input, 64, j);
                        putIntLe(input, 68, lane);
                        variableHash(input, block);
                        bytesToWords(block, memory, (lane * laneLength + j) * BLOCK_WORDS);
                    }
                }
            } finally {
                Arrays.fill(input, (byte) 0);
                Arrays.fill(block, (byte) 0);
            }
        }

        void fillSlice(int pass, int slice, Executor pool, int workers) {
            if (pool == null) {
                for (int lane = 0; lane < lanes; lane++) {
                    fillSegment(pass, lane, slice);
                }
                return;
            }
            runLanes(pool, workers, lane -> fillSegment(pass, lane, slice));
        }

        /** Zeroes the working memory, lane by lane on the same threads. */
        void wipe(Executor pool, int workers) {
            if (pool == null) {
                Arrays.fill(memory, 0L);
                return;
            }
            runLanes(pool, workers, lane -> Arrays.fill(memory, lane * laneLength * BLOCK_WORDS,
                    (lane + 1) * laneLength * BLOCK_WORDS, 0L));
        }

        /**
         * Runs {@code task} once for every lane on the caller and up to {@code workers - 1} pool threads, and
         * returns when all lanes are done; the latch orders every write of the lanes before what the caller does
         * next, and the next slice's helpers see them through the pool's hand-off.
         */
        private void runLanes(Executor pool, int workers, LaneTask task) {
            LaneRun run = new LaneRun(lanes, task);
            for (int h = 1; h < workers; h++) {
                pool.execute(run);
            }
            run.run();
            run.await();
        }

        /** Fills one segment: the blocks of {@code lane} in {@code slice} of {@code pass}. */
        private void fillSegment(int pass, int lane, int slice) {
            long[] mem = memory;
            boolean dataIndependent = pass == 0 && slice < SYNC_POINTS / 2;
            long[] r = new long[BLOCK_WORDS];
            long[] z = new long[BLOCK_WORDS];
            long[] address = null;
            long[] addressInput = null;
            long[] zero = null;
            int start = pass == 0 && slice == 0 ? 2 : 0;
            if (dataIndependent) {
                address = new long[BLOCK_WORDS];
                addressInput = new long[BLOCK_WORDS];
                zero = new long[BLOCK_WORDS];
                addressInput[0] = pass;
                addressInput[1] = lane;
                addressInput[2] = slice;
                addressInput[3] = blocks;
                addressInput[4] = passes;
                addressInput[5] = TYPE_ID;
                if (start == 2) {
                    nextAddresses(addressInput, address, zero, r, z);
                }
            }
            int laneStart = lane * laneLength;
            int index = slice * segmentLength + start;
            int cur = laneStart + index;
            int prev = index == 0 ? laneStart + laneLength - 1 : cur - 1;
            boolean xor = pass > 0;
            int pendingRef = -1;
            long touched = 0;
            for (int i = start; i < segmentLength; i++, cur++, prev = cur - 1) {
                int refOff = pendingRef;
                if (dataIndependent && (i & (BLOCK_WORDS - 1)) == 0) {
                    nextAddresses(addressInput, address, zero, r, z);
                }
                if (refOff < 0) {
                    long pseudoRandom = dataIndependent ? address[i & (BLOCK_WORDS - 1)] : mem[prev * BLOCK_WORDS];
                    refOff = referenceOffset(pass, slice, lane, i, pseudoRandom);
                }
                int prevOff = prev * BLOCK_WORDS;
                int curOff = cur * BLOCK_WORDS;
                for (int k = 0; k < BLOCK_WORDS; k++) {
                    long w = mem[prevOff + k] ^ mem[refOff + k];
                    r[k] = w;
                    z[k] = w;
                }
                for (int base = 0; base < BLOCK_WORDS; base += 16) {
                    rowRound(z, base);
                }
                columnRound(z, 0);
                // Word 0 of the new block is final now, and with it the next block's reference: load one word of
                // each of its cache lines so that they all arrive while the other columns are computed.
                pendingRef = -1;
                int next = i + 1;
                if (next < segmentLength && !(dataIndependent && (next & (BLOCK_WORDS - 1)) == 0)) {
                    long nextRandom = dataIndependent ? address[next & (BLOCK_WORDS - 1)]
                            : z[0] ^ r[0] ^ (xor ? mem[curOff] : 0);
                    pendingRef = referenceOffset(pass, slice, lane, next, nextRandom);
                    for (int k = 0; k < BLOCK_WORDS; k += 8) {
                        touched ^= mem[pendingRef + k];
                    }
                    touched ^= mem[pendingRef + BLOCK_WORDS - 1];
                }
                for (int c = 2; c < 16; c += 2) {
                    columnRound(z, c);
                }
                if (xor) {
                    for (int k = 0; k < BLOCK_WORDS; k++) {
                        mem[curOff + k] ^= z[k] ^ r[k];
                    }
                } else {
                    for (int k = 0; k < BLOCK_WORDS; k++) {
                        mem[curOff + k] = z[k] ^ r[k];
                    }
                }
            }
            prefetchSink = touched;
            Arrays.fill(r, 0L);
            Arrays.fill(z, 0L);
            if (address != null) {
                Arrays.fill(address, 0L);
                Arrays.fill(addressInput, 0L);
            }
        }

        /** The word offset in memory of the block that block {@code i} of the segment references. */
        private int referenceOffset(int pass, int slice, int lane, int i, long pseudoRandom) {
            int refLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
            int refIndex = referenceIndex(pass, slice, i, pseudoRandom & M, refLane == lane);
            return (refLane * laneLength + refIndex) * BLOCK_WORDS;
        }

        /** The reference block's index within its lane (RFC 9106 section 3.4.2). */
        private int referenceIndex(int pass, int slice, int i, long j1, boolean sameLane) {
            long areaSize;
            if (pass == 0) {
                if (slice == 0) {
                    areaSize = i - 1;
                } else if (sameLane) {
                    areaSize = (long) slice * segmentLength + i - 1;
                } else {
                    areaSize = (long) slice * segmentLength + (i == 0 ? -1 : 0);
                }
            } else if (sameLane) {
                areaSize = laneLength - segmentLength + i - 1;
            } else {
                areaSize = laneLength - segmentLength + (i == 0 ? -1 : 0);
            }
            long x = (j1 * j1) >>> 32;
            long relative = areaSize - 1 - ((areaSize * x) >>> 32);
            long startPosition = pass != 0 && slice != SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
            return (int) ((startPosition + relative) % laneLength);
        }
    }

    /** The next block of 128 pseudo-random reference positions for data-independent addressing. */
    private static void nextAddresses(long[] input, long[] address, long[] zero, long[] r, long[] z) {
        input[6]++;
        compress(zero, 0, input, 0, address, 0, false, r, z);
        compress(zero, 0, address, 0, address, 0, false, r, z);
    }

    /**
     * The compression function G: {@code R = x ^ y}, then {@code out = P(R) ^ R}, or with {@code xor} {@code out ^=
     * P(R) ^ R}. P applies a BLAKE2b round to each row of 16 words and then to each pair of columns.
     * {@code out} may be {@code y}'s block only when it is not also being read after the row steps (true for the
     * address blocks, whose source is fully consumed by the row steps).
     */
    private static void compress(long[] x, int xOff, long[] y, int yOff, long[] out, int outOff, boolean xor,
                                 long[] r, long[] z) {
        for (int k = 0; k < BLOCK_WORDS; k++) {
            long w = x[xOff + k] ^ y[yOff + k];
            r[k] = w;
            z[k] = w;
        }
        for (int base = 0; base < BLOCK_WORDS; base += 16) {
            rowRound(z, base);
        }
        for (int c = 0; c < 16; c += 2) {
            columnRound(z, c);
        }
        if (xor) {
            for (int k = 0; k < BLOCK_WORDS; k++) {
                out[outOff + k] ^= z[k] ^ r[k];
            }
        } else {
            for (int k = 0; k < BLOCK_WORDS; k++) {
                out[outOff + k] = z[k] ^ r[k];
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ hashing

    /** H0: BLAKE2b-512 over the parameters, the password, the salt, the secret and the associated data. */
    private static byte[] initialHash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                                      int memoryKiB, int iterations, int parallelism, int tagLength) {
        Blake2bDigest digest = new Blake2bDigest(512);
        byte[] word = new byte[4];
        for (int value : new int[] {parallelism, tagLength, memoryKiB, iterations, VERSION, TYPE_ID}) {
            updateInt(digest, word, value);
        }
        updateInt(digest, word, password.length);
        digest.update(password, 0, password.length);
        updateInt(digest, word, salt.length);
        digest.update(salt, 0, salt.length);
        updateInt(digest, word, secret.length);
        digest.update(secret, 0, secret.length);
        updateInt(digest, word, associatedData.length);
        digest.update(associatedData, 0, associatedData.length);
        byte[] h0 = new byte[64];
        digest.doFinal(h0, 0);
        return h0;
    }

    /** H': the variable-length hash of RFC 9106 section 3.3, filling all of {@code out}. */
    static void variableHash(byte[] input, byte[] out) {
        byte[] word = new byte[4];
        int length = out.length;
        if (length <= 64) {
            Blake2bDigest digest = new Blake2bDigest(length * 8);
            updateInt(digest, word, length);
            digest.update(input, 0, input.length);
            digest.doFinal(out, 0);
            return;
        }
        byte[] v = new byte[64];
        Blake2bDigest digest = new Blake2bDigest(512);
        updateInt(digest, word, length);
        digest.update(input, 0, input.length);
        digest.doFinal(v, 0);
        int r = (length + 31) / 32 - 2;
        int pos = 0;
        System.arraycopy(v, 0, out, pos, 32);
        pos += 32;
        for (int i = 1; i < r; i++) {
            digest.update(v, 0, 64);
            digest.doFinal(v, 0);
            System.arraycopy(v, 0, out, pos, 32);
            pos += 32;
        }
        Blake2bDigest lastDigest = new Blake2bDigest((length - 32 * r) * 8);
        lastDigest.update(v, 0, 64);
        lastDigest.doFinal(out, pos);
        Arrays.fill(v, (byte) 0);
    }

    private static void updateInt(Blake2bDigest digest, byte[] word, int value) {
        putIntLe(word, 0, value);
        digest.update(word, 0, 4);
    }

    private static void putIntLe(byte[] b, int off, int value) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
        b[off + 2] = (byte) (value >>> 16);
        b[off + 3] = (byte) (value >>> 24);
    }

    private static void bytesToWords(byte[] bytes, long[] words, int off) {
        for (int k = 0; k < BLOCK_WORDS; k++) {
            long w = 0;
            for (int b = 7; b >= 0; b--) {
                w = (w << 8) | (bytes[k * 8 + b] & 0xFF);
            }
            words[off + k] = w;
        }
    }

    private static void wordsToBytes(long[] words, byte[] bytes) {
        for (int k = 0; k < BLOCK_WORDS; k++) {
            long w = words[k];
            for (int b = 0; b < 8; b++) {
                bytes[k * 8 + b] = (byte) (w >>> (8 * b));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ threads

    /** Work on one lane of a slice. */
    @FunctionalInterface
    private interface LaneTask {
        void run(int lane);
    }

    /**
     * One slice's lanes, handed out one at a time to whichever thread asks first; the caller waits on the latch
     * until every lane is done and rethrows the first failure.
     */
    private static final class LaneRun implements Runnable {
        private final int lanes;
        private final LaneTask task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private volatile Throwable failure;

        LaneRun(int lanes, LaneTask task) {
            this.lanes = lanes;
            this.task = task;
            this.done = new CountDownLatch(lanes);
        }

        @Override
        public void run() {
            int lane;
            while ((lane = next.getAndIncrement()) < lanes) {
                try {
                    task.run(lane);
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    done.countDown();
                }
            }
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ rounds

    /** One BLAKE2b round on row {@code base / 16} of the block in {@code v} (words base..base+15). */
    private static void rowRound(long[] v, int base) {
        g(v, base + 0, base + 4, base + 8, base + 12);
        g(v, base + 1, base + 5, base + 9, base + 13);
        g(v, base + 2, base + 6, base + 10, base + 14);
        g(v, base + 3, base + 7, base + 11, base + 15);
        g(v, base + 0, base + 5, base + 10, base + 15);
        g(v, base + 1, base + 6, base + 11, base + 12);
        g(v, base + 2, base + 7, base + 8, base + 13);
        g(v, base + 3, base + 4, base + 9, base + 14);
    }

    /** One BLAKE2b round on the column pair {@code c / 2} of the block in {@code v} (words c, c+1, c+16, ...). */
    private static void columnRound(long[] v, int c) {
        g(v, c + 0, c + 32, c + 64, c + 96);
        g(v, c + 1, c + 33, c + 65, c + 97);
        g(v, c + 16, c + 48, c + 80, c + 112);
        g(v, c + 17, c + 49, c + 81, c + 113);
        g(v, c + 0, c + 33, c + 80, c + 113);
        g(v, c + 1, c + 48, c + 81, c + 96);
        g(v, c + 16, c + 49, c + 64, c + 97);
        g(v, c + 17, c + 32, c + 65, c + 112);
    }

    /** BLAKE2b's G with Argon2's multiplication (BlaMka) on four words of {@code v}. */
    private static void g(long[] v, int a, int b, int c, int d) {
        long va = v[a];
        long vb = v[b];
        long vc = v[c];
        long vd = v[d];
        va += vb + 2 * (va & M) * (vb & M);
        vd = Long.rotateRight(vd ^ va, 32);
        vc += vd + 2 * (vc & M) * (vd & M);
        vb = Long.rotateRight(vb ^ vc, 24);
        va += vb + 2 * (va & M) * (vb & M);
        vd = Long.rotateRight(vd ^ va, 16);
        vc += vd + 2 * (vc & M) * (vd & M);
        vb = Long.rotateRight(vb ^ vc, 63);
        v[a] = va;
        v[b] = vb;
        v[c] = vc;
        v[d] = vd;
    }
}
