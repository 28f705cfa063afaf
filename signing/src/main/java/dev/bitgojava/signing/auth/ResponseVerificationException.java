package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;

/**
 * A response failed its signature check: the {@code hmac} header was missing or wrong, or its timestamp lay
 * outside the validity window. BitGo's SDK reports both as status 511.
 */
public class ResponseVerificationException extends SigningException {

    /** Why verification failed. */
    public enum Reason {
        /** No {@code hmac} (or no {@code timestamp}) header. */
        MISSING_SIGNATURE,
        /** The {@code hmac} header does not match the response. */
        INVALID_SIGNATURE,
        /** A valid signature whose timestamp lies outside the validity window. */
        OUTSIDE_VALIDITY_WINDOW
    }

    /** The message BitGo's SDK uses for a missing or wrong HMAC. */
    public static final String INVALID_HMAC_MESSAGE = "invalid response HMAC";
    /** The message BitGo's SDK uses for a stale or future timestamp. */
    public static final String OUTSIDE_WINDOW_MESSAGE = "server response outside response validity time window";

    private final Reason reason;

    /** A verification failure for the given reason. */
    public ResponseVerificationException(Reason reason) {
        super(reason == Reason.OUTSIDE_VALIDITY_WINDOW ? OUTSIDE_WINDOW_MESSAGE : INVALID_HMAC_MESSAGE);
        this.reason = reason;
    }

    /** Why verification failed. */
    public Reason reason() {
        return reason;
    }

    /** The HTTP status BitGo's SDK attaches to this failure: 511. */
    public int statusEquivalent() {
        return 511;
    }
}
