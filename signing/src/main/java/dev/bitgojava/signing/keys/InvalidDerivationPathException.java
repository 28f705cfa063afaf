package dev.bitgojava.signing.keys;

/** A derivation path that cannot be parsed or applied (bad syntax, index out of range, too deep, absolute on a child). */
public class InvalidDerivationPathException extends KeyException {

    /** An error with its message. */
    public InvalidDerivationPathException(String message) {
        super(message);
    }
}
