package dev.bitgojava.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.client.api.UserApi;
import dev.bitgojava.client.model.Session;
import dev.bitgojava.client.model.SessionResponse;
import dev.bitgojava.client.model.UnlockRequest;
import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoDecryptionException;
import dev.bitgojava.sdk.errors.BitGoNeedsUnlockException;
import dev.bitgojava.sdk.internal.MultiUserRoutes;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.multiuser.IssuedToken;
import dev.bitgojava.signing.multiuser.LoginRequest;
import dev.bitgojava.signing.multiuser.MultiUserException;
import dev.bitgojava.signing.multiuser.TokenIssuance;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Authentication of a {@link BitGoClient}: password login (as BitGo's SDK does it, with v2 token issuance),
 * logout, session information, and unlocking the session for spending. Get one from {@link BitGoClient#auth()}.
 */
public final class Auth {

    /** BitGo's default unlock duration. */
    public static final Duration DEFAULT_UNLOCK = Duration.ofMinutes(10);
    /** BitGo's longest unlock. */
    public static final Duration MAX_UNLOCK = Duration.ofHours(1);

    private final BitGoClient client;

    Auth(BitGoClient client) {
        this.client = client;
    }

    /**
     * Logs in and returns a new client authenticated with the issued token; this client is unchanged. The body
     * carries the password's HMAC (keyed with the lower-cased e-mail), never the password; the answer's
     * ECDH-encrypted token is opened with the password and the configured server xpub, and the ECDH key is kept by
     * the new client (to accept wallet shares). The password copy in {@code login} is cleared.
     *
     * @throws dev.bitgojava.sdk.errors.BitGoAuthenticationException when BitGo refuses the credentials
     * @throws dev.bitgojava.sdk.errors.BitGoNeedsOtpException       when the OTP is missing or wrong
     * @throws BitGoDecryptionException when the answer's token or ECDH key cannot be opened; no token is kept
     */
    public BitGoClient login(Login login) {
        Objects.requireNonNull(login, "login");
        try {
            LoginRequest request;
            try {
                request = LoginRequest.builder(login.username(), login.password())
                        .otp(login.otp()).trust(login.trust()).forceSms(login.forceSms()).build();
            } catch (SigningException e) {
                throw new BitGoConfigurationException("unusable credentials: " + e.getMessage());
            }
            BitGoClient anonymous = client.config().accessToken().isPresent()
                    ? BitGoClient.create(client.config().toBuilder().accessToken(null).build()) : client;
            JsonNode answer = anonymous.api(MultiUserRoutes.class).login(MultiUserJson.object(request.toJson()));
            IssuedToken issued;
            try {
                issued = TokenIssuance.forServerXpub(client.config().serverXpub())
                        .openLoginAnswer(login.password(), answer.toString());
            } catch (MultiUserException e) {
                throw new BitGoDecryptionException("the login answer could not be opened: " + e.getMessage(), e);
            }
            return client.authenticated(issued.accessToken(), issued.ecdhKey());
        } finally {
            login.clear();
        }
    }

    /** Ends the session: the token is refused from then on. */
    public void logout() {
        client.api(UserApi.class).logout();
    }

    /** The current session: user, scopes, expiry, IP allow-list and unlock state. */
    public Session session() {
        SessionResponse response = client.api(UserApi.class).getSession();
        if (response == null || response.getSession() == null) {
            throw new BitGoClientException("the session answer has no session");
        }
        return response.getSession();
    }

    /**
     * Unlocks the session for spending for {@code duration} (1 s to 1 h) with a one-time password.
     *
     * @throws dev.bitgojava.sdk.errors.BitGoNeedsOtpException when the OTP is wrong
     */
    public Session unlock(String otp, Duration duration) {
        if (otp == null || otp.isEmpty()) {
            throw new BitGoConfigurationException("unlocking needs a one-time password");
        }
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_UNLOCK) > 0) {
            throw new BitGoConfigurationException("unlock duration must be between 1 s and 1 h: " + duration);
        }
        SessionResponse response = client.api(UserApi.class)
                .unlock(new UnlockRequest().otp(otp).duration((int) duration.toSeconds()));
        return response == null ? null : response.getSession();
    }

    /** Locks the session again. */
    public Session lock() {
        SessionResponse response = client.api(UserApi.class).lock();
        return response == null ? null : response.getSession();
    }

    /**
     * Runs {@code call}; if BitGo answers that the session must be unlocked, unlocks it for
     * {@link #DEFAULT_UNLOCK} with an OTP from {@code otp} and runs {@code call} once more. The OTP is asked for
     * only when needed.
     */
    public <T> T withUnlock(Supplier<String> otp, Supplier<T> call) {
        return withUnlock(otp, DEFAULT_UNLOCK, call);
    }

    /** {@link #withUnlock(Supplier, Supplier)} with the unlock lasting {@code duration}. */
    public <T> T withUnlock(Supplier<String> otp, Duration duration, Supplier<T> call) {
        Objects.requireNonNull(otp, "otp");
        Objects.requireNonNull(call, "call");
        try {
            return call.get();
        } catch (BitGoNeedsUnlockException e) {
            unlock(otp.get(), duration);
            return call.get();
        }
    }

    @Override
    public String toString() {
        return "Auth[" + client + "]";
    }
}
