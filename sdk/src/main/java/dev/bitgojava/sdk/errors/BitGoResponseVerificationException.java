package dev.bitgojava.sdk.errors;

import dev.bitgojava.signing.auth.ResponseVerificationException;

/**
 * A successful-looking response failed its HMAC or timestamp check (BitGo's SDK reports status 511): the response
 * may have been altered in transit or replayed, and its content must not be trusted.
 */
public class BitGoResponseVerificationException extends BitGoClientException {

    private final ResponseVerificationException.Reason reason;

    /**
     * Wraps the signing module's verification failure; {@code mayHaveBeenProcessed} is true for a non-idempotent
     * request, whose (unverifiable) success response suggests the server did carry it out.
     */
    public BitGoResponseVerificationException(ResponseVerificationException cause, boolean mayHaveBeenProcessed) {
        super(cause.getMessage(), cause, mayHaveBeenProcessed);
        this.reason = cause.reason();
    }

    /** Why verification failed. */
    public ResponseVerificationException.Reason reason() {
        return reason;
    }

    /** The status BitGo's SDK reports for this failure: 511. */
    public int status() {
        return 511;
    }
}
