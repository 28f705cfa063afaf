package dev.bitgojava.sdk.errors;

/**
 * 401 with {@code needsUnlock}: the session must be unlocked with an OTP ({@code POST /user/unlock}) before this
 * request, e.g. a send above the unlocked-session threshold. Unlock, then repeat the call.
 */
public class BitGoUnlockRequiredException extends BitGoAuthenticationException {

    /** The error from its parts. */
    public BitGoUnlockRequiredException(ApiErrorDetails details) {
        super(details);
    }
}
