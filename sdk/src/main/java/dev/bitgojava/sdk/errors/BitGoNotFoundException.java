package dev.bitgojava.sdk.errors;

/** 404 Not Found: no such wallet, address, transfer or route. */
public class BitGoNotFoundException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoNotFoundException(ApiErrorDetails details) {
        super(details);
    }
}
