package dev.bitgojava.sdk.errors;

/** 401 Unauthorized: the token is invalid or expired, or the session must be unlocked or needs an OTP (see needsOtp, needsUnlock). */
public class BitGoAuthenticationException extends BitGoApiException {

    /** The error from its parts. */
    public BitGoAuthenticationException(ApiErrorDetails details) {
        super(details);
    }
}
