package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;

/**
 * A built transaction that does not do what the caller intended, or whose wallet data does not re-derive; nothing
 * may be signed. Subclasses name the offending input or output.
 */
public class TransactionVerificationException extends SigningException {

    /** A refusal with a message saying why. */
    public TransactionVerificationException(String message) {
        super(message);
    }

    /** An intended recipient that does not get exactly its amount. */
    public static final class RecipientMismatchException extends TransactionVerificationException {
        private final String address;

        public RecipientMismatchException(String address, String detail) {
            super("recipient " + address + ": " + detail);
            this.address = address;
        }

        /** The recipient's address as the intent gave it. */
        public String address() {
            return address;
        }
    }

    /** Base of refusals about one output. */
    public abstract static class OutputException extends TransactionVerificationException {
        private final int outputIndex;

        OutputException(int outputIndex, String detail) {
            super("output " + outputIndex + ": " + detail);
            this.outputIndex = outputIndex;
        }

        /** The index of the offending output. */
        public int outputIndex() {
            return outputIndex;
        }
    }

    /** An output that pays neither an intended recipient nor the wallet's change. */
    public static final class UnexpectedOutputException extends OutputException {
        public UnexpectedOutputException(int outputIndex, String detail) {
            super(outputIndex, detail);
        }
    }

    /** An output whose change derivation data does not re-derive to its script from the wallet xpubs. */
    public static final class ChangeOutputMismatchException extends OutputException {
        public ChangeOutputMismatchException(int outputIndex, String detail) {
            super(outputIndex, detail);
        }
    }

    /** Base of refusals about one input. */
    public abstract static class InputException extends TransactionVerificationException {
        private final int inputIndex;

        InputException(int inputIndex, String detail) {
            super("input " + inputIndex + ": " + detail);
            this.inputIndex = inputIndex;
        }

        /** The index of the offending input. */
        public int inputIndex() {
            return inputIndex;
        }
    }

    /** An input that does not spend a script re-derived from the wallet keys. */
    public static final class ForeignInputException extends InputException {
        public ForeignInputException(int inputIndex, String detail) {
            super(inputIndex, detail);
        }
    }

    /** An input whose amount is not known from the PSBT. */
    public static final class MissingInputAmountException extends InputException {
        public MissingInputAmountException(int inputIndex, String detail) {
            super(inputIndex, detail);
        }
    }

    /** An input whose previous transaction or witness UTXO contradicts the outpoint or each other. */
    public static final class PreviousTransactionMismatchException extends InputException {
        public PreviousTransactionMismatchException(int inputIndex, String detail) {
            super(inputIndex, detail);
        }
    }

    /** A fee that is negative or above the configured bounds. */
    public static final class FeeOutOfBoundsException extends TransactionVerificationException {
        public FeeOutOfBoundsException(String detail) {
            super(detail);
        }
    }
}
