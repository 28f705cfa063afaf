package dev.bitgojava.signing.multiuser.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.signing.multiuser.MalformedMultiUserDataException;

/** Tolerant reading of the server's JSON answers, with typed errors naming what was read. */
public final class JsonAnswers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonAnswers() {
    }

    /** Parses a JSON object, or fails with a typed error naming {@code what}. */
    public static JsonNode object(String json, String what) {
        if (json == null) {
            throw new MalformedMultiUserDataException("no " + what + " (null)");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedMultiUserDataException("the " + what + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedMultiUserDataException("the " + what + " is not a JSON object");
        }
        return node;
    }

    /** A text member, or null when absent or JSON null; a typed error when present with another type. */
    public static String optionalText(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedMultiUserDataException("field '" + field + "' of the " + what + " must be a string");
        }
        return value.asText();
    }

    /** A required, non-empty text member. */
    public static String requiredText(JsonNode object, String field, String what) {
        String value = optionalText(object, field, what);
        if (value == null || value.isEmpty()) {
            throw new MalformedMultiUserDataException("the " + what + " has no '" + field + "'");
        }
        return value;
    }
}
