package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/** The server's one JSON mapper and small node helpers. */
public final class Json {

    /** Thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Compact JSON text of a node. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses request text; malformed JSON becomes a 400. */
    public static JsonNode parseRequest(String text) {
        if (text == null || text.isEmpty()) {
            return object();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("InvalidJson", "request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
