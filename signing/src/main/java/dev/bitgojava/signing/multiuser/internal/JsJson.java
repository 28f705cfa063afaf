package dev.bitgojava.signing.multiuser.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.signing.multiuser.MalformedMultiUserDataException;

/** Compact JSON text exactly as JavaScript's {@code JSON.stringify} writes it, and tolerant reading of answers. */
public final class JsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsJson() {
    }

    /** Appends {@code "name":} after a comma when the object already has members. */
    public static StringBuilder name(StringBuilder out, String name) {
        if (out.charAt(out.length() - 1) != '{') {
            out.append(',');
        }
        return string(out, name).append(':');
    }

    /** Appends a string literal: short escapes for {@code " \ \b \f \n \r \t}, {@code \\u} escapes for other controls and lone surrogates. */
    public static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15])
                                .append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
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
