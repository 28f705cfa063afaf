package dev.bitgojava.sdk.errors;

/**
 * BitGo refused the call because the session is locked ({@code needsUnlock}): call
 * {@code client.auth().unlock(otp, duration)} and repeat the call, or run it through
 * {@code client.auth().withUnlock(otpSupplier, call)}, which does both once.
 */
public class BitGoNeedsUnlockException extends BitGoAuthenticationException {

    /** The error from its parts. */
    public BitGoNeedsUnlockException(ApiErrorDetails details) {
        super(details);
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " - the session is locked: call client.auth().unlock(otp, duration), then "
                + "repeat the call (or use client.auth().withUnlock(otpSupplier, call))";
    }
}
