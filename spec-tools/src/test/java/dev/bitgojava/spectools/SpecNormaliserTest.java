package dev.bitgojava.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecNormaliserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode specWithSchema(String name, String schemaJson) throws Exception {
        return (ObjectNode) JSON.readTree("{\"openapi\":\"3.0.3\",\"paths\":{},\"components\":{\"schemas\":{\""
                + name + "\":" + schemaJson + "}}}");
    }

    private static JsonNode schema(ObjectNode spec, String name) {
        return spec.path("components").path("schemas").path(name);
    }

    @Test
    void removesProseDefaultFromAOneOfUnion() throws Exception {
        ObjectNode spec = specWithSchema("Freeze", "{\"type\":\"object\",\"properties\":{\"duration\":{\"oneOf\":"
                + "[{\"type\":\"number\"},{\"type\":\"string\",\"enum\":[\"max\"]}],\"default\":\"3600 (1 hour)\"}}}");

        List<SpecNormaliser.Change> changes = SpecNormaliser.normalise(spec);

        assertFalse(schema(spec, "Freeze").path("properties").path("duration").has("default"));
        assertEquals("/components/schemas/Freeze/properties/duration", changes.get(0).pointer());
    }

    @Test
    void removesDefaultThatDoesNotFitAnInteger() throws Exception {
        ObjectNode spec = specWithSchema("Timeout", "{\"type\":\"integer\",\"default\":\"3600 (1 hour)\"}");

        SpecNormaliser.normalise(spec);

        assertFalse(schema(spec, "Timeout").has("default"));
    }

    @Test
    void keepsDefaultThatFitsItsSchema() throws Exception {
        ObjectNode spec = specWithSchema("Limit", "{\"type\":\"integer\",\"default\":25}");

        List<SpecNormaliser.Change> changes = SpecNormaliser.normalise(spec);

        assertEquals(25, schema(spec, "Limit").path("default").asInt());
        assertTrue(changes.isEmpty());
    }

    @Test
    void keepsPropertiesNamedDefault() throws Exception {
        ObjectNode spec = specWithSchema("Flags", "{\"type\":\"object\",\"properties\":{\"default\":{\"type\":\"boolean\"}}}");

        SpecNormaliser.normalise(spec);

        assertTrue(schema(spec, "Flags").path("properties").has("default"));
    }

    @Test
    void removesInlineTitleWhoseClassNameDiffersOnlyInCaseFromAModel() throws Exception {
        ObjectNode spec = specWithSchema("UserKycState", "{\"type\":\"string\"}");
        ((ObjectNode) spec.get("paths")).set("/x", JSON.readTree("{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\","
                + "\"content\":{\"application/json\":{\"schema\":{\"title\":\"User KYC State\",\"type\":\"object\"}}}}}}}"));

        SpecNormaliser.normalise(spec);

        assertFalse(spec.at("/paths/~1x/get/responses/200/content/application~1json/schema").has("title"));
    }

    @Test
    void leavesOurOwnSpecUnchanged(@TempDir Path dir) {
        Path ours = Path.of("..", "openapi", "bitgo-v2.yaml");
        ObjectNode original = SpecNormaliser.read(ours);

        List<SpecNormaliser.Change> changes = SpecNormaliser.normaliseFile(ours, dir.resolve("out.json"));

        assertEquals(List.of(), changes);
        assertEquals(original, SpecNormaliser.read(dir.resolve("out.json")));
    }

    @Test
    void readsYamlLargerThanTheDefaultParserLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "openapi: 3.0.3\nx-padding: |\n" + ("  " + "y".repeat(1000) + "\n").repeat(3300));

        ObjectNode spec = SpecNormaliser.read(big);

        assertEquals("3.0.3", spec.path("openapi").asText());
    }
}
