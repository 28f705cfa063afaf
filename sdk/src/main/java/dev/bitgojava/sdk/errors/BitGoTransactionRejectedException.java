package dev.bitgojava.sdk.errors;

/**
 * Verify before sign refused what the server built: it does not pay exactly the intended recipients, spends or
 * changes to something that is not the wallet's, or exceeds the fee bounds. Nothing was signed or sent. The cause is
 * the signing module's specific refusal (naming the offending input or output).
 */
public class BitGoTransactionRejectedException extends BitGoClientException {

    /** A refusal with the verifier's exception as cause. */
    public BitGoTransactionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
