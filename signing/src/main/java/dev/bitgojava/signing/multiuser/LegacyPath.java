package dev.bitgojava.signing.multiuser;

/**
 * The lenient path cleaning BitGo's sdk-core applies ({@code sanitizeLegacyPath}) to token-issuance and sharing
 * paths before deriving: {@code m/999999/104490948/173846667} becomes {@code 999999/104490948/173846667}.
 */
public final class LegacyPath {

    private LegacyPath() {
    }

    /**
     * Splits on {@code /}, drops empty pieces and a leading {@code m}, reads each piece as JavaScript's
     * {@code parseInt} does (leading whitespace and sign allowed, the longest decimal prefix, {@code 0} when there are
     * no digits), keeps a trailing {@code '} as the hardened marker, and joins with {@code /}.
     *
     * @throws MalformedMultiUserDataException when the path is null or nothing is left
     */
    public static String sanitize(String path) {
        if (path == null) {
            throw new MalformedMultiUserDataException("no derivation path (null)");
        }
        StringBuilder out = new StringBuilder(path.length());
        boolean seenPiece = false;
        for (String piece : path.split("/")) {
            if (piece.isEmpty()) {
                continue;
            }
            boolean leadingM = !seenPiece && piece.equals("m");
            seenPiece = true;
            if (leadingM) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(parseIntPrefix(piece));
            if (piece.endsWith("'")) {
                out.append('\'');
            }
        }
        if (out.length() == 0) {
            throw new MalformedMultiUserDataException("derivation path '" + path + "' has no index");
        }
        return out.toString();
    }

    private static String parseIntPrefix(String piece) {
        int i = 0;
        while (i < piece.length() && Character.isWhitespace(piece.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < piece.length() && (piece.charAt(i) == '+' || piece.charAt(i) == '-')) {
            negative = piece.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < piece.length() && piece.charAt(i) >= '0' && piece.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return "0";
        }
        String digits = piece.substring(start, i).replaceFirst("^0+(?=.)", "");
        return negative && !digits.equals("0") ? "-" + digits : digits;
    }
}
