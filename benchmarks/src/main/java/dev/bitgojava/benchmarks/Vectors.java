package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Reads benchmark inputs from the project's vector files, so the Java and the Node side of a comparison start from
 * the same bytes. The copy bundled in the jar is used unless {@code -Dbitgo.vectors.dir} names another directory.
 */
public final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    /** The case {@code id} of {@code group} in {@code file} ({@code {id, about, input, expected}}). */
    public static JsonNode testCase(String file, String group, String id) {
        for (JsonNode c : read(file).path("cases").path(group)) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + id + " in group " + group + " of " + file);
    }

    /** A whole JSON resource of the benchmarks module (for inputs that are not vectors, such as request bodies). */
    public static JsonNode resource(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String file) {
        String dir = System.getProperty("bitgo.vectors.dir", "");
        try {
            if (!dir.isEmpty()) {
                return JSON.readTree(Files.readAllBytes(Path.of(dir, file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource("vectors/" + file);
    }

    /** Lowercase hex without a {@code 0x} prefix. */
    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Fails the benchmark set-up when an operation does not give the vector's answer: we only time correct code. */
    public static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark input check failed: " + what);
        }
    }
}
