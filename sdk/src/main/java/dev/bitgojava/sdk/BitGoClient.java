package dev.bitgojava.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.client.invoker.ApiClient;
import dev.bitgojava.client.invoker.ApiResponseDecoder;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.internal.BitGoErrorDecoder;
import dev.bitgojava.sdk.internal.BitGoJson;
import dev.bitgojava.sdk.internal.CallExecutor;
import dev.bitgojava.sdk.internal.JsonBytesDecoder;
import dev.bitgojava.sdk.internal.NoHiddenRetries;
import dev.bitgojava.sdk.internal.PendingApprovalDecoder;
import dev.bitgojava.sdk.internal.PendingApprovalScope;
import dev.bitgojava.sdk.internal.PlainBearerClient;
import dev.bitgojava.sdk.internal.RedactingLogger;
import dev.bitgojava.sdk.internal.RetryingInvocationHandlerFactory;
import dev.bitgojava.sdk.wallet.Wallets;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.HmacAuthClient;
import dev.bitgojava.signing.keys.Bip32Key;
import feign.Client;
import feign.Feign;
import feign.form.FormEncoder;
import feign.jackson.JacksonEncoder;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The entry point: hands out BitGo's generated API interfaces, wired for signing, verification, retries, typed
 * errors and redacted logging.
 *
 * <pre>{@code
 * BitGoClient bitgo = BitGoClient.create(BitGoClientConfig.builder()
 *         .environment(BitGoEnvironment.TEST)
 *         .accessToken(System.getenv("BITGO_TOKEN"))
 *         .build());
 * WalletApi wallets = bitgo.api(WalletApi.class);
 * }</pre>
 *
 * <p>Every request from an HMAC-eligible token is signed over the exact bytes sent (Auth V2, V3 or V4), every 2xx
 * response is verified, Feign's own retryer is off and a single retry layer applies the {@link RetryPolicy}.
 * Every failure is a {@link BitGoException}. Thread-safe; create one per token and reuse it.
 */
public final class BitGoClient {

    private static final String VERSION = "0.1.0";

    private final BitGoClientConfig config;
    private final ObjectMapper mapper;
    private final Feign.Builder feign;
    private final String basePath;
    private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
    /** The user's ECDH root key when this client came from a password login with token issuance, else null. */
    private final Bip32Key ecdhKey;

    private BitGoClient(BitGoClientConfig config) {
        this(config, null);
    }

