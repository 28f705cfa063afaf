package dev.bitgojava.signing.keys;

/** A seed of unusable size, or one whose master key falls outside the curve order (BIP32 says: use another seed). */
public class InvalidSeedException extends KeyException {

    /** An error with its message. */
    public InvalidSeedException(String message) {
        super(message);
    }
}
