package dev.bitgojava.spectools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Prepares an OpenAPI document for openapi-generator's {@code java} client generator, without touching the input file.
 *
 * <p>BitGo's published description of its API is larger and looser than what the generator turns into compilable Java,
 * so the build runs every spec through this step first and lets the generator read the result:
 * <ul>
 *   <li><b>Size.</b> The generator's YAML parser refuses documents over 3 Mi code points. The output is JSON, which the
 *       generator parses without that limit; the input is read here with the limit lifted.</li>
 *   <li><b>Defaults that Java cannot hold.</b> A {@code default} on a {@code oneOf}/{@code anyOf} union, or one that does
 *       not fit the schema's type or enum (such as {@code "3600 (1 hour)"} on a number), is copied verbatim into a field
 *       initialiser and breaks compilation. Such defaults are removed: the server applies its own defaults anyway.</li>
 *   <li><b>Class names that differ only in case.</b> An inline schema's {@code title} becomes a class name; when it differs
 *       only in case from another model's name (e.g. {@code UserKYCState} next to {@code UserKycState}), the two source
 *       files collide on case-insensitive file systems. Such titles are removed, so the generator names the inline schema
 *       after its context.</li>
 * </ul>
 * A document without these defects comes out with the same content (only its format changes to JSON), so the step is a
 * no-op for our own spec. Every change is reported.
 */
public final class SpecNormaliser {

    /** One change made to the document: where (a JSON pointer) and what. */
    public record Change(String pointer, String description) {
        @Override
        public String toString() {
            return pointer + ": " + description;
        }
    }

    private static final Set<String> SKIPPED_KEYS = Set.of("example", "examples", "enum", "default", "const");
    private static final Set<String> ANNOTATION_KEYS = Set.of("title", "description", "deprecated", "readOnly",
            "writeOnly", "example", "examples", "externalDocs");
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
    private static final int MAX_REF_DEPTH = 32;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper YAML = yamlMapper();

    private final ObjectNode root;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, String> modelNameSpellings = new HashMap<>();

    private SpecNormaliser(ObjectNode root) {
        this.root = root;
    }

    /**
     * Normalises {@code input} (YAML or JSON) into a JSON file at {@code output}, creating its directory.
     *
     * @return the changes made, empty when the document needed none
     * @throws SpecToolException if the input cannot be read or parsed, or the output cannot be written
     */
    public static List<Change> normaliseFile(Path input, Path output) {
        ObjectNode document = read(input);
        List<Change> changes = normalise(document);
        write(document, output);
        return changes;
    }

    /**
     * Normalises a parsed OpenAPI document in place.
     *
     * @return the changes made, in document order; empty when the document needed none
     */
    public static List<Change> normalise(ObjectNode document) {
        SpecNormaliser normaliser = new SpecNormaliser(document);
        normaliser.run();
        return List.copyOf(normaliser.changes);
    }

