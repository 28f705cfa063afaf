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
 * <p>The working memory is wiped after every hash; one wiped array is kept for a second for the next hash
 * ({@link Argon2Memory}). Thread-safe.
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
            Argon2Memory.giveBack(in.memory);
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
            this.memory = Argon2Memory.take(blocks * BLOCK_WORDS);
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

        /**
         * Fills the slice's segments in {@code workers} groups of neighbouring lanes, one group per thread; a
         * group's lanes advance block by block together (see {@link #fillSegments}).
         */
        void fillSlice(int pass, int slice, Executor pool, int workers) {
            int groupSize = (lanes + workers - 1) / workers;
            int groups = (lanes + groupSize - 1) / groupSize;
            if (pool == null || groups == 1) {
                for (int g = 0; g < groups; g++) {
                    int first = g * groupSize;
                    fillSegments(pass, slice, first, Math.min(groupSize, lanes - first));
                }
                return;
            }
            runTasks(pool, workers, groups, g -> {
                int first = g * groupSize;
                fillSegments(pass, slice, first, Math.min(groupSize, lanes - first));
            });
        }

        /** Zeroes the working memory, lane by lane on the same threads. */
        void wipe(Executor pool, int workers) {
            if (pool == null) {
                Arrays.fill(memory, 0L);
                return;
            }
            runTasks(pool, workers, lanes, lane -> Arrays.fill(memory, lane * laneLength * BLOCK_WORDS,
                    (lane + 1) * laneLength * BLOCK_WORDS, 0L));
        }

        /**
         * Runs {@code task} once for each of {@code tasks} indices on the caller and up to {@code workers - 1}
         * pool threads, and returns when all are done; the latch orders every write of the tasks before what the
         * caller does next, and the next slice's helpers see them through the pool's hand-off.
         */
        private static void runTasks(Executor pool, int workers, int tasks, Task task) {
            TaskRun run = new TaskRun(tasks, task);
            for (int h = 1; h < workers; h++) {
                pool.execute(run);
            }
            run.run();
            run.await();
        }

        /**
         * Fills the segments of {@code count} lanes from {@code firstLane} in {@code slice} of {@code pass}, block
         * by block for all of them together: first the reference blocks of every lane's next block are looked up
         * and one word of each of their cache lines is loaded, so that the lanes' memory latencies overlap, then
         * the blocks are computed one after the other.
         */
        private void fillSegments(int pass, int slice, int firstLane, int count) {
            long[] mem = memory;
            boolean dataIndependent = pass == 0 && slice < SYNC_POINTS / 2;
            boolean xor = pass > 0;
            int start = pass == 0 && slice == 0 ? 2 : 0;
            Work work = new Work();
            int[] cur = new int[count];
            int[] prev = new int[count];
            int[] ref = new int[count];
            long[][] address = dataIndependent ? new long[count][BLOCK_WORDS] : null;
            long[][] addressInput = dataIndependent ? new long[count][BLOCK_WORDS] : null;
            long[] zero = dataIndependent ? new long[BLOCK_WORDS] : null;
            for (int j = 0; j < count; j++) {
                int lane = firstLane + j;
                int index = slice * segmentLength + start;
                cur[j] = lane * laneLength + index;
                prev[j] = index == 0 ? lane * laneLength + laneLength - 1 : cur[j] - 1;
                if (dataIndependent) {
                    long[] input = addressInput[j];
                    input[0] = pass;
                    input[1] = lane;
                    input[2] = slice;
                    input[3] = blocks;
                    input[4] = passes;
                    input[5] = TYPE_ID;
                    if (start == 2) {
                        nextAddresses(input, address[j], zero, work);
                    }
                }
            }
            long touched = 0;
            for (int i = start; i < segmentLength; i++) {
                for (int j = 0; j < count; j++) {
                    long pseudoRandom;
                    if (dataIndependent) {
                        if ((i & (BLOCK_WORDS - 1)) == 0) {
                            nextAddresses(addressInput[j], address[j], zero, work);
                        }
                        pseudoRandom = address[j][i & (BLOCK_WORDS - 1)];
                    } else {
                        pseudoRandom = mem[prev[j] * BLOCK_WORDS];
                    }
                    int refOff = referenceOffset(pass, slice, firstLane + j, i, pseudoRandom);
                    ref[j] = refOff;
                    if (count > 1) {
                        for (int k = 0; k < BLOCK_WORDS; k += 8) {
                            touched ^= mem[refOff + k];
                        }
                        touched ^= mem[refOff + BLOCK_WORDS - 1];
                    }
                }
                for (int j = 0; j < count; j++) {
                    int curOff = cur[j] * BLOCK_WORDS;
                    permute(mem, prev[j] * BLOCK_WORDS, mem, ref[j], work);
                    if (xor) {
                        storeXor(work, mem, curOff);
                    } else {
                        store(work, mem, curOff);
                    }
                    prev[j] = cur[j];
                    cur[j]++;
                }
            }
            prefetchSink = touched;
            work.wipe();
            if (dataIndependent) {
                for (int j = 0; j < count; j++) {
                    Arrays.fill(address[j], 0L);
                    Arrays.fill(addressInput[j], 0L);
                }
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
    private static void nextAddresses(long[] input, long[] address, long[] zero, Work work) {
        input[6]++;
        permute(zero, 0, input, 0, work);
        store(work, address, 0);
        permute(zero, 0, address, 0, work);
        store(work, address, 0);
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

    /** One of the numbered pieces of work of a slice. */
    @FunctionalInterface
    private interface Task {
        void run(int index);
    }

    /**
     * One slice's tasks, handed out one at a time to whichever thread asks first; the caller waits on the latch
     * until every task is done and rethrows the first failure.
     */
    private static final class TaskRun implements Runnable {
        private final int tasks;
        private final Task task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private volatile Throwable failure;

        TaskRun(int tasks, Task task) {
            this.tasks = tasks;
            this.task = task;
            this.done = new CountDownLatch(tasks);
        }

        @Override
        public void run() {
            int index;
            while ((index = next.getAndIncrement()) < tasks) {
                try {
                    task.run(index);
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

    // ------------------------------------------------------------------------------------------------ compression
    //
    // The permutation P of the compression function is 64 applications of BLAKE2b's G (with BlaMka's
    // multiplication), in four groups of 32 that are independent of each other: the first and the second half of
    // the row rounds, then of the column rounds. Each group runs as one loop over 32 lanes of four arrays
    // (gv), which the JIT compiles to SIMD instructions; between the groups the words are moved so that the
    // four operands of each G sit at the same index of the four arrays.

    /** The working arrays of one thread's compressions: the words of R and the operand arrays of each group. */
    static final class Work {
        final long[] r = new long[BLOCK_WORDS];
        final long[] a = new long[32];
        final long[] b = new long[32];
        final long[] c = new long[32];
        final long[] d = new long[32];
        final long[] b2 = new long[32];
        final long[] c2 = new long[32];
        final long[] d2 = new long[32];
        final long[] p0 = new long[32];
        final long[] p1 = new long[32];
        final long[] p2 = new long[32];
        final long[] p3 = new long[32];
        final long[] q1 = new long[32];
        final long[] q2 = new long[32];
        final long[] q3 = new long[32];

        void wipe() {
            for (long[] w : new long[][] {r, a, b, c, d, b2, c2, d2, p0, p1, p2, p3, q1, q2, q3}) {
                Arrays.fill(w, 0L);
            }
        }
    }

    /**
     * R = x ^ y into {@code w.r}, then P(R) into the work arrays; {@link #finalWord0} and {@link #store} read the
     * result.
     */
    private static void permute(long[] x, int xOff, long[] y, int yOff, Work w) {
        long[] r = w.r;
        long[] a = w.a;
        long[] b = w.b;
        long[] c = w.c;
        long[] d = w.d;
        for (int row = 0; row < 8; row++) {
            int o = row * 16;
            long v0 = x[xOff + o + 0] ^ y[yOff + o + 0];
            long v1 = x[xOff + o + 1] ^ y[yOff + o + 1];
            long v2 = x[xOff + o + 2] ^ y[yOff + o + 2];
            long v3 = x[xOff + o + 3] ^ y[yOff + o + 3];
            long v4 = x[xOff + o + 4] ^ y[yOff + o + 4];
            long v5 = x[xOff + o + 5] ^ y[yOff + o + 5];
            long v6 = x[xOff + o + 6] ^ y[yOff + o + 6];
            long v7 = x[xOff + o + 7] ^ y[yOff + o + 7];
            long v8 = x[xOff + o + 8] ^ y[yOff + o + 8];
            long v9 = x[xOff + o + 9] ^ y[yOff + o + 9];
            long v10 = x[xOff + o + 10] ^ y[yOff + o + 10];
            long v11 = x[xOff + o + 11] ^ y[yOff + o + 11];
            long v12 = x[xOff + o + 12] ^ y[yOff + o + 12];
            long v13 = x[xOff + o + 13] ^ y[yOff + o + 13];
            long v14 = x[xOff + o + 14] ^ y[yOff + o + 14];
            long v15 = x[xOff + o + 15] ^ y[yOff + o + 15];
            r[o + 0] = v0;
            r[o + 1] = v1;
            r[o + 2] = v2;
            r[o + 3] = v3;
            r[o + 4] = v4;
            r[o + 5] = v5;
            r[o + 6] = v6;
            r[o + 7] = v7;
            r[o + 8] = v8;
            r[o + 9] = v9;
            r[o + 10] = v10;
            r[o + 11] = v11;
            r[o + 12] = v12;
            r[o + 13] = v13;
            r[o + 14] = v14;
            r[o + 15] = v15;
            a[0 + row] = v0;
            a[8 + row] = v1;
            a[16 + row] = v2;
            a[24 + row] = v3;
            b[0 + row] = v4;
            b[8 + row] = v5;
            b[16 + row] = v6;
            b[24 + row] = v7;
            c[0 + row] = v8;
            c[8 + row] = v9;
            c[16 + row] = v10;
            c[24 + row] = v11;
            d[0 + row] = v12;
            d[8 + row] = v13;
            d[16 + row] = v14;
            d[24 + row] = v15;
        }
        gv(a, b, c, d);
        long[] b2 = w.b2;
        long[] c2 = w.c2;
        long[] d2 = w.d2;
        System.arraycopy(b, 8, b2, 0, 24);
        System.arraycopy(b, 0, b2, 24, 8);
        System.arraycopy(c, 16, c2, 0, 16);
        System.arraycopy(c, 0, c2, 16, 16);
        System.arraycopy(d, 24, d2, 0, 8);
        System.arraycopy(d, 0, d2, 8, 24);
        gv(a, b2, c2, d2);
        toColumns(w);
        long[] p1 = w.p1;
        long[] p2 = w.p2;
        long[] p3 = w.p3;
        long[] q1 = w.q1;
        long[] q3 = w.q3;
        gv(w.p0, p1, p2, p3);
        q1[0] = p1[1];
        q1[1] = p1[16];
        q1[2] = p1[3];
        q1[3] = p1[18];
        q1[4] = p1[5];
        q1[5] = p1[20];
        q1[6] = p1[7];
        q1[7] = p1[22];
        q1[8] = p1[9];
        q1[9] = p1[24];
        q1[10] = p1[11];
        q1[11] = p1[26];
        q1[12] = p1[13];
        q1[13] = p1[28];
        q1[14] = p1[15];
        q1[15] = p1[30];
        q1[16] = p1[17];
        q1[17] = p1[0];
        q1[18] = p1[19];
        q1[19] = p1[2];
        q1[20] = p1[21];
        q1[21] = p1[4];
        q1[22] = p1[23];
        q1[23] = p1[6];
        q1[24] = p1[25];
        q1[25] = p1[8];
        q1[26] = p1[27];
        q1[27] = p1[10];
        q1[28] = p1[29];
        q1[29] = p1[12];
        q1[30] = p1[31];
        q1[31] = p1[14];
        System.arraycopy(p2, 16, w.q2, 0, 16);
        System.arraycopy(p2, 0, w.q2, 16, 16);
        q3[0] = p3[17];
        q3[1] = p3[0];
        q3[2] = p3[19];
        q3[3] = p3[2];
        q3[4] = p3[21];
        q3[5] = p3[4];
        q3[6] = p3[23];
        q3[7] = p3[6];
        q3[8] = p3[25];
        q3[9] = p3[8];
        q3[10] = p3[27];
        q3[11] = p3[10];
        q3[12] = p3[29];
        q3[13] = p3[12];
        q3[14] = p3[31];
        q3[15] = p3[14];
        q3[16] = p3[1];
        q3[17] = p3[16];
        q3[18] = p3[3];
        q3[19] = p3[18];
        q3[20] = p3[5];
        q3[21] = p3[20];
        q3[22] = p3[7];
        q3[23] = p3[22];
        q3[24] = p3[9];
        q3[25] = p3[24];
        q3[26] = p3[11];
        q3[27] = p3[26];
        q3[28] = p3[13];
        q3[29] = p3[28];
        q3[30] = p3[15];
        q3[31] = p3[30];
        gv(w.p0, q1, w.q2, q3);
    }

    /** Moves the words from the row rounds' diagonal arrangement to the column rounds' first arrangement. */
    private static void toColumns(Work w) {
        long[] a = w.a;
        long[] b2 = w.b2;
        long[] c2 = w.c2;
        long[] d2 = w.d2;
        long[] p0 = w.p0;
        long[] p1 = w.p1;
        long[] p2 = w.p2;
        long[] p3 = w.p3;
        p0[0] = a[0];
        p0[1] = a[8];
        p0[2] = a[16];
        p0[3] = a[24];
        p0[4] = b2[24];
        p0[5] = b2[0];
        p0[6] = b2[8];
        p0[7] = b2[16];
        p0[8] = c2[16];
        p0[9] = c2[24];
        p0[10] = c2[0];
        p0[11] = c2[8];
        p0[12] = d2[8];
        p0[13] = d2[16];
        p0[14] = d2[24];
        p0[15] = d2[0];
        p0[16] = a[1];
        p0[17] = a[9];
        p0[18] = a[17];
        p0[19] = a[25];
        p0[20] = b2[25];
        p0[21] = b2[1];
        p0[22] = b2[9];
        p0[23] = b2[17];
        p0[24] = c2[17];
        p0[25] = c2[25];
        p0[26] = c2[1];
        p0[27] = c2[9];
        p0[28] = d2[9];
        p0[29] = d2[17];
        p0[30] = d2[25];
        p0[31] = d2[1];
        p1[0] = a[2];
        p1[1] = a[10];
        p1[2] = a[18];
        p1[3] = a[26];
        p1[4] = b2[26];
        p1[5] = b2[2];
        p1[6] = b2[10];
        p1[7] = b2[18];
        p1[8] = c2[18];
        p1[9] = c2[26];
        p1[10] = c2[2];
        p1[11] = c2[10];
        p1[12] = d2[10];
        p1[13] = d2[18];
        p1[14] = d2[26];
        p1[15] = d2[2];
        p1[16] = a[3];
        p1[17] = a[11];
        p1[18] = a[19];
        p1[19] = a[27];
        p1[20] = b2[27];
        p1[21] = b2[3];
        p1[22] = b2[11];
        p1[23] = b2[19];
        p1[24] = c2[19];
        p1[25] = c2[27];
        p1[26] = c2[3];
        p1[27] = c2[11];
        p1[28] = d2[11];
        p1[29] = d2[19];
        p1[30] = d2[27];
        p1[31] = d2[3];
        p2[0] = a[4];
        p2[1] = a[12];
        p2[2] = a[20];
        p2[3] = a[28];
        p2[4] = b2[28];
        p2[5] = b2[4];
        p2[6] = b2[12];
        p2[7] = b2[20];
        p2[8] = c2[20];
        p2[9] = c2[28];
        p2[10] = c2[4];
        p2[11] = c2[12];
        p2[12] = d2[12];
        p2[13] = d2[20];
        p2[14] = d2[28];
        p2[15] = d2[4];
        p2[16] = a[5];
        p2[17] = a[13];
        p2[18] = a[21];
        p2[19] = a[29];
        p2[20] = b2[29];
        p2[21] = b2[5];
        p2[22] = b2[13];
        p2[23] = b2[21];
        p2[24] = c2[21];
        p2[25] = c2[29];
        p2[26] = c2[5];
        p2[27] = c2[13];
        p2[28] = d2[13];
        p2[29] = d2[21];
        p2[30] = d2[29];
        p2[31] = d2[5];
        p3[0] = a[6];
        p3[1] = a[14];
        p3[2] = a[22];
        p3[3] = a[30];
        p3[4] = b2[30];
        p3[5] = b2[6];
        p3[6] = b2[14];
        p3[7] = b2[22];
        p3[8] = c2[22];
        p3[9] = c2[30];
        p3[10] = c2[6];
        p3[11] = c2[14];
        p3[12] = d2[14];
        p3[13] = d2[22];
        p3[14] = d2[30];
        p3[15] = d2[6];
        p3[16] = a[7];
        p3[17] = a[15];
        p3[18] = a[23];
        p3[19] = a[31];
        p3[20] = b2[31];
        p3[21] = b2[7];
        p3[22] = b2[15];
        p3[23] = b2[23];
        p3[24] = c2[23];
        p3[25] = c2[31];
        p3[26] = c2[7];
        p3[27] = c2[15];
        p3[28] = d2[15];
        p3[29] = d2[23];
        p3[30] = d2[31];
        p3[31] = d2[7];
    }

    /** Word 0 of the compressed block (before any XOR with the block it replaces). */
    private static long finalWord0(Work w) {
        return w.p0[0] ^ w.r[0];
    }

    /** {@code out[outOff..]} = P(R) ^ R. */
    private static void store(Work w, long[] out, int outOff) {
        long[] r = w.r;
        long[] p0 = w.p0;
        long[] q1 = w.q1;
        long[] q2 = w.q2;
        long[] q3 = w.q3;
        out[outOff + 0] = p0[0] ^ r[0];
        out[outOff + 1] = p0[1] ^ r[1];
        out[outOff + 2] = p0[2] ^ r[2];
        out[outOff + 3] = p0[3] ^ r[3];
        out[outOff + 4] = p0[4] ^ r[4];
        out[outOff + 5] = p0[5] ^ r[5];
        out[outOff + 6] = p0[6] ^ r[6];
        out[outOff + 7] = p0[7] ^ r[7];
        out[outOff + 8] = p0[8] ^ r[8];
        out[outOff + 9] = p0[9] ^ r[9];
        out[outOff + 10] = p0[10] ^ r[10];
        out[outOff + 11] = p0[11] ^ r[11];
        out[outOff + 12] = p0[12] ^ r[12];
        out[outOff + 13] = p0[13] ^ r[13];
        out[outOff + 14] = p0[14] ^ r[14];
        out[outOff + 15] = p0[15] ^ r[15];
        out[outOff + 16] = p0[16] ^ r[16];
        out[outOff + 17] = p0[17] ^ r[17];
        out[outOff + 18] = p0[18] ^ r[18];
        out[outOff + 19] = p0[19] ^ r[19];
        out[outOff + 20] = p0[20] ^ r[20];
        out[outOff + 21] = p0[21] ^ r[21];
        out[outOff + 22] = p0[22] ^ r[22];
        out[outOff + 23] = p0[23] ^ r[23];
        out[outOff + 24] = p0[24] ^ r[24];
        out[outOff + 25] = p0[25] ^ r[25];
        out[outOff + 26] = p0[26] ^ r[26];
        out[outOff + 27] = p0[27] ^ r[27];
        out[outOff + 28] = p0[28] ^ r[28];
        out[outOff + 29] = p0[29] ^ r[29];
        out[outOff + 30] = p0[30] ^ r[30];
        out[outOff + 31] = p0[31] ^ r[31];
        out[outOff + 32] = q1[17] ^ r[32];
        out[outOff + 33] = q1[0] ^ r[33];
        out[outOff + 34] = q1[19] ^ r[34];
        out[outOff + 35] = q1[2] ^ r[35];
        out[outOff + 36] = q1[21] ^ r[36];
        out[outOff + 37] = q1[4] ^ r[37];
        out[outOff + 38] = q1[23] ^ r[38];
        out[outOff + 39] = q1[6] ^ r[39];
        out[outOff + 40] = q1[25] ^ r[40];
        out[outOff + 41] = q1[8] ^ r[41];
        out[outOff + 42] = q1[27] ^ r[42];
        out[outOff + 43] = q1[10] ^ r[43];
        out[outOff + 44] = q1[29] ^ r[44];
        out[outOff + 45] = q1[12] ^ r[45];
        out[outOff + 46] = q1[31] ^ r[46];
        out[outOff + 47] = q1[14] ^ r[47];
        out[outOff + 48] = q1[1] ^ r[48];
        out[outOff + 49] = q1[16] ^ r[49];
        out[outOff + 50] = q1[3] ^ r[50];
        out[outOff + 51] = q1[18] ^ r[51];
        out[outOff + 52] = q1[5] ^ r[52];
        out[outOff + 53] = q1[20] ^ r[53];
        out[outOff + 54] = q1[7] ^ r[54];
        out[outOff + 55] = q1[22] ^ r[55];
        out[outOff + 56] = q1[9] ^ r[56];
        out[outOff + 57] = q1[24] ^ r[57];
        out[outOff + 58] = q1[11] ^ r[58];
        out[outOff + 59] = q1[26] ^ r[59];
        out[outOff + 60] = q1[13] ^ r[60];
        out[outOff + 61] = q1[28] ^ r[61];
        out[outOff + 62] = q1[15] ^ r[62];
        out[outOff + 63] = q1[30] ^ r[63];
        out[outOff + 64] = q2[16] ^ r[64];
        out[outOff + 65] = q2[17] ^ r[65];
        out[outOff + 66] = q2[18] ^ r[66];
        out[outOff + 67] = q2[19] ^ r[67];
        out[outOff + 68] = q2[20] ^ r[68];
        out[outOff + 69] = q2[21] ^ r[69];
        out[outOff + 70] = q2[22] ^ r[70];
        out[outOff + 71] = q2[23] ^ r[71];
        out[outOff + 72] = q2[24] ^ r[72];
        out[outOff + 73] = q2[25] ^ r[73];
        out[outOff + 74] = q2[26] ^ r[74];
        out[outOff + 75] = q2[27] ^ r[75];
        out[outOff + 76] = q2[28] ^ r[76];
        out[outOff + 77] = q2[29] ^ r[77];
        out[outOff + 78] = q2[30] ^ r[78];
        out[outOff + 79] = q2[31] ^ r[79];
        out[outOff + 80] = q2[0] ^ r[80];
        out[outOff + 81] = q2[1] ^ r[81];
        out[outOff + 82] = q2[2] ^ r[82];
        out[outOff + 83] = q2[3] ^ r[83];
        out[outOff + 84] = q2[4] ^ r[84];
        out[outOff + 85] = q2[5] ^ r[85];
        out[outOff + 86] = q2[6] ^ r[86];
        out[outOff + 87] = q2[7] ^ r[87];
        out[outOff + 88] = q2[8] ^ r[88];
        out[outOff + 89] = q2[9] ^ r[89];
        out[outOff + 90] = q2[10] ^ r[90];
        out[outOff + 91] = q2[11] ^ r[91];
        out[outOff + 92] = q2[12] ^ r[92];
        out[outOff + 93] = q2[13] ^ r[93];
        out[outOff + 94] = q2[14] ^ r[94];
        out[outOff + 95] = q2[15] ^ r[95];
        out[outOff + 96] = q3[1] ^ r[96];
        out[outOff + 97] = q3[16] ^ r[97];
        out[outOff + 98] = q3[3] ^ r[98];
        out[outOff + 99] = q3[18] ^ r[99];
        out[outOff + 100] = q3[5] ^ r[100];
        out[outOff + 101] = q3[20] ^ r[101];
        out[outOff + 102] = q3[7] ^ r[102];
        out[outOff + 103] = q3[22] ^ r[103];
        out[outOff + 104] = q3[9] ^ r[104];
        out[outOff + 105] = q3[24] ^ r[105];
        out[outOff + 106] = q3[11] ^ r[106];
        out[outOff + 107] = q3[26] ^ r[107];
        out[outOff + 108] = q3[13] ^ r[108];
        out[outOff + 109] = q3[28] ^ r[109];
        out[outOff + 110] = q3[15] ^ r[110];
        out[outOff + 111] = q3[30] ^ r[111];
        out[outOff + 112] = q3[17] ^ r[112];
        out[outOff + 113] = q3[0] ^ r[113];
        out[outOff + 114] = q3[19] ^ r[114];
        out[outOff + 115] = q3[2] ^ r[115];
        out[outOff + 116] = q3[21] ^ r[116];
        out[outOff + 117] = q3[4] ^ r[117];
        out[outOff + 118] = q3[23] ^ r[118];
        out[outOff + 119] = q3[6] ^ r[119];
        out[outOff + 120] = q3[25] ^ r[120];
        out[outOff + 121] = q3[8] ^ r[121];
        out[outOff + 122] = q3[27] ^ r[122];
        out[outOff + 123] = q3[10] ^ r[123];
        out[outOff + 124] = q3[29] ^ r[124];
        out[outOff + 125] = q3[12] ^ r[125];
        out[outOff + 126] = q3[31] ^ r[126];
        out[outOff + 127] = q3[14] ^ r[127];
    }

    /** {@code out[outOff..]} ^= P(R) ^ R. */
    private static void storeXor(Work w, long[] out, int outOff) {
        long[] r = w.r;
        long[] p0 = w.p0;
        long[] q1 = w.q1;
        long[] q2 = w.q2;
        long[] q3 = w.q3;
        out[outOff + 0] ^= p0[0] ^ r[0];
        out[outOff + 1] ^= p0[1] ^ r[1];
        out[outOff + 2] ^= p0[2] ^ r[2];
        out[outOff + 3] ^= p0[3] ^ r[3];
        out[outOff + 4] ^= p0[4] ^ r[4];
        out[outOff + 5] ^= p0[5] ^ r[5];
        out[outOff + 6] ^= p0[6] ^ r[6];
        out[outOff + 7] ^= p0[7] ^ r[7];
        out[outOff + 8] ^= p0[8] ^ r[8];
        out[outOff + 9] ^= p0[9] ^ r[9];
        out[outOff + 10] ^= p0[10] ^ r[10];
        out[outOff + 11] ^= p0[11] ^ r[11];
        out[outOff + 12] ^= p0[12] ^ r[12];
        out[outOff + 13] ^= p0[13] ^ r[13];
        out[outOff + 14] ^= p0[14] ^ r[14];
        out[outOff + 15] ^= p0[15] ^ r[15];
        out[outOff + 16] ^= p0[16] ^ r[16];
        out[outOff + 17] ^= p0[17] ^ r[17];
        out[outOff + 18] ^= p0[18] ^ r[18];
        out[outOff + 19] ^= p0[19] ^ r[19];
        out[outOff + 20] ^= p0[20] ^ r[20];
        out[outOff + 21] ^= p0[21] ^ r[21];
        out[outOff + 22] ^= p0[22] ^ r[22];
        out[outOff + 23] ^= p0[23] ^ r[23];
        out[outOff + 24] ^= p0[24] ^ r[24];
        out[outOff + 25] ^= p0[25] ^ r[25];
        out[outOff + 26] ^= p0[26] ^ r[26];
        out[outOff + 27] ^= p0[27] ^ r[27];
        out[outOff + 28] ^= p0[28] ^ r[28];
        out[outOff + 29] ^= p0[29] ^ r[29];
        out[outOff + 30] ^= p0[30] ^ r[30];
        out[outOff + 31] ^= p0[31] ^ r[31];
        out[outOff + 32] ^= q1[17] ^ r[32];
        out[outOff + 33] ^= q1[0] ^ r[33];
        out[outOff + 34] ^= q1[19] ^ r[34];
        out[outOff + 35] ^= q1[2] ^ r[35];
        out[outOff + 36] ^= q1[21] ^ r[36];
        out[outOff + 37] ^= q1[4] ^ r[37];
        out[outOff + 38] ^= q1[23] ^ r[38];
        out[outOff + 39] ^= q1[6] ^ r[39];
        out[outOff + 40] ^= q1[25] ^ r[40];
        out[outOff + 41] ^= q1[8] ^ r[41];
        out[outOff + 42] ^= q1[27] ^ r[42];
        out[outOff + 43] ^= q1[10] ^ r[43];
        out[outOff + 44] ^= q1[29] ^ r[44];
        out[outOff + 45] ^= q1[12] ^ r[45];
        out[outOff + 46] ^= q1[31] ^ r[46];
        out[outOff + 47] ^= q1[14] ^ r[47];
        out[outOff + 48] ^= q1[1] ^ r[48];
        out[outOff + 49] ^= q1[16] ^ r[49];
        out[outOff + 50] ^= q1[3] ^ r[50];
        out[outOff + 51] ^= q1[18] ^ r[51];
        out[outOff + 52] ^= q1[5] ^ r[52];
        out[outOff + 53] ^= q1[20] ^ r[53];
        out[outOff + 54] ^= q1[7] ^ r[54];
        out[outOff + 55] ^= q1[22] ^ r[55];
        out[outOff + 56] ^= q1[9] ^ r[56];
        out[outOff + 57] ^= q1[24] ^ r[57];
        out[outOff + 58] ^= q1[11] ^ r[58];
        out[outOff + 59] ^= q1[26] ^ r[59];
        out[outOff + 60] ^= q1[13] ^ r[60];
        out[outOff + 61] ^= q1[28] ^ r[61];
        out[outOff + 62] ^= q1[15] ^ r[62];
        out[outOff + 63] ^= q1[30] ^ r[63];
        out[outOff + 64] ^= q2[16] ^ r[64];
        out[outOff + 65] ^= q2[17] ^ r[65];
        out[outOff + 66] ^= q2[18] ^ r[66];
        out[outOff + 67] ^= q2[19] ^ r[67];
        out[outOff + 68] ^= q2[20] ^ r[68];
        out[outOff + 69] ^= q2[21] ^ r[69];
        out[outOff + 70] ^= q2[22] ^ r[70];
        out[outOff + 71] ^= q2[23] ^ r[71];
        out[outOff + 72] ^= q2[24] ^ r[72];
        out[outOff + 73] ^= q2[25] ^ r[73];
        out[outOff + 74] ^= q2[26] ^ r[74];
        out[outOff + 75] ^= q2[27] ^ r[75];
        out[outOff + 76] ^= q2[28] ^ r[76];
        out[outOff + 77] ^= q2[29] ^ r[77];
        out[outOff + 78] ^= q2[30] ^ r[78];
        out[outOff + 79] ^= q2[31] ^ r[79];
        out[outOff + 80] ^= q2[0] ^ r[80];
        out[outOff + 81] ^= q2[1] ^ r[81];
        out[outOff + 82] ^= q2[2] ^ r[82];
        out[outOff + 83] ^= q2[3] ^ r[83];
        out[outOff + 84] ^= q2[4] ^ r[84];
        out[outOff + 85] ^= q2[5] ^ r[85];
        out[outOff + 86] ^= q2[6] ^ r[86];
        out[outOff + 87] ^= q2[7] ^ r[87];
        out[outOff + 88] ^= q2[8] ^ r[88];
        out[outOff + 89] ^= q2[9] ^ r[89];
        out[outOff + 90] ^= q2[10] ^ r[90];
        out[outOff + 91] ^= q2[11] ^ r[91];
        out[outOff + 92] ^= q2[12] ^ r[92];
        out[outOff + 93] ^= q2[13] ^ r[93];
        out[outOff + 94] ^= q2[14] ^ r[94];
        out[outOff + 95] ^= q2[15] ^ r[95];
        out[outOff + 96] ^= q3[1] ^ r[96];
        out[outOff + 97] ^= q3[16] ^ r[97];
        out[outOff + 98] ^= q3[3] ^ r[98];
        out[outOff + 99] ^= q3[18] ^ r[99];
        out[outOff + 100] ^= q3[5] ^ r[100];
        out[outOff + 101] ^= q3[20] ^ r[101];
        out[outOff + 102] ^= q3[7] ^ r[102];
        out[outOff + 103] ^= q3[22] ^ r[103];
        out[outOff + 104] ^= q3[9] ^ r[104];
        out[outOff + 105] ^= q3[24] ^ r[105];
        out[outOff + 106] ^= q3[11] ^ r[106];
        out[outOff + 107] ^= q3[26] ^ r[107];
        out[outOff + 108] ^= q3[13] ^ r[108];
        out[outOff + 109] ^= q3[28] ^ r[109];
        out[outOff + 110] ^= q3[15] ^ r[110];
        out[outOff + 111] ^= q3[30] ^ r[111];
        out[outOff + 112] ^= q3[17] ^ r[112];
        out[outOff + 113] ^= q3[0] ^ r[113];
        out[outOff + 114] ^= q3[19] ^ r[114];
        out[outOff + 115] ^= q3[2] ^ r[115];
        out[outOff + 116] ^= q3[21] ^ r[116];
        out[outOff + 117] ^= q3[4] ^ r[117];
        out[outOff + 118] ^= q3[23] ^ r[118];
        out[outOff + 119] ^= q3[6] ^ r[119];
        out[outOff + 120] ^= q3[25] ^ r[120];
        out[outOff + 121] ^= q3[8] ^ r[121];
        out[outOff + 122] ^= q3[27] ^ r[122];
        out[outOff + 123] ^= q3[10] ^ r[123];
        out[outOff + 124] ^= q3[29] ^ r[124];
        out[outOff + 125] ^= q3[12] ^ r[125];
        out[outOff + 126] ^= q3[31] ^ r[126];
        out[outOff + 127] ^= q3[14] ^ r[127];
    }

    /** 32 independent G functions: G(a[m], b[m], c[m], d[m]) for every m, one step per loop so that each vectorises. */
    private static void gv(long[] a, long[] b, long[] c, long[] d) {
        for (int m = 0; m < 32; m++) {
            long x = a[m];
            long y = b[m];
            x += y + 2 * (x & M) * (y & M);
            a[m] = x;
            d[m] = Long.rotateRight(d[m] ^ x, 32);
        }
        for (int m = 0; m < 32; m++) {
            long x = c[m];
            long y = d[m];
            x += y + 2 * (x & M) * (y & M);
            c[m] = x;
            b[m] = Long.rotateRight(b[m] ^ x, 24);
        }
        for (int m = 0; m < 32; m++) {
            long x = a[m];
            long y = b[m];
            x += y + 2 * (x & M) * (y & M);
            a[m] = x;
            d[m] = Long.rotateRight(d[m] ^ x, 16);
        }
        for (int m = 0; m < 32; m++) {
            long x = c[m];
            long y = d[m];
            x += y + 2 * (x & M) * (y & M);
            c[m] = x;
            b[m] = Long.rotateRight(b[m] ^ x, 63);
        }
    }
}
