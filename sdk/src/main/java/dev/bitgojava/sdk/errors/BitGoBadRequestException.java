package dev.bitgojava.sdk.errors;

/** 400 Bad Request: the request was malformed or refused by validation. */
public class BitGoBadRequestException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoBadRequestException(ApiErrorDetails details) {
        super(details);
    }
}
