package dev.bitgojava.signing.internal;

/** Compact JSON text exactly as JavaScript's {@code JSON.stringify} writes it, for the bodies and envelopes we build. */
public final class JsJson {

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

    /**
     * Appends a string literal: short escapes for {@code " \ \b \f \n \r \t}, {@code \\u} escapes for other
     * controls and lone surrogates.
     */
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
}
