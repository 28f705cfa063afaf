package dev.bitgojava.sdk.errors;

/** 409 Conflict: the request conflicts with the current state (e.g. a duplicate sequenceId). */
public class BitGoConflictException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoConflictException(ApiErrorDetails details) {
        super(details);
    }
}
