package dev.bitgojava.signing.encryption.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kept Argon2 working memory: reused when the size fits, and released soon after it was handed back. */
class Argon2MemoryTest {

    @Test
    void aHandedBackArrayIsReusedForTheSameSize() {
        long[] first = Argon2Memory.take(1024);
        Argon2Memory.giveBack(first);
        assertSame(first, Argon2Memory.take(1024));
    }

    @Test
    void anArrayOfAnotherSizeIsNotReused() {
        long[] first = Argon2Memory.take(2048);
        Argon2Memory.giveBack(first);
        long[] other = Argon2Memory.take(4096);
        assertNotSame(first, other);
        assertEquals(4096, other.length);
    }

    @Test
    void theWorkingMemoryIsWipedBeforeItIsKept() {
        Argon2id.hash(new byte[] {1, 2, 3}, new byte[16], 64, 1, 2, 32);
        assertTrue(Argon2Memory.holdsSpare(), "the hash handed its memory back");
        long[] kept = Argon2Memory.take(64 * 128);
        assertArrayEquals(new long[64 * 128], kept);
    }

    @Test
    void theKeptArrayIsReleasedSoonAfterwards() throws InterruptedException {
        Argon2Memory.giveBack(new long[128]);
        assertTrue(Argon2Memory.holdsSpare());
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Argon2Memory.holdsSpare() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(Argon2Memory.holdsSpare(), "released within 30 s (kept for " + Argon2Memory.KEEP_MILLIS + " ms)");
    }
}
