package dev.bitgojava.signing.encryption.internal;

import org.bouncycastle.crypto.digests.Blake2bDigest;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id, version 0x13 (RFC 9106), in plain Java and written for speed.
 *
 * <ul>
 *   <li>The memory is one flat {@code long[]} (128 words per 1 KiB block, no per-block objects).</li>
 *   <li>The lanes of a slice depend on each other only at slice boundaries, so each slice's lanes are split into
 *   groups that run concurrently on up to {@code min(p, availableProcessors)} threads: the caller plus helpers from
 *   the common {@link ForkJoinPool}. A helper that starts late finds no group left and returns at once, so a busy
 *   pool only makes the caller do more of the work; with one processor everything runs on the caller.</li>
 *   <li>A thread advances the lanes of its group block by block together: it looks up every lane's reference block
 *   first and touches each of their cache lines, so that their memory latencies overlap, and then compresses all
 *   the group's blocks in the same loops.</li>
 *   <li>The compression function's 64 G functions are computed as four groups of 32 independent ones, each group a
 *   plain loop over arrays that the JIT compiles to SIMD instructions (AVX2 or AVX-512 on x86-64); between the groups
 *   the words are moved so that the operands of each G share an index. Nothing is allocated per block.</li>
 * </ul>
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

    /** Receives the loads that touch reference blocks early, so that the compiler keeps them; never read. */
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
            Work work = new Work(count);
            Work addressWork = dataIndependent ? new Work(1) : null;
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
                        nextAddresses(input, address[j], zero, addressWork);
                    }
                }
            }
            long touched = 0;
            for (int i = start; i < segmentLength; i++) {
                for (int j = 0; j < count; j++) {
                    long pseudoRandom;
                    if (dataIndependent) {
                        if ((i & (BLOCK_WORDS - 1)) == 0) {
                            nextAddresses(addressInput[j], address[j], zero, addressWork);
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
                    load(mem, prev[j] * BLOCK_WORDS, mem, ref[j], work, j);
                }
                permuteLoaded(work, count);
                for (int j = 0; j < count; j++) {
                    if (xor) {
                        storeXor(work, j, mem, cur[j] * BLOCK_WORDS);
                    } else {
                        store(work, j, mem, cur[j] * BLOCK_WORDS);
                    }
                    prev[j] = cur[j];
                    cur[j]++;
                }
            }
            prefetchSink = touched;
            work.wipe();
            if (addressWork != null) {
                addressWork.wipe();
            }
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
        load(zero, 0, input, 0, work, 0);
        permuteLoaded(work, 1);
        store(work, 0, address, 0);
        load(zero, 0, address, 0, work, 0);
        permuteLoaded(work, 1);
        store(work, 0, address, 0);
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
    // multiplication), in four groups of 32 that depend only on the group before: the first and the second half of
    // the row rounds, then of the column rounds. Each group runs as one loop over 32 indices of four arrays (gv),
    // for several blocks at once, which the JIT compiles to SIMD instructions; between the groups the words are
    // moved so that the four operands of each G sit at the same index of the four arrays. Block slot s uses
    // indices 32 s .. 32 s + 31 of every operand array and 128 s .. 128 s + 127 of r.

    /** The working arrays of one thread's compressions of up to {@code slots} blocks at a time. */
    private static final class Work {
        final long[] r;
        final long[] a;
        final long[] b;
        final long[] c;
        final long[] d;
        final long[] b2;
        final long[] c2;
        final long[] d2;
        final long[] p0;
        final long[] p1;
        final long[] p2;
        final long[] p3;
        final long[] q1;
        final long[] q2;
        final long[] q3;

        Work(int slots) {
            int n = 32 * slots;
            r = new long[BLOCK_WORDS * slots];
            a = new long[n];
            b = new long[n];
            c = new long[n];
            d = new long[n];
            b2 = new long[n];
            c2 = new long[n];
            d2 = new long[n];
            p0 = new long[n];
            p1 = new long[n];
            p2 = new long[n];
            p3 = new long[n];
            q1 = new long[n];
            q2 = new long[n];
            q3 = new long[n];
        }

        void wipe() {
            for (long[] w : new long[][] {r, a, b, c, d, b2, c2, d2, p0, p1, p2, p3, q1, q2, q3}) {
                Arrays.fill(w, 0L);
            }
        }
    }

    /** Loads R = x ^ y of block slot {@code slot} into {@code w.r} and into the row rounds' first arrangement. */
    private static void load(long[] x, int xOff, long[] y, int yOff, Work w, int slot) {
        long[] r = w.r;
        int ro = slot * BLOCK_WORDS;
        for (int k = 0; k < BLOCK_WORDS; k++) {
            r[ro + k] = x[xOff + k] ^ y[yOff + k];
        }
        long[] a = w.a;
        long[] b = w.b;
        long[] c = w.c;
        long[] d = w.d;
        int s = slot * 32;
        for (int row = 0; row < 8; row++) {
            int o = ro + row * 16;
            int t = s + row;
            a[t + 0] = r[o + 0];
            a[t + 8] = r[o + 1];
            a[t + 16] = r[o + 2];
            a[t + 24] = r[o + 3];
            b[t + 0] = r[o + 4];
            b[t + 8] = r[o + 5];
            b[t + 16] = r[o + 6];
            b[t + 24] = r[o + 7];
            c[t + 0] = r[o + 8];
            c[t + 8] = r[o + 9];
            c[t + 16] = r[o + 10];
            c[t + 24] = r[o + 11];
            d[t + 0] = r[o + 12];
            d[t + 8] = r[o + 13];
            d[t + 16] = r[o + 14];
            d[t + 24] = r[o + 15];
        }
    }

    /**
     * P of the blocks loaded into slots 0 to {@code slots - 1} by {@link #load}: afterwards word k of slot s is at
     * {@code p(k / 32)[32 s + k % 32]}.
     */
    private static void permuteLoaded(Work w, int slots) {
        int n = 32 * slots;
        gv(w.a, w.b, w.c, w.d, n);
        for (int s = 0; s < n; s += 32) {
            System.arraycopy(w.b, s + 8, w.b2, s, 24);
            System.arraycopy(w.b, s, w.b2, s + 24, 8);
            System.arraycopy(w.c, s + 16, w.c2, s, 16);
            System.arraycopy(w.c, s, w.c2, s + 16, 16);
            System.arraycopy(w.d, s + 24, w.d2, s, 8);
            System.arraycopy(w.d, s, w.d2, s + 8, 24);
        }
        gv(w.a, w.b2, w.c2, w.d2, n);
        for (int s = 0; s < n; s += 32) {
            toColumns(w, s);
        }
        gv(w.p0, w.p1, w.p2, w.p3, n);
        for (int s = 0; s < n; s += 32) {
            toDiagonals(w, s);
        }
        gv(w.p0, w.q1, w.q2, w.q3, n);
        for (int s = 0; s < n; s += 32) {
            fromDiagonals(w, s);
        }
    }

    /** Moves slot {@code s / 32} from the row rounds' diagonal arrangement to the column rounds' first one. */
    private static void toColumns(Work w, int s) {
        long[] a = w.a;
        long[] b2 = w.b2;
        long[] c2 = w.c2;
        long[] d2 = w.d2;
        long[] p0 = w.p0;
        long[] p1 = w.p1;
        long[] p2 = w.p2;
        long[] p3 = w.p3;
        p0[s + 0] = a[s + 0];
        p0[s + 1] = a[s + 8];
        p0[s + 2] = a[s + 16];
        p0[s + 3] = a[s + 24];
        p0[s + 4] = b2[s + 24];
        p0[s + 5] = b2[s + 0];
        p0[s + 6] = b2[s + 8];
        p0[s + 7] = b2[s + 16];
        p0[s + 8] = c2[s + 16];
        p0[s + 9] = c2[s + 24];
        p0[s + 10] = c2[s + 0];
        p0[s + 11] = c2[s + 8];
        p0[s + 12] = d2[s + 8];
        p0[s + 13] = d2[s + 16];
        p0[s + 14] = d2[s + 24];
        p0[s + 15] = d2[s + 0];
        p0[s + 16] = a[s + 1];
        p0[s + 17] = a[s + 9];
        p0[s + 18] = a[s + 17];
        p0[s + 19] = a[s + 25];
        p0[s + 20] = b2[s + 25];
        p0[s + 21] = b2[s + 1];
        p0[s + 22] = b2[s + 9];
        p0[s + 23] = b2[s + 17];
        p0[s + 24] = c2[s + 17];
        p0[s + 25] = c2[s + 25];
        p0[s + 26] = c2[s + 1];
        p0[s + 27] = c2[s + 9];
        p0[s + 28] = d2[s + 9];
        p0[s + 29] = d2[s + 17];
        p0[s + 30] = d2[s + 25];
        p0[s + 31] = d2[s + 1];
        p1[s + 0] = a[s + 2];
        p1[s + 1] = a[s + 10];
        p1[s + 2] = a[s + 18];
        p1[s + 3] = a[s + 26];
        p1[s + 4] = b2[s + 26];
        p1[s + 5] = b2[s + 2];
        p1[s + 6] = b2[s + 10];
        p1[s + 7] = b2[s + 18];
        p1[s + 8] = c2[s + 18];
        p1[s + 9] = c2[s + 26];
        p1[s + 10] = c2[s + 2];
        p1[s + 11] = c2[s + 10];
        p1[s + 12] = d2[s + 10];
        p1[s + 13] = d2[s + 18];
        p1[s + 14] = d2[s + 26];
        p1[s + 15] = d2[s + 2];
        p1[s + 16] = a[s + 3];
        p1[s + 17] = a[s + 11];
        p1[s + 18] = a[s + 19];
        p1[s + 19] = a[s + 27];
        p1[s + 20] = b2[s + 27];
        p1[s + 21] = b2[s + 3];
        p1[s + 22] = b2[s + 11];
        p1[s + 23] = b2[s + 19];
        p1[s + 24] = c2[s + 19];
        p1[s + 25] = c2[s + 27];
        p1[s + 26] = c2[s + 3];
        p1[s + 27] = c2[s + 11];
        p1[s + 28] = d2[s + 11];
        p1[s + 29] = d2[s + 19];
        p1[s + 30] = d2[s + 27];
        p1[s + 31] = d2[s + 3];
        p2[s + 0] = a[s + 4];
        p2[s + 1] = a[s + 12];
        p2[s + 2] = a[s + 20];
        p2[s + 3] = a[s + 28];
        p2[s + 4] = b2[s + 28];
        p2[s + 5] = b2[s + 4];
        p2[s + 6] = b2[s + 12];
        p2[s + 7] = b2[s + 20];
        p2[s + 8] = c2[s + 20];
        p2[s + 9] = c2[s + 28];
        p2[s + 10] = c2[s + 4];
        p2[s + 11] = c2[s + 12];
        p2[s + 12] = d2[s + 12];
        p2[s + 13] = d2[s + 20];
        p2[s + 14] = d2[s + 28];
        p2[s + 15] = d2[s + 4];
        p2[s + 16] = a[s + 5];
        p2[s + 17] = a[s + 13];
        p2[s + 18] = a[s + 21];
        p2[s + 19] = a[s + 29];
        p2[s + 20] = b2[s + 29];
        p2[s + 21] = b2[s + 5];
        p2[s + 22] = b2[s + 13];
        p2[s + 23] = b2[s + 21];
        p2[s + 24] = c2[s + 21];
        p2[s + 25] = c2[s + 29];
        p2[s + 26] = c2[s + 5];
        p2[s + 27] = c2[s + 13];
        p2[s + 28] = d2[s + 13];
        p2[s + 29] = d2[s + 21];
        p2[s + 30] = d2[s + 29];
        p2[s + 31] = d2[s + 5];
        p3[s + 0] = a[s + 6];
        p3[s + 1] = a[s + 14];
        p3[s + 2] = a[s + 22];
        p3[s + 3] = a[s + 30];
        p3[s + 4] = b2[s + 30];
        p3[s + 5] = b2[s + 6];
        p3[s + 6] = b2[s + 14];
        p3[s + 7] = b2[s + 22];
        p3[s + 8] = c2[s + 22];
        p3[s + 9] = c2[s + 30];
        p3[s + 10] = c2[s + 6];
        p3[s + 11] = c2[s + 14];
        p3[s + 12] = d2[s + 14];
        p3[s + 13] = d2[s + 22];
        p3[s + 14] = d2[s + 30];
        p3[s + 15] = d2[s + 6];
        p3[s + 16] = a[s + 7];
        p3[s + 17] = a[s + 15];
        p3[s + 18] = a[s + 23];
        p3[s + 19] = a[s + 31];
        p3[s + 20] = b2[s + 31];
        p3[s + 21] = b2[s + 7];
        p3[s + 22] = b2[s + 15];
        p3[s + 23] = b2[s + 23];
        p3[s + 24] = c2[s + 23];
        p3[s + 25] = c2[s + 31];
        p3[s + 26] = c2[s + 7];
        p3[s + 27] = c2[s + 15];
        p3[s + 28] = d2[s + 15];
        p3[s + 29] = d2[s + 23];
        p3[s + 30] = d2[s + 31];
        p3[s + 31] = d2[s + 7];
    }

    /**
     * One of the two word moves between the column rounds' arrangements, over slot {@code s / 32}: for each pair k,
     * dst[2k] = src[2k+1], dst[2k+1] = src[16+2k], dst[16+2k] = src[17+2k], dst[17+2k] = src[2k].
     */
    private static void pairSwapA(long[] src, long[] dst, int s) {
        for (int k = 0; k < 16; k += 2) {
            dst[s + k] = src[s + k + 1];
            dst[s + k + 1] = src[s + 16 + k];
            dst[s + 16 + k] = src[s + 17 + k];
            dst[s + 17 + k] = src[s + k];
        }
    }

    /** The inverse of {@link #pairSwapA}. */
    private static void pairSwapB(long[] src, long[] dst, int s) {
        for (int k = 0; k < 16; k += 2) {
            dst[s + k] = src[s + 17 + k];
            dst[s + k + 1] = src[s + k];
            dst[s + 16 + k] = src[s + k + 1];
            dst[s + 17 + k] = src[s + 16 + k];
        }
    }

    /** Moves slot {@code s / 32} from the column rounds' first arrangement to their diagonal one. */
    private static void toDiagonals(Work w, int s) {
        pairSwapA(w.p1, w.q1, s);
        swapHalves(w.p2, w.q2, s);
        pairSwapB(w.p3, w.q3, s);
    }

    /** Moves slot {@code s / 32} from the column rounds' diagonal arrangement back to canonical order. */
    private static void fromDiagonals(Work w, int s) {
        pairSwapB(w.q1, w.p1, s);
        swapHalves(w.q2, w.p2, s);
        pairSwapA(w.q3, w.p3, s);
    }

    /** dst gets src's slot {@code s / 32} with its two 16-word halves exchanged (its own inverse). */
    private static void swapHalves(long[] src, long[] dst, int s) {
        System.arraycopy(src, s + 16, dst, s, 16);
        System.arraycopy(src, s, dst, s + 16, 16);
    }

    /** {@code out[outOff..]} = P(R) ^ R of block slot {@code slot}. */
    private static void store(Work w, int slot, long[] out, int outOff) {
        long[] r = w.r;
        int ro = slot * BLOCK_WORDS;
        int s = slot * 32;
        long[] p0 = w.p0;
        for (int m = 0; m < 32; m++) {
            out[outOff + 0 + m] = p0[s + m] ^ r[ro + 0 + m];
        }
        long[] p1 = w.p1;
        for (int m = 0; m < 32; m++) {
            out[outOff + 32 + m] = p1[s + m] ^ r[ro + 32 + m];
        }
        long[] p2 = w.p2;
        for (int m = 0; m < 32; m++) {
            out[outOff + 64 + m] = p2[s + m] ^ r[ro + 64 + m];
        }
        long[] p3 = w.p3;
        for (int m = 0; m < 32; m++) {
            out[outOff + 96 + m] = p3[s + m] ^ r[ro + 96 + m];
        }
    }

    /** {@code out[outOff..]} ^= P(R) ^ R of block slot {@code slot}. */
    private static void storeXor(Work w, int slot, long[] out, int outOff) {
        long[] r = w.r;
        int ro = slot * BLOCK_WORDS;
        int s = slot * 32;
        long[] p0 = w.p0;
        for (int m = 0; m < 32; m++) {
            out[outOff + 0 + m] ^= p0[s + m] ^ r[ro + 0 + m];
        }
        long[] p1 = w.p1;
        for (int m = 0; m < 32; m++) {
            out[outOff + 32 + m] ^= p1[s + m] ^ r[ro + 32 + m];
        }
        long[] p2 = w.p2;
        for (int m = 0; m < 32; m++) {
            out[outOff + 64 + m] ^= p2[s + m] ^ r[ro + 64 + m];
        }
        long[] p3 = w.p3;
        for (int m = 0; m < 32; m++) {
            out[outOff + 96 + m] ^= p3[s + m] ^ r[ro + 96 + m];
        }
    }

    /**
     * {@code n} independent G functions: G(a[m], b[m], c[m], d[m]) for every m below n, one step per loop so that
     * each loop vectorises.
     */
    private static void gv(long[] a, long[] b, long[] c, long[] d, int n) {
        halfStep(a, b, d, n, 32);
        halfStep(c, d, b, n, 24);
        halfStep(a, b, d, n, 16);
        halfStep(c, d, b, n, 63);
    }

    /** One quarter of G over n words: x = x + y + 2·lo(x)·lo(y) into {@code x}, then z = (z ^ x) >>> rotation. */
    private static void halfStep(long[] x, long[] y, long[] z, int n, int rotation) {
        for (int m = 0; m < n; m++) {
            long v = x[m];
            long w = y[m];
            v += w + 2 * (v & M) * (w & M);
            x[m] = v;
            z[m] = Long.rotateRight(z[m] ^ v, rotation);
        }
    }
}
