package dev.bitgojava.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.sdk.errors.BitGoClientException;

/** Turns the signing module's JSON bodies into Jackson objects (member order kept). */
final class MultiUserJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MultiUserJson() {
    }

    static ObjectNode object(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (!(node instanceof ObjectNode o)) {
                throw new BitGoClientException("not a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new BitGoClientException("unreadable JSON body", e);
        }
    }

    static ObjectNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
