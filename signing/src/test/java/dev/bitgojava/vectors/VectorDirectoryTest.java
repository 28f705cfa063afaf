package dev.bitgojava.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file of the vectors directory is well formed: each case has a unique, non-empty id. */
class VectorDirectoryTest {

    @TestFactory
    Stream<DynamicTest> everyVectorFileHasUniqueCaseIds() throws IOException {
        try (Stream<Path> files = Files.list(VectorFiles.directory())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        String name = p.getFileName().toString();
                        JsonNode cases = VectorFiles.load(name).path("cases");
                        assertTrue(cases.isObject(), name + " has a cases object");
                        Set<String> ids = new HashSet<>();
                        for (VectorCase c : VectorFiles.cases(name)) {
                            assertFalse(c.id().isEmpty(), name + " has a case without id in " + c.group());
                            assertTrue(ids.add(c.group() + "/" + c.id()), name + " repeats id " + c.id());
                        }
                        assertFalse(ids.isEmpty(), name + " has no cases");
                    }));
        }
    }
}
