package dev.bitgojava.sdk.errors;

/** 423 Locked: the resource (e.g. wallet or session) is locked. */
public class BitGoLockedException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoLockedException(ApiErrorDetails details) {
        super(details);
    }
}
