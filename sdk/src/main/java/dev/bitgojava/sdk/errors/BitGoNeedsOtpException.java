package dev.bitgojava.sdk.errors;

/**
 * BitGo asks for a (correct) one-time password ({@code needsOTP}): the OTP sent was missing or wrong. Repeat the
 * call with a fresh OTP — in the request where it takes one (login, unlock, access-token creation, approvals) —
 * or unlock the session first with {@code client.auth().unlock(otp, duration)}.
 */
public class BitGoNeedsOtpException extends BitGoAuthenticationException {

    /** The error from its parts. */
    public BitGoNeedsOtpException(ApiErrorDetails details) {
        super(details);
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " - a valid one-time password is needed: pass a fresh OTP with the call, or "
                + "call client.auth().unlock(otp, duration) first";
    }
}