    /**
     * Reads an OpenAPI document of any size; JSON if it starts with <code>{</code>, YAML otherwise.
     *
     * @throws SpecToolException if the file cannot be read or is not a YAML/JSON object
     */
    public static ObjectNode read(Path input) {
        try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(input), 64)) {
            JsonNode node = (startsWithBrace(in) ? JSON : YAML).readTree(in);
            if (node == null || !node.isObject()) {
                throw new SpecToolException("Not an OpenAPI document (expected a YAML/JSON object): " + input);
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new SpecToolException("Cannot read OpenAPI document " + input + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the document as JSON, creating the output directory.
     *
     * @throws SpecToolException if the file cannot be written
     */
    public static void write(JsonNode document, Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), document);
        } catch (IOException e) {
            throw new SpecToolException("Cannot write normalised OpenAPI document " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Command line: {@code SpecNormaliser <input.yaml|json> <output.json>}. Prints one line per change.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new SpecToolException("Usage: SpecNormaliser <input spec (YAML or JSON)> <output spec (JSON)>");
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Change> changes = normaliseFile(input, output);
        System.out.println("[spec-tools] " + input + " -> " + output + ": " + changes.size() + " change(s)");
        for (Change change : changes) {
            System.out.println("[spec-tools]   " + change);
        }
    }

    private void run() {
        JsonNode schemas = root.path("components").path("schemas");
        if (schemas.isObject()) {
            for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
                String spelling = className(schema.getKey());
                modelNameSpellings.putIfAbsent(spelling.toLowerCase(Locale.ROOT), spelling);
            }
        }
        visit(root, "", false, false);
    }

    /** Walks the document; {@code isSchema} says whether {@code node} is a Schema Object. */
    private void visit(JsonNode node, String pointer, boolean isSchema, boolean isComponentSchema) {
        visit(node, pointer, isSchema, isComponentSchema, false);
    }

    private void visit(JsonNode node, String pointer, boolean isSchema, boolean isComponentSchema,
            boolean isUnionBranch) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), pointer + "/" + i, false, false);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (isSchema) {
            if (isUnionBranch) {
                collapseAnnotatedRef(object, pointer);
            }
            fixIntegralNumberEnum(object, pointer);
            fixDiscriminatorEnums(object, pointer);
            fixDefault(object, pointer);
            if (!isComponentSchema) {
                fixCaseClashingTitle(object, pointer);
            }
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            String childPointer = pointer + "/" + escape(key);
            if (key.startsWith("x-") || key.equals("example") || key.equals("examples")
                    || (isSchema && SKIPPED_KEYS.contains(key))) {
                continue;
            }
            if (isSchema && key.equals("properties") && value.isObject()) {
                visitSchemaMap(value, childPointer, false);
            } else if (key.equals("schemas") && pointer.equals("/components") && value.isObject()) {
                visitSchemaMap(value, childPointer, true);
            } else if (key.equals("schema") || (isSchema && (key.equals("items") || key.equals("not")
                    || key.equals("additionalProperties")))) {
                visit(value, childPointer, value.isObject(), false);
            } else if (isSchema && (key.equals("oneOf") || key.equals("anyOf") || key.equals("allOf"))
                    && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    visit(value.get(i), childPointer + "/" + i, true, false, !key.equals("allOf"));
                }
            } else {
                visit(value, childPointer, false, false);
            }
        }
    }

    private void visitSchemaMap(JsonNode map, String pointer, boolean components) {
        map.properties().forEach(e -> visit(e.getValue(), pointer + "/" + escape(e.getKey()), true, components));
    }

    private void fixDefault(ObjectNode schema, String pointer) {
        JsonNode value = schema.get("default");
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (value.isTextual() && type != null && (type.asText().equals("number") || type.asText().equals("integer"))
                && (type.asText().equals("number") ? NUMBER_TEXT : INTEGER_TEXT).matcher(value.asText()).matches()) {
            schema.set("default", JsonNodeFactory.withExactBigDecimals(true).numberNode(new BigDecimal(value.asText())));
            changes.add(new Change(pointer, "default " + abbreviate(value) + " written as a number (it was a string)"));
            return;
        }
        String reason = null;
        if (branchCount(schema, "oneOf") > 1 || branchCount(schema, "anyOf") > 1) {
            reason = "a oneOf/anyOf union has no Java literal";
        } else if ("string".equals(schema.path("type").asText()) && "number".equals(schema.path("format").asText())) {
            reason = "the generator types a string of format number as BigDecimal but writes the default as a String";
        } else if (!fits(schema, value, 0)) {
            reason = "it does not fit the schema's type or enum";
        }
        if (reason != null) {
            schema.remove("default");
            changes.add(new Change(pointer, "removed default " + abbreviate(value) + " (" + reason + ")"));
        }
    }

    /**
     * A oneOf/anyOf branch {@code allOf: [{title: X}, {$ref: Y}]} (one reference plus members that only annotate) means
     * just {@code $ref: Y}; the generator otherwise declares Y's properties twice in the class.
     */
    private void collapseAnnotatedRef(ObjectNode schema, String pointer) {
        JsonNode allOf = schema.get("allOf");
        if (allOf == null || !allOf.isArray() || allOf.size() < 2 || !onlyKeys(schema, ANNOTATION_KEYS, "allOf")) {
            return;
        }
        JsonNode ref = null;
        for (JsonNode member : allOf) {
            if (member.has("$ref")) {
                if (ref != null) {
                    return;
                }
                ref = member.get("$ref");
            } else if (!member.isObject() || !onlyKeys((ObjectNode) member, ANNOTATION_KEYS, null)) {
                return;
            }
        }
        if (ref != null && ref.isTextual()) {
            schema.removeAll();
            schema.set("$ref", ref);
            changes.add(new Change(pointer, "allOf of " + ref.asText() + " and annotation-only members replaced by the $ref"));
        }
    }

    /** Number enums with whole values become integer enums; the generator emits uncompilable BigDecimal enums. */
    private void fixIntegralNumberEnum(ObjectNode schema, String pointer) {
        JsonNode values = schema.get("enum");
        if (!"number".equals(schema.path("type").asText()) || values == null || !values.isArray() || values.isEmpty()) {
            return;
        }
        boolean fitsInt = true;
        for (JsonNode value : values) {
            if (value.isNull()) {
                continue;
            }
            if (!value.isNumber() || value.decimalValue().stripTrailingZeros().scale() > 0) {
                return;
            }
            fitsInt &= value.decimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
        }
        schema.put("type", "integer");
        if (!fitsInt) {
            schema.put("format", "int64");
        }
        changes.add(new Change(pointer, "number enum of whole values declared as integer"));
    }

    /**
     * A discriminator property that branches declare as an inline enum clashes with the {@code String} getter of the
     * generated oneOf interface; such enums become plain strings (and, where a branch is a reference with a single
     * enum value and no mapping exists, that value is added to the discriminator mapping so decoding still works).
     */
    private void fixDiscriminatorEnums(ObjectNode schema, String pointer) {
        JsonNode discriminator = schema.get("discriminator");
        String property = discriminator == null ? "" : discriminator.path("propertyName").asText("");
        if (property.isEmpty()) {
            return;
        }
        for (String union : List.of("oneOf", "anyOf")) {
            JsonNode branches = schema.get(union);
            if (branches == null || !branches.isArray()) {
                continue;
            }
            for (int i = 0; i < branches.size(); i++) {
                JsonNode branch = branches.get(i);
                String ref = branch.path("$ref").asText(null);
                JsonNode target = ref != null && ref.startsWith("#/") ? root.at(unescapeRef(ref.substring(1))) : branch;
                JsonNode propertySchema = target.path("properties").path(property);
                JsonNode values = propertySchema.get("enum");
                if (!propertySchema.isObject() || values == null || !"string".equals(propertySchema.path("type").asText())) {
                    continue;
                }
                ((ObjectNode) propertySchema).remove("enum");
                String where = ref != null ? ref : pointer + "/" + union + "/" + i;
                changes.add(new Change(where + "/properties/" + escape(property),
                        "discriminator enum " + abbreviate(values) + " declared as plain string"));
                if (ref != null && values.size() == 1 && values.get(0).isTextual() && discriminator.isObject()
                        && !discriminator.path("mapping").isObject()) {
                    ObjectNode mapping = ((ObjectNode) discriminator).withObject("/x-bitgo-derived-mapping");
                    mapping.put(values.get(0).asText(), ref);
                }
            }
        }
        JsonNode derived = discriminator.get("x-bitgo-derived-mapping");
        if (derived != null) {
            ((ObjectNode) discriminator).remove("x-bitgo-derived-mapping");
            ((ObjectNode) discriminator).set("mapping", derived);
            changes.add(new Change(pointer + "/discriminator", "mapping " + abbreviate(derived) + " derived from the enums"));
        }
    }

    private static boolean onlyKeys(ObjectNode object, Set<String> allowed, String alsoAllowed) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            if (!allowed.contains(key) && !key.equals(alsoAllowed) && !key.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    private void fixCaseClashingTitle(ObjectNode schema, String pointer) {
        JsonNode title = schema.get("title");
        if (title == null || !title.isTextual()) {
            return;
        }
        String spelling = className(title.asText());
        if (spelling.isEmpty()) {
            return;
        }
        String existing = modelNameSpellings.putIfAbsent(spelling.toLowerCase(Locale.ROOT), spelling);
        if (existing != null && !existing.equals(spelling)) {
            schema.remove("title");
            changes.add(new Change(pointer, "removed title " + abbreviate(title) + " (its class name " + spelling
                    + " differs only in case from " + existing + ")"));
        }
    }

    /** Whether {@code value} is a legal default for {@code schema}; unknown constructs count as legal. */
    private boolean fits(JsonNode schema, JsonNode value, int depth) {
        if (depth > MAX_REF_DEPTH || !schema.isObject()) {
            return true;
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            JsonNode target = ref.isTextual() && ref.asText().startsWith("#/")
                    ? root.at(unescapeRef(ref.asText().substring(1))) : null;
            return target == null || target.isMissingNode() || fits(target, value, depth + 1);
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode branch : allOf) {
                if (!fits(branch, value, depth + 1)) {
                    return false;
                }
            }
        }
        for (String union : List.of("oneOf", "anyOf")) {
            JsonNode branches = schema.get(union);
            if (branches != null && branches.isArray() && !branches.isEmpty()) {
                boolean any = false;
                for (JsonNode branch : branches) {
                    any |= fits(branch, value, depth + 1);
                }
                if (!any) {
                    return false;
                }
            }
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray() && !enumContains((ArrayNode) values, value)) {
            return false;
        }
        JsonNode type = schema.get("type");
        return type == null || !type.isTextual() || fitsType(type.asText(), value);
    }

    private static boolean fitsType(String type, JsonNode value) {
        return switch (type) {
            case "integer" -> value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "string" -> value.isValueNode();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static boolean enumContains(ArrayNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value) || (candidate.isNumber() && value.isNumber()
                    && candidate.decimalValue().compareTo(value.decimalValue()) == 0)
                    || (candidate.isValueNode() && value.isValueNode() && candidate.asText().equals(value.asText()))) {
                return true;
            }
        }
        return false;
    }

    private static int branchCount(JsonNode schema, String key) {
        JsonNode branches = schema.get(key);
        return branches != null && branches.isArray() ? branches.size() : 0;
    }

    /** The class name the generator derives from a schema name or title: words capitalised and joined. */
    static String className(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (String word : NON_ALPHANUMERIC.split(name)) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return out.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String unescapeRef(String pointer) {
        return pointer.replace("%7B", "{").replace("%7D", "}");
    }

    private static String abbreviate(JsonNode value) {
        String text;
        try {
            text = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            text = value.toString();
        }
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static boolean startsWithBrace(PushbackInputStream in) throws IOException {
        byte[] head = new byte[64];
        int n = in.read(head);
        if (n <= 0) {
            return false;
        }
        in.unread(head, 0, n);
        int i = 0;
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < n && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < n && head[i] == '{';
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        return new ObjectMapper(factory)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
