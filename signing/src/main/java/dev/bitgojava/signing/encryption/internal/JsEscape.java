package dev.bitgojava.signing.encryption.internal;

/** JavaScript's legacy {@code escape()} and {@code unescape()}, which SJCL applies to its string-valued fields. */
public final class JsEscape {

    private static final String HEX = "0123456789ABCDEF";

    private JsEscape() {
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '@' || c == '*' || c == '_' || c == '+' || c == '-' || c == '.' || c == '/';
    }

    /** {@code escape(s)}: {@code %XX} for UTF-16 units up to 0xFF, {@code %uXXXX} above, unreserved ASCII as is. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unreserved(c)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            } else {
                out.append("%u").append(HEX.charAt(c >> 12)).append(HEX.charAt((c >> 8) & 0xF))
                        .append(HEX.charAt((c >> 4) & 0xF)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    /** {@code unescape(s)}: decodes {@code %XX} and {@code %uXXXX}; any other {@code %} stays as it is. */
    public static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 6 <= s.length() && s.charAt(i + 1) == 'u' && hex(s, i + 2, 4) >= 0) {
                    out.append((char) hex(s, i + 2, 4));
                    i += 6;
                    continue;
                }
                if (i + 3 <= s.length() && hex(s, i + 1, 2) >= 0) {
                    out.append((char) hex(s, i + 1, 2));
                    i += 3;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int hex(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            value = value << 4 | d;
        }
        return value;
    }
}
