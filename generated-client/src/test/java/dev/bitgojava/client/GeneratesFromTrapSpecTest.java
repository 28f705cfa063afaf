package dev.bitgojava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bitgojava.spectools.SpecNormaliser;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * Regenerating the client from another spec file works on specs with the defects of BitGo's published api.yaml:
 * a YAML file over the parser's 3 Mi code point limit, and defaults the generator would copy into uncompilable Java.
 * Uses the same generator options as the module's pom.
 */
class GeneratesFromTrapSpecTest {

    /** snakeyaml's default LoaderOptions.codePointLimit, which swagger-parser applies unless told otherwise. */
    private static final int YAML_CODE_POINT_LIMIT = 3 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void paddedTrapSpecIsRefusedByTheGeneratorsOwnYamlParser() throws IOException {
        Path spec = paddedTrapSpec();

        SwaggerParseResult result = new OpenAPIParser().readLocation(spec.toUri().toString(), null, null);

        assertNull(result.getOpenAPI(), "the unnormalised, oversized spec must not parse: " + result.getMessages());
    }

    @Test
    void trapSpecWithoutNormalisingGeneratesJavaThatDoesNotCompile() throws IOException {
        Path spec = dir.resolve("trap-spec.yaml");
        Files.writeString(spec, trapSpecTemplate());

        String errors = generateAndCompile(spec, dir.resolve("raw"));

        assertTrue(errors.contains("TrapFreezeRequest.java"), "expected compile errors in TrapFreezeRequest, got: " + errors);
    }

    @Test
    void normalisedPaddedTrapSpecGeneratesJavaThatCompiles() throws IOException {
        Path spec = paddedTrapSpec();
        Path normalised = dir.resolve("normalised/openapi.json");

        List<SpecNormaliser.Change> changes = SpecNormaliser.normaliseFile(spec, normalised);
        String errors = generateAndCompile(normalised, dir.resolve("normalised-out"));

        assertEquals("", errors);
        assertEquals(3, changes.size(), "one change per trapped default: " + changes);
    }

    private Path paddedTrapSpec() throws IOException {
        // Comments do not count towards the limit; a block scalar does.
        StringBuilder yaml = new StringBuilder(YAML_CODE_POINT_LIMIT + 100_000).append(trapSpecTemplate())
                .append("x-padding: |\n");
        String line = "  padding " + "x".repeat(100) + "\n";
        while (yaml.length() <= YAML_CODE_POINT_LIMIT) {
            yaml.append(line);
        }
        Path spec = dir.resolve("padded-trap-spec.yaml");
        Files.writeString(spec, yaml, StandardCharsets.UTF_8);
        return spec;
    }

    private static String trapSpecTemplate() throws IOException {
        try (InputStream in = GeneratesFromTrapSpecTest.class.getResourceAsStream("/trap-spec/trap-spec.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Generates a java/feign client the way the pom does, compiles it, and returns the compile errors ("" if none). */
    private static String generateAndCompile(Path spec, Path out) throws IOException {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setInputSpec(spec.toString())
                .setGeneratorName("java")
                .setLibrary("feign")
                .setOutputDir(out.toString())
                .setApiPackage("trap.client.api")
                .setModelPackage("trap.client.model")
                .setInvokerPackage("trap.client.invoker")
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        Map.<String, Object>of(
                "sourceFolder", "src/main/java",
                "serializationLibrary", "jackson",
                "dateLibrary", "java8",
                "useJakartaEe", true,
                "openApiNullable", false,
                "hideGenerationTimestamp", true,
                "annotationLibrary", "none",
                "documentationProvider", "none",
                "useOneOfInterfaces", true,
                "enumUnknownDefaultCase", true)
                .forEach(configurator::addAdditionalProperty);
        configurator.addAdditionalProperty("containerDefaultToNull", true);
        new DefaultGenerator().opts(configurator.toClientOptInput()).generate();

        List<Path> sources;
        try (Stream<Path> files = Files.walk(out.resolve("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = Files.createDirectories(out.resolve("classes"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Writer ignoredOutput = new StringWriter();
            compiler.getTask(ignoredOutput, files, diagnostics,
                    List.of("-classpath", testClasspath(), "-d", classes.toString(), "-proc:none", "-nowarn"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        StringBuilder errors = new StringBuilder();
        diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .forEach(d -> errors.append(d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName())
                        .append(':').append(d.getLineNumber()).append(' ').append(d.getMessage(null)).append('\n'));
        return errors.toString();
    }

    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
