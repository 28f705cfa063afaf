package dev.bitgojava.signing.coins;

import dev.bitgojava.signing.SigningException;

/** An amount that cannot be converted: see the subclasses for the reasons. */
public class InvalidAmountException extends SigningException {

    /** An error with its message. */
    public InvalidAmountException(String message) {
        super(message);
    }

    /** The amount is below zero; amounts of coins are never negative. */
    public static class Negative extends InvalidAmountException {
        /** An error with its message. */
        public Negative(String message) {
            super(message);
        }
    }

    /** The amount has more decimal places than the coin's smallest unit allows. */
    public static class TooManyDecimals extends InvalidAmountException {
        /** An error with its message. */
        public TooManyDecimals(String message) {
            super(message);
        }
    }

    /** The amount exceeds {@link Coin#MAX_BASE_UNITS} base units. */
    public static class Overflow extends InvalidAmountException {
        /** An error with its message. */
        public Overflow(String message) {
            super(message);
        }
    }

    /** The text is not a plain decimal number. */
    public static class Malformed extends InvalidAmountException {
        /** An error with its message. */
        public Malformed(String message) {
            super(message);
        }
    }
}
