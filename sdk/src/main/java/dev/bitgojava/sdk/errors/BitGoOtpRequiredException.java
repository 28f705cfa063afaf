package dev.bitgojava.sdk.errors;

/**
 * 401 with {@code needsOTP}: BitGo wants a second factor for this request. Repeat the call with an {@code otp}
 * (e.g. {@code SendManyOptions.builder().otp(...)}), or unlock the session first ({@code POST /user/unlock}).
 */
public class BitGoOtpRequiredException extends BitGoAuthenticationException {

    /** The error from its parts. */
    public BitGoOtpRequiredException(ApiErrorDetails details) {
        super(details);
    }
}
