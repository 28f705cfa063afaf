package dev.bitgojava.signing.encryption.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SJCL's own envelope reader ({@code sjcl.json.decode}), reproduced so that exactly the texts SJCL accepts are
 * accepted: all whitespace is removed first (also inside strings), then the text must be {@code {...}} holding
 * comma-separated {@code key:value} pairs whose values are integers or strings of
 * {@code [A-Za-z0-9+/%*_.@=-]}. Keys may be unquoted or single-quoted; a later key overrides an earlier one.
 */
public final class SjclJson {

    private static final Pattern PAIR = Pattern.compile(
            "(?:([\"']?)([a-z][a-z0-9]*)\\1):(?:(-?\\d+)|\"([a-z0-9+/%*_.@=\\-]*)\")",
            Pattern.CASE_INSENSITIVE);

    private SjclJson() {
    }

    /** Thrown when the text is not something SJCL's reader accepts. */
    public static final class NotSjclJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        NotSjclJsonException(String message) {
            super(message);
        }
    }

    /**
     * The key/value pairs of an SJCL envelope; integer values are {@link Long} (or {@code null} when they do not
     * fit in a long), string values are returned raw (neither unescaped nor Base64-decoded).
     */
    public static Map<String, Object> decode(String text) throws NotSjclJsonException {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isJsWhitespace(c)) {
                compact.append(c);
            }
        }
        String s = compact.toString();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw new NotSjclJsonException("the text is not a {...} object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        String body = s.substring(1, s.length() - 1);
        for (String pair : body.split(",", -1)) {
            Matcher m = PAIR.matcher(pair);
            if (!m.matches()) {
                throw new NotSjclJsonException("unreadable member '" + abbreviate(pair) + "'");
            }
            if (m.group(3) != null) {
                Long value;
                try {
                    value = Long.parseLong(m.group(3));
                } catch (NumberFormatException e) {
                    value = null;
                }
                out.put(m.group(2), value == null ? OUT_OF_RANGE : value);
            } else {
                out.put(m.group(2), m.group(4));
            }
        }
        return out;
    }

    /** The marker stored for an integer too large for a long. */
    public static final Object OUT_OF_RANGE = new Object() {
        @Override
        public String toString() {
            return "(integer out of range)";
        }
    };

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** JavaScript's {@code \s}: ASCII whitespace plus the Unicode space separators, NBSP, BOM and line separators. */
    static boolean isJsWhitespace(char c) {
        switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                    '\u3000', '\uFEFF' -> {
                return true;
            }
            default -> {
                return c >= '\u2000' && c <= '\u200A';
            }
        }
    }
}
