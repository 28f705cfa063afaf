package dev.bitgojava.signing.coins;

import dev.bitgojava.signing.SigningException;

import java.util.List;

/** A coin id that is not in the coin table, with the ids that look closest. */
public class UnknownCoinException extends SigningException {

    private final String id;
    private final List<String> closeMatches;

    /** An error for {@code id}, naming the close matches when there are any. */
    public UnknownCoinException(String id, List<String> closeMatches) {
        super("unknown coin '" + id + "'" + (closeMatches.isEmpty() ? "" : "; did you mean "
                + String.join(", ", closeMatches) + "?"));
        this.id = id;
        this.closeMatches = List.copyOf(closeMatches);
    }

    /** The id that was asked for. */
    public String id() {
        return id;
    }

    /** Known ids close to the one asked for, closest first (possibly empty). */
    public List<String> closeMatches() {
        return closeMatches;
    }
}
