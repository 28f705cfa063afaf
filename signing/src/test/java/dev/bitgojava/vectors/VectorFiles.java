package dev.bitgojava.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the test vectors: by default the project's copy (on the test classpath under {@code vectors/}),
 * or the directory named by the system property {@code bitgo.vectors.dir}, which holds the same files in the
 * same format with more cases.
 *
 * <p>Each case becomes one JUnit dynamic test whose display name contains the case's id.
 */
public final class VectorFiles {

    /** The system property naming an alternative vectors directory. */
    public static final String PROPERTY = "bitgo.vectors.dir";

    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorFiles() {
    }

    /** The vectors directory in force for this test run. */
    public static Path directory() {
        String configured = System.getProperty(PROPERTY, "").trim();
        if (!configured.isEmpty()) {
            Path path = Paths.get(configured);
            if (!path.isAbsolute() && !Files.isDirectory(path)) {
                // Maven runs each module's tests in the module's folder; a path given from the project root
                // is resolved against the parent folder too.
                Path fromRoot = Paths.get("..").resolve(configured);
                if (Files.isDirectory(fromRoot)) {
                    path = fromRoot;
                }
            }
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException(PROPERTY + " names no directory: " + path.toAbsolutePath());
            }
            return path.toAbsolutePath().normalize();
        }
        URL url = VectorFiles.class.getClassLoader().getResource("vectors/hmac.json");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("the project's copy of the vectors is not on the test classpath");
        }
        try {
            return Paths.get(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole JSON document of one vector file, e.g. {@code load("hmac.json")}. */
    public static JsonNode load(String fileName) {
        Path file = directory().resolve(fileName);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vector file " + file, e);
        }
    }

    /** Every case of every group of a vector file, in file order. */
    public static List<VectorCase> cases(String fileName) {
        return cases(fileName, group -> true);
    }

    /** The cases of the named group of a vector file; fails when the group is absent or empty. */
    public static List<VectorCase> cases(String fileName, String group) {
        List<VectorCase> found = cases(fileName, group::equals);
        if (found.isEmpty()) {
            throw new AssertionError(fileName + " has no cases in group '" + group + "'");
        }
        return found;
    }

    /** The cases of the groups that the predicate accepts. */
    public static List<VectorCase> cases(String fileName, Predicate<String> groups) {
        JsonNode root = load(fileName);
        JsonNode byGroup = root.path("cases");
        List<VectorCase> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byGroup.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!groups.test(entry.getKey())) {
                continue;
            }
            for (JsonNode c : entry.getValue()) {
                out.add(new VectorCase(fileName, entry.getKey(), c.path("id").asText(),
                        c.path("about").asText(""), orEmpty(c.get("input")), orEmpty(c.get("expected")), c));
            }
        }
        return out;
    }

    /** The group names of a vector file. */
    public static Set<String> groups(String fileName) {
        Set<String> names = new java.util.LinkedHashSet<>();
        load(fileName).path("cases").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One dynamic test per case of the named group. */
    public static Stream<DynamicTest> tests(String fileName, String group, ThrowingConsumer<VectorCase> body) {
        return cases(fileName, group).stream()
                .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> body.accept(c)));
    }

    /** One container per group, one dynamic test per case, for groups that the map names. */
    public static Stream<DynamicNode> tests(String fileName, Map<String, ThrowingConsumer<VectorCase>> bodies) {
        Set<String> present = groups(fileName);
        for (String group : present) {
            if (!bodies.containsKey(group)) {
                throw new AssertionError(fileName + " has group '" + group + "' that no test covers");
            }
        }
        return bodies.entrySet().stream()
                .filter(e -> present.contains(e.getKey()))
                .map(e -> DynamicContainer.dynamicContainer(fileName + " " + e.getKey(),
                        tests(fileName, e.getKey(), e.getValue())));
    }

    private static JsonNode orEmpty(JsonNode node) {
        return node == null ? MissingNode.getInstance() : node;
    }
}
