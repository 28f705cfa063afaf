package dev.bitgojava.sdk.errors;

/** 403 Forbidden: the token lacks the permission or scope for this call. */
public class BitGoPermissionException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoPermissionException(ApiErrorDetails details) {
        super(details);
    }
}
