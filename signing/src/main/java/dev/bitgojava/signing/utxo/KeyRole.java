package dev.bitgojava.signing.utxo;

/** The three keys of a BitGo 2-of-3 wallet, in the fixed order in which scripts list them. */
public enum KeyRole {
    /** The user's key (signs first). */
    USER,
    /** The backup key (recovery). */
    BACKUP,
    /** BitGo's key (co-signs). */
    BITGO;

    /** Lower-case name as BitGo writes it ({@code user}, {@code backup}, {@code bitgo}). */
    public String bitgoName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
