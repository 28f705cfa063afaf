package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.multiuser.TokenIssuance;

import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable configuration of a {@link BitGoClient}; build it with {@link #builder()}.
 *
 * <p>Defaults follow BitGo's own SDK: test environment, Auth V2, responses verified, 10 s connect and 305 s read
 * timeouts, 5 attempts with backoff from 500 ms, no client-side rate limit, no HTTP logging. The access token is
 * never part of {@link #toString()}.
 */
public final class BitGoClientConfig {

    /** BitGo's published rate limit per token: 360 requests per 60 s. */
    public static final int DEFAULT_RATE_LIMIT_PERMITS = 360;
    /** The period of {@link #DEFAULT_RATE_LIMIT_PERMITS}. */
    public static final Duration DEFAULT_RATE_LIMIT_PERIOD = Duration.ofSeconds(60);

    private final BitGoEnvironment environment;
    private final String accessToken;
    private final AuthVersion authVersion;
    private final boolean verifyResponses;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Proxy proxy;
    private final Clock clock;
    private final String userAgentSuffix;
    private final RetryPolicy retryPolicy;
    private final int rateLimitPermits;
    private final Duration rateLimitPeriod;
    private final Sleeper sleeper;
    private final BitGoEventListener eventListener;
    private final HttpLogLevel logLevel;
    private final String serverXpub;

    private BitGoClientConfig(Builder b) {
        this.environment = b.environment;
        this.accessToken = b.accessToken;
        this.authVersion = b.authVersion;
        this.verifyResponses = b.verifyResponses;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.proxy = b.proxy;
        this.clock = b.clock;
        this.userAgentSuffix = b.userAgentSuffix;
        this.retryPolicy = b.retryPolicy;
        this.rateLimitPermits = b.rateLimitPermits;
        this.rateLimitPeriod = b.rateLimitPeriod;
        this.sleeper = b.sleeper;
        this.eventListener = b.eventListener;
        this.logLevel = b.logLevel;
        this.serverXpub = b.serverXpub;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.environment = environment;
        b.accessToken = accessToken;
        b.authVersion = authVersion;
        b.verifyResponses = verifyResponses;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.proxy = proxy;
        b.clock = clock;
        b.userAgentSuffix = userAgentSuffix;
        b.retryPolicy = retryPolicy;
        b.rateLimitPermits = rateLimitPermits;
        b.rateLimitPeriod = rateLimitPeriod;
        b.sleeper = sleeper;
        b.eventListener = eventListener;
        b.logLevel = logLevel;
        b.serverXpub = serverXpub;
        return b;
    }

    /** Where requests go. */
    public BitGoEnvironment environment() { return environment; }

    /** The access token (never printed); empty when calls are made without authentication. */
    public Optional<String> accessToken() { return Optional.ofNullable(accessToken); }

    /** The auth version used for HMAC-eligible tokens. */
    public AuthVersion authVersion() { return authVersion; }

    /** Whether response signatures are verified. */
    public boolean verifyResponses() { return verifyResponses; }

    /** The connect timeout. */
    public Duration connectTimeout() { return connectTimeout; }

    /** The read timeout. */
    public Duration readTimeout() { return readTimeout; }

    /** The HTTP proxy, if any. */
    public Optional<Proxy> proxy() { return Optional.ofNullable(proxy); }

    /** The clock for request timestamps, response windows and {@code Retry-After} dates. */
    public Clock clock() { return clock; }

    /** Text appended to the {@code User-Agent}, if any. */
    public Optional<String> userAgentSuffix() { return Optional.ofNullable(userAgentSuffix); }

    /** How failed calls are retried. */
    public RetryPolicy retryPolicy() { return retryPolicy; }

    /** Permits per period of the client-side rate limit, or 0 when there is none. */
    public int rateLimitPermits() { return rateLimitPermits; }

    /** The period of the client-side rate limit. */
    public Duration rateLimitPeriod() { return rateLimitPeriod; }

    /** How the retry layer waits. */
    public Sleeper sleeper() { return sleeper; }

    /** Who is told about retries and call ends. */
    public BitGoEventListener eventListener() { return eventListener; }

    /** How much HTTP traffic is logged (with secrets masked). */
    public HttpLogLevel logLevel() { return logLevel; }

    /**
     * The xpub of the server key that login tokens are encrypted against (v2 token issuance): the configured one,
     * else BitGo's production key for {@link BitGoEnvironment#PROD} and BitGo's test key for every other
     * environment.
     */
    public String serverXpub() {
        if (serverXpub != null) {
            return serverXpub;
        }
        return environment.isProduction() ? TokenIssuance.PROD_SERVER_XPUB : TokenIssuance.TEST_SERVER_XPUB;
    }

    @Override
    public String toString() {
        return "BitGoClientConfig[environment=" + environment
                + ", accessToken=" + (accessToken == null ? "none" : "****")
                + ", authVersion=" + authVersion
                + ", verifyResponses=" + verifyResponses
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", proxy=" + (proxy == null ? "none" : proxy)
                + ", userAgentSuffix=" + userAgentSuffix
                + ", retryPolicy=" + retryPolicy
                + ", rateLimit=" + (rateLimitPermits == 0 ? "off" : rateLimitPermits + "/" + rateLimitPeriod)
                + ", logLevel=" + logLevel + "]";
    }

    /** Builds a {@link BitGoClientConfig}. Not thread-safe. */
    public static final class Builder {
        private BitGoEnvironment environment = BitGoEnvironment.TEST;
        private String accessToken;
        private AuthVersion authVersion = AuthVersion.V2;
        private boolean verifyResponses = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(305);
        private Proxy proxy;
        private Clock clock = Clock.systemUTC();
        private String userAgentSuffix;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private int rateLimitPermits;
        private Duration rateLimitPeriod = DEFAULT_RATE_LIMIT_PERIOD;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private BitGoEventListener eventListener = BitGoEventListener.NONE;
        private HttpLogLevel logLevel = HttpLogLevel.NONE;
        private String serverXpub;

        private Builder() {
        }

        /**
         * The server xpub for token issuance, for a self-hosted or test server with its own key (default: chosen
         * by the environment, see {@link BitGoClientConfig#serverXpub()}).
         */
        public Builder serverXpub(String serverXpub) {
            this.serverXpub = serverXpub;
            return this;
        }

        /** Where requests go (default {@link BitGoEnvironment#TEST}). */
        public Builder environment(BitGoEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The access token; calls are unauthenticated without one. */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /** The auth version for HMAC-eligible tokens (default V2, as BitGo's SDK). */
        public Builder authVersion(AuthVersion authVersion) {
            this.authVersion = Objects.requireNonNull(authVersion, "authVersion");
            return this;
        }

        /** Whether to verify response signatures (default true; false is refused for production). */
        public Builder verifyResponses(boolean verify) {
            this.verifyResponses = verify;
            return this;
        }

        /** The connect timeout (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /** The read timeout (default 305 s, as BitGo's SDK). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
            return this;
        }

        /** An HTTP proxy. */
        public Builder proxy(Proxy proxy) {
            this.proxy = proxy;
            return this;
        }

        /** The clock (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Text appended to the {@code User-Agent} header, e.g. {@code my-app/1.2}. */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /** The retry policy (default {@link RetryPolicy#DEFAULT}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** Turns on the client-side rate limit at BitGo's published 360 requests per 60 s. */
        public Builder rateLimit() {
            return rateLimit(DEFAULT_RATE_LIMIT_PERMITS, DEFAULT_RATE_LIMIT_PERIOD);
        }

        /** A client-side rate limit of {@code permits} calls per {@code period}; 0 permits turns it off. */
        public Builder rateLimit(int permits, Duration period) {
            this.rateLimitPermits = permits;
            this.rateLimitPeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        /** How the retry layer waits (default {@link Sleeper#SYSTEM}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Who is told about retries and call ends. */
        public Builder eventListener(BitGoEventListener listener) {
            this.eventListener = Objects.requireNonNull(listener, "eventListener");
            return this;
        }

        /** How much HTTP traffic to log at DEBUG (default none). */
        public Builder logLevel(HttpLogLevel level) {
            this.logLevel = Objects.requireNonNull(level, "logLevel");
            return this;
        }

        /**
         * The configuration.
         *
         * @throws BitGoConfigurationException on an invalid combination, e.g. verification off in production
         */
        public BitGoClientConfig build() {
            if (!verifyResponses && environment.isProduction()) {
                throw new BitGoConfigurationException("response verification cannot be switched off in production");
            }
            if (serverXpub != null) {
                try {
                    TokenIssuance.forServerXpub(serverXpub);
                } catch (SigningException e) {
                    throw new BitGoConfigurationException("server xpub is not a valid extended public key");
                }
            }
            if (accessToken != null && accessToken.isBlank()) {
                throw new BitGoConfigurationException("access token is blank");
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new BitGoConfigurationException("timeouts must be positive");
            }
            if (rateLimitPermits < 0 || (rateLimitPermits > 0 && (rateLimitPeriod.isZero() || rateLimitPeriod.isNegative()))) {
                throw new BitGoConfigurationException("rate limit needs a non-negative number of permits and a positive period");
            }
            if (userAgentSuffix != null && userAgentSuffix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new BitGoConfigurationException("user agent suffix contains control characters");
            }
            return new BitGoClientConfig(this);
        }
    }
}
