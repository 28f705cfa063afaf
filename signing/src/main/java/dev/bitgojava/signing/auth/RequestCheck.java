package dev.bitgojava.signing.auth;

/**
 * The outcome of a server checking a request's authentication headers ({@link RequestVerifier}).
 *
 * @param version            the auth version the request declared, or null for a plain bearer request
 * @param authorizationValid the {@code Authorization} header is the one this token sends
 * @param hmacValid          the request's HMAC matches its method, path, body and timestamp (false when unsigned)
 * @param inValidityWindow   the request timestamp lies in the version's window (enforced for V3 and V4 only)
 * @param timestamp          the signed timestamp header as received, or null
 * @param authRequestId      V4: the request id to sign the response with, else null
 */
public record RequestCheck(AuthVersion version, boolean authorizationValid, boolean hmacValid,
                           boolean inValidityWindow, String timestamp, String authRequestId) {

    /**
     * Whether the request is authentic: the right bearer and, for an HMAC-eligible token, a valid HMAC inside
     * the window.
     */
    public boolean accepted(AccessToken token) {
        if (!authorizationValid) {
            return false;
        }
        return !token.hmacEligible() || (hmacValid && (inValidityWindow || !version.enforcesValidityWindow()));
    }
}
