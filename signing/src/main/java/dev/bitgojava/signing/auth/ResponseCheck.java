package dev.bitgojava.signing.auth;

/**
 * The outcome of checking a response signature.
 *
 * @param hmacValid        the {@code hmac} header equals the HMAC of the rebuilt subject (constant-time)
 * @param inValidityWindow the {@code timestamp} lies in the auth version's window
 * @param windowEnforced   whether the version enforces the window (V3, V4; not V2)
 * @param expectedHmac     the HMAC the response should have carried, lowercase hex
 */
public record ResponseCheck(boolean hmacValid, boolean inValidityWindow, boolean windowEnforced,
                            String expectedHmac) {

    /** Whether the response passes: a valid HMAC, inside the validity window where the version enforces one. */
    public boolean accepted() {
        return hmacValid && (inValidityWindow || !windowEnforced);
    }

    @Override
    public String toString() {
        return "ResponseCheck[hmacValid=" + hmacValid + ", inValidityWindow=" + inValidityWindow + "]";
    }
}
