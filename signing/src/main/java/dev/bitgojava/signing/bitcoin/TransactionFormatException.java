package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;

/** Bytes that do not form a valid Bitcoin transaction (or a part of one), or a value out of its range. */
public class TransactionFormatException extends SigningException {

    /** An error naming what is malformed. */
    public TransactionFormatException(String message) {
        super(message);
    }

    /** An error naming what is malformed, with the underlying cause. */
    public TransactionFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
