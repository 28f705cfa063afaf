package dev.bitgojava.vectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One case of a vector file: {@code cases.<group>[i]}, with its {@code input} and {@code expected} objects.
 *
 * @param file     the vector file's name, e.g. {@code hmac.json}
 * @param group    the group the case belongs to
 * @param id       the case's id; every test's display name contains it
 * @param about    the case's one-sentence description
 * @param input    the case's input object (never null; empty when the file has none)
 * @param expected the case's expected object (never null; empty when the file has none)
 * @param raw      the whole case object, for cases whose layout differs from input/expected
 */
public record VectorCase(String file, String group, String id, String about,
                         JsonNode input, JsonNode expected, JsonNode raw) {

    /** The display name of the case's test: group, id and description. */
    public String displayName() {
        return group + " / " + id + (about.isEmpty() ? "" : " — " + about);
    }

    /** A text field of {@code input}, failing loudly when the vector lacks it. */
    public String in(String field) {
        return text(input, field);
    }

    /** A text field of {@code expected}, failing loudly when the vector lacks it. */
    public String out(String field) {
        return text(expected, field);
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new AssertionError("vector " + file + " " + id + " has no field '" + field + "'");
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
