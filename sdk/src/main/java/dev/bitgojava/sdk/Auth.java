package dev.bitgojava.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.client.api.UserApi;
import dev.bitgojava.client.model.AccessToken;
import dev.bitgojava.client.model.ExtendTokenRequest;
import dev.bitgojava.client.model.Session;
import dev.bitgojava.client.model.SessionResponse;
import dev.bitgojava.client.model.UnlockRequest;
import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoDecryptionException;
import dev.bitgojava.sdk.errors.BitGoNeedsUnlockException;
import dev.bitgojava.sdk.errors.BitGoTokenNotExtensibleException;
import dev.bitgojava.sdk.internal.MultiUserRoutes;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.BitcoinMessage;
import dev.bitgojava.signing.multiuser.ExtensionKey;
import dev.bitgojava.signing.multiuser.IssuedToken;
import dev.bitgojava.signing.multiuser.LoginRequest;
import dev.bitgojava.signing.multiuser.MultiUserException;
import dev.bitgojava.signing.multiuser.TokenIssuance;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Authentication of a {@link BitGoClient}: password login (as BitGo's SDK does it, with v2 token issuance),
 * logout, session information, extending an extensible token, and unlocking the session for spending. Get one from {@link BitGoClient#auth()}.
 */
public final class Auth {

    /** BitGo's default unlock duration. */
    public static final Duration DEFAULT_UNLOCK = Duration.ofMinutes(10);
    /** BitGo's longest unlock. */
    public static final Duration MAX_UNLOCK = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BitGoClient client;

    Auth(BitGoClient client) {
        this.client = client;
    }

    /**
     * Logs in and returns a new client authenticated with the issued token; this client is unchanged. The body
     * carries the password's HMAC (keyed with the lower-cased e-mail), never the password; the answer's
     * ECDH-encrypted token is opened with the password and the configured server xpub, and the ECDH key is kept by
     * the new client (to accept wallet shares). For an {@linkplain Login.Builder#extensible extensible} login a
     * fresh extension key is made, its P2PKH address sent, and the key kept by the new client for
     * {@link #extendToken}. The password copy in {@code login} is cleared.
     *
     * @throws dev.bitgojava.sdk.errors.BitGoAuthenticationException when BitGo refuses the credentials
     * @throws dev.bitgojava.sdk.errors.BitGoNeedsOtpException       when the OTP is missing or wrong
     * @throws BitGoDecryptionException when the answer's token or ECDH key cannot be opened; no token is kept
     */
    public BitGoClient login(Login login) {
        Objects.requireNonNull(login, "login");
        ExtensionKey extensionKey = null;
        boolean handedOver = false;
        try {
            LoginRequest request;
            try {
                LoginRequest.Builder builder = LoginRequest.builder(login.username(), login.password())
                        .otp(login.otp()).trust(login.trust()).forceSms(login.forceSms());
                if (login.extensible()) {
                    extensionKey = ExtensionKey.generate(RANDOM, client.config().environment().isProduction()
                            ? BitcoinMessage.MAINNET_P2PKH : BitcoinMessage.TESTNET_P2PKH);
                    builder.extensible(extensionKey.address());
                }
                request = builder.build();
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
            BitGoClient loggedIn = client.authenticated(issued.accessToken(), issued.ecdhKey(), extensionKey);
            handedOver = true;
            return loggedIn;
        } finally {
            login.clear();
            if (extensionKey != null && !handedOver) {
                extensionKey.destroy();
            }
        }
    }

    /**
     * Extends this client's extensible token by {@code duration} from now ({@code POST /api/v1/user/extendtoken}).
     * The request carries a {@code timestamp} header (milliseconds, from the configured clock) and a
     * {@code signature} header: the extension key's Bitcoin signed-message signature of
     * {@code <timestamp>|<token>|<seconds>}, hex-encoded, as BitGo's SDK sends it. Call it before the token expires;
     * an expired token cannot be extended.
     *
     * @return the token's record with its new expiry
     * @throws BitGoTokenNotExtensibleException when this client has no extension key (not an extensible login, or
     *                                          logged out); nothing is sent
     * @throws dev.bitgojava.sdk.errors.BitGoAuthenticationException when BitGo refuses the signature or the token
     */
    public AccessToken extendToken(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.toSeconds() < 1) {
            throw new BitGoConfigurationException("a token extension must last at least one second: " + duration);
        }
        ExtensionKey key = client.extensionKey();
        String token = client.config().accessToken().orElse(null);
        if (key == null || key.isDestroyed() || token == null) {
            throw new BitGoTokenNotExtensibleException("this client holds no extension key: log in with "
                    + "Login.builder(...).extensible(true) to get a token that can be extended");
        }
        long seconds = duration.toSeconds();
        long timestamp = client.config().clock().millis();
        String signature;
        try {
            signature = key.signExtension(timestamp, token, seconds);
        } catch (MultiUserException e) {
            throw new BitGoTokenNotExtensibleException("the extension key is no longer usable: " + e.getMessage());
        }
        return client.api(UserApi.class).extendToken(new ExtendTokenRequest().duration(seconds),
                Long.toString(timestamp), signature);
    }

    /** Ends the session: the token is refused from then on, and an extension key this client holds is wiped. */
    public void logout() {
        try {
            client.api(UserApi.class).logout();
        } finally {
            ExtensionKey key = client.extensionKey();
            if (key != null) {
                key.destroy();
            }
        }
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
