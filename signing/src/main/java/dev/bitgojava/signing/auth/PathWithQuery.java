package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extracts the part of a URL that BitGo signs: path plus {@code ?query}, as on the request line.
 *
 * <p>Scheme, host, port and {@code #fragment} are dropped (also the host of a protocol-relative {@code //host/...}),
 * a bare trailing {@code ?} is dropped, an empty path becomes {@code /}, backslashes in an http(s) or relative path
 * become slashes, {@code .} and {@code ..} segments are resolved (as WHATWG URL parsing, and so BitGo's V4
 * {@code getPathWithQuery} and HTTP clients, do), and characters a browser would percent-encode (spaces, non-ASCII,
 * quotes, angle brackets; in the path also {@code `{}}, in the query also {@code '}) are encoded with upper-case hex.
 * Existing escapes are kept as they are. Already-encoded URLs, as an HTTP client sends them, come back unchanged.
 */
public final class PathWithQuery {

    private PathWithQuery() {
    }

    /**
     * The signed path-and-query of an absolute URL or of a path.
     *
     * @throws SigningException when {@code url} is null
     */
    public static String of(String url) {
        if (url == null) {
            throw new SigningException("URL is missing");
        }
        String s = url;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int schemeEnd = schemeEnd(s);
        boolean special = schemeEnd < 0 || isSpecialScheme(s.substring(0, schemeEnd));
        if (special) {
            s = slashesInPath(s);
        }
        if (schemeEnd > 0) {
            s = afterAuthority(s.substring(schemeEnd + 3));
        } else if (s.startsWith("//")) {
            // protocol-relative: the first segment names a host, as URL parsing against http://localhost reads it
            s = afterAuthority(s.substring(2));
        }
        if (s.isEmpty()) {
            return "/";
        }
        if (s.charAt(0) != '/') {
            s = "/" + s;
        }
        int q = s.indexOf('?');
        if (q == s.length() - 1) {
            s = s.substring(0, q);
            q = -1;
        }
        String path = removeDotSegments(q < 0 ? s : s.substring(0, q));
        return q < 0 ? encode(path, false) : encode(path, false) + "?" + encode(s.substring(q + 1), true);
    }

    private static String afterAuthority(String rest) {
        int cut = firstOf(rest, '/', '?');
        return cut < 0 ? "/" : (rest.charAt(cut) == '?' ? "/" + rest.substring(cut) : rest.substring(cut));
    }

    private static boolean isSpecialScheme(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https") || lower.equals("ws") || lower.equals("wss")
                || lower.equals("ftp") || lower.equals("file");
    }

    /** In http(s) URLs a backslash before the query is a path separator, as in WHATWG URL parsing. */
    private static String slashesInPath(String s) {
        int q = s.indexOf('?');
        int end = q < 0 ? s.length() : q;
        if (s.lastIndexOf('\\', end - 1) < 0) {
            return s;
        }
        return s.substring(0, end).replace('\\', '/') + s.substring(end);
    }

    /** Resolves {@code .} and {@code ..} segments (also written {@code %2e}) as URL parsing does. */
    private static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0 && path.indexOf('%') < 0) {
            return path;
        }
        String[] segments = path.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (isDoubleDot(seg)) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else if (isSingleDot(seg)) {
                if (last) {
                    out.add("");
                }
            } else {
                out.add(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    private static boolean isSingleDot(String seg) {
        return seg.equals(".") || seg.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String seg) {
        return seg.equals("..") || seg.equalsIgnoreCase(".%2e") || seg.equalsIgnoreCase("%2e.")
                || seg.equalsIgnoreCase("%2e%2e");
    }

    /**
     * BitGo's V4 rule: the proxy's {@code x-original-uri} wins unless it is null (an empty one yields {@code /}),
     * otherwise the request URL.
     */
    public static String of(String xOriginalUri, String requestUrl) {
        return of(xOriginalUri != null ? xOriginalUri : requestUrl);
    }

    private static int schemeEnd(String s) {
        int i = s.indexOf("://");
        if (i <= 0 || !isAlpha(s.charAt(0))) {
            return -1;
        }
        for (int k = 1; k < i; k++) {
            char c = s.charAt(k);
            if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return i;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int firstOf(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEncoding(char c, boolean query) {
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>') {
            return true;
        }
        return query ? c == '\'' : (c == '`' || c == '{' || c == '}');
    }

    private static String encode(String part, boolean query) {
        int i = 0;
        while (i < part.length() && !needsEncoding(part.charAt(i), query)) {
            i++;
        }
        if (i == part.length()) {
            return part;
        }
        StringBuilder out = new StringBuilder(part.length() + 16).append(part, 0, i);
        byte[] rest = part.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : rest) {
            int v = b & 0xff;
            if (v < 0x80 && !needsEncoding((char) v, query)) {
                out.append((char) v);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(v >>> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
