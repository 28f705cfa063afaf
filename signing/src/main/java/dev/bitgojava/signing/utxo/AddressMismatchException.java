package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;

/** An address that does not re-derive from the wallet keys at the claimed chain and index. */
public class AddressMismatchException extends SigningException {

    private final String claimed;
    private final String derived;

    /** The claimed address and the one the wallet keys give. */
    public AddressMismatchException(String claimed, String derived, int chain, int index) {
        super("address " + claimed + " is not the wallet's address at 0/0/" + chain + "/" + index + " (" + derived + ")");
        this.claimed = claimed;
        this.derived = derived;
    }

    /** The address that was given. */
    public String claimed() {
        return claimed;
    }

    /** The address the wallet keys derive. */
    public String derived() {
        return derived;
    }
}