    private BitGoClient(BitGoClientConfig config, Bip32Key ecdhKey) {
        this.config = config;
        this.ecdhKey = ecdhKey;
        this.basePath = stripTrailingSlash(config.environment().baseUrl().toString());
        this.mapper = BitGoJson.MAPPER;

        Client client = new feign.okhttp.OkHttpClient(okHttp(config));
        if (config.accessToken().isPresent()) {
            String token = config.accessToken().get();
            if (config.environment().isExpress()) {
                client = new PlainBearerClient(client, token);
            } else {
                AccessToken accessToken;
                try {
                    accessToken = AccessToken.of(token);
                } catch (SigningException e) {
                    throw new BitGoConfigurationException("invalid access token: " + e.getMessage());
                }
                client = HmacAuthClient.builder(client, accessToken)
                        .version(config.authVersion())
                        .clock(config.clock())
                        .verifyResponses(config.verifyResponses())
                        .build();
            }
        }

        RateLimiter limiter = config.rateLimitPermits() == 0 ? null : RateLimiter.of("bitgo",
                RateLimiterConfig.custom()
                        .limitForPeriod(config.rateLimitPermits())
                        .limitRefreshPeriod(config.rateLimitPeriod())
                        .timeoutDuration(config.rateLimitPeriod().multipliedBy(2))
                        .build());
        CallExecutor executor = new CallExecutor(config.retryPolicy(), config.sleeper(), config.eventListener(), limiter);
        String userAgent = "bitgo-java/" + VERSION + " java/" + System.getProperty("java.version")
                + config.userAgentSuffix().map(s -> " " + s.replace('{', '(').replace('}', ')')).orElse("");

        // What the generated ApiClient's constructor sets up, then ours on top.
        Feign.Builder builder = Feign.builder()
                .encoder(new FormEncoder(new JacksonEncoder(mapper)));
        this.feign = builder;
        builder.client(client)
                .options(new Request.Options(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        config.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .retryer(Retryer.NEVER_RETRY)
                .errorDecoder(new BitGoErrorDecoder(mapper, config.clock()))
                .decoder(new PendingApprovalDecoder(new JsonBytesDecoder(new ApiResponseDecoder(mapper), mapper),
                        mapper))
                .logger(new RedactingLogger())
                .logLevel(Logger.Level.valueOf(config.logLevel().name()))
                .requestInterceptor(t -> {
                    t.removeHeader("User-Agent");
                    t.header("User-Agent", userAgent);
                })
                .invocationHandlerFactory(new RetryingInvocationHandlerFactory(executor));
    }

    /**
     * Idle connections kept per client. Feign calls OkHttp synchronously, so every calling thread holds its own
     * connection ({@code Dispatcher.maxRequestsPerHost} limits only asynchronous calls); OkHttp's default of 5 idle
     * connections made most threads of a busier application open a new connection for each request.
     */
    static final int MAX_IDLE_CONNECTIONS = 32;

    private static okhttp3.OkHttpClient okHttp(BitGoClientConfig config) {
        okhttp3.OkHttpClient.Builder b = new okhttp3.OkHttpClient.Builder()
                .connectionPool(new okhttp3.ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                // One retry layer only: OkHttp must not silently resend (it would resend a POST, too).
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(new NoHiddenRetries())
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout());
        config.proxy().ifPresent(b::proxy);
        if ("http".equalsIgnoreCase(config.environment().baseUrl().getScheme())) {
            // Plain HTTP (a local BitGo Express, a test server) and redirects are off: no request of this client
            // can need TLS, so OkHttp need not load the platform trust store and TLS classes on start.
            b.connectionSpecs(java.util.List.of(okhttp3.ConnectionSpec.CLEARTEXT));
        }
        return b.build();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * A client for a configuration.
     *
     * @throws BitGoConfigurationException when the configuration is unusable (e.g. a malformed token)
     */
    public static BitGoClient create(BitGoClientConfig config) {
        return new BitGoClient(Objects.requireNonNull(config, "config"));
    }

    /**
     * Logs in with a password (BitGo's own login: the password goes out only in its HMAC form; v2 token issuance)
     * and returns a client authenticated with the issued token. Shorthand for
     * {@code BitGoClient.create(config).auth().login(login)}.
     */
    public static BitGoClient login(BitGoClientConfig config, Login login) {
        return create(config).auth().login(login);
    }

    /** A client with {@code token} and the ECDH key from a login; everything else as this one. */
    BitGoClient authenticated(String token, Bip32Key loginEcdhKey) {
        return new BitGoClient(config.toBuilder().accessToken(token).build(), loginEcdhKey);
    }

    /** Converts JSON to a generated model type with the generated client's mapper. */
    <T> T convert(Object json, Class<T> type) {
        return mapper.convertValue(json, type);
    }

    /** The ECDH root key kept from a password login, or null. */
    Bip32Key ecdhKey() {
        return ecdhKey;
    }

    /** Login, logout, session information, unlock and lock. */
    public Auth auth() {
        return new Auth(this);
    }

    /** The user's long-lived access tokens: create, list, delete. */
    public AccessTokens accessTokens() {
        return new AccessTokens(this);
    }

    /** Wallet sharing: share (view or spend), list, accept, reject, cancel. */
    public WalletShares walletShares() {
        return new WalletShares(this);
    }

    /** Pending approvals: list (all pages), approve, reject. */
    public PendingApprovals pendingApprovals() {
        return new PendingApprovals(this);
    }

    /** The policy rules of one wallet: add, update, remove. */
    public Policies policies(String coin, String walletId) {
        return new Policies(this, coin, walletId);
    }

    /** The configuration this client was built with. */
    public BitGoClientConfig config() {
        return config;
    }

    /**
     * A wired instance of a generated API interface, e.g. {@code api(WalletApi.class)}; instances are cached and
     * thread-safe.
     */
    @SuppressWarnings("unchecked")
    public <T extends ApiClient.Api> T api(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return (T) apis.computeIfAbsent(type, t -> {
            synchronized (feign) {
                return feign.target(type, basePath);
            }
        });
    }

    /**
     * Runs a call whose answer may be "pending approval" (status 202, or {@code status: pendingApproval}), and
     * says which it was. Such an answer is a success; it is returned, not thrown.
     */
    public <T> Outcome<T> withPendingApproval(Supplier<T> call) {
        PendingApprovalScope scope = PendingApprovalScope.open();
        try {
            T value = call.get();
            return new Outcome<>(value, scope.seen());
        } finally {
            scope.close();
        }
    }

    /**
     * The wallets of a coin ({@code tbtc}, {@code btc}, {@code hteth}, ...): generate, open, create verified
     * addresses and send.
     *
     * @throws dev.bitgojava.sdk.errors.BitGoUnsupportedException for a coin the wallet flows do not support
     */
    public Wallets wallets(String coin) {
        return new Wallets(this, coin);
    }

    /** The read timeout in force (BitGo's SDK uses 305 s so that slow sends are not cut off). */
    public Duration readTimeout() {
        return config.readTimeout();
    }

    @Override
    public String toString() {
        return "BitGoClient[" + config + "]";
    }
}
