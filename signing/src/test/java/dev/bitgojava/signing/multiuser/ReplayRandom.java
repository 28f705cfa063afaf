package dev.bitgojava.signing.multiuser;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Replays a vector's recorded random draws, in order, and fails when a draw of another size is asked for. */
final class ReplayRandom extends SecureRandom {

    private final Deque<byte[]> draws = new ArrayDeque<>();

    ReplayRandom(JsonNode randomDraws) {
        if (randomDraws != null) {
            for (JsonNode d : randomDraws) {
                byte[] bytes = HexFormat.of().parseHex(d.get("hex").asText());
                if (d.has("bytes")) {
                    assertEquals(d.get("bytes").asInt(), bytes.length, "recorded draw size");
                }
                draws.add(bytes);
            }
        }
    }

    @Override
    public void nextBytes(byte[] out) {
        byte[] next = draws.poll();
        assertNotNull(next, "more random draws than the SDK made");
        assertEquals(next.length, out.length, "size of the next random draw");
        System.arraycopy(next, 0, out, 0, out.length);
    }

    boolean exhausted() {
        return draws.isEmpty();
    }
}
