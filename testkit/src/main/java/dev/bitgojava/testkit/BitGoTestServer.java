package dev.bitgojava.testkit;

import dev.bitgojava.testkit.internal.Accounts;
import dev.bitgojava.testkit.internal.Api;
import dev.bitgojava.testkit.internal.ContractValidator;
import dev.bitgojava.testkit.internal.Ids;
import dev.bitgojava.testkit.internal.Model;
import dev.bitgojava.testkit.internal.MultiUserApi;
import dev.bitgojava.testkit.internal.Shares;
import dev.bitgojava.testkit.internal.PendingApprovalApi;
import dev.bitgojava.testkit.internal.PendingApprovals;
import dev.bitgojava.testkit.internal.Store;
import dev.bitgojava.testkit.internal.TransactionApi;
import mockwebserver3.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A strict, in-memory, BitGo-compatible HTTP server on localhost for tests: it authenticates requests exactly like
 * BitGo (plain bearer, or Auth V2/V3/V4 HMAC with timestamp window and replay protection), signs its responses,
 * validates every request and response against the project's OpenAPI contract, keeps users, keys, wallets,
 * addresses, transfers, webhooks and policies in memory, and can inject faults.
 *
 * <pre>{@code
 * try (BitGoTestServer bitgo = BitGoTestServer.builder().accessToken(token).build().start()) {
 *     client = BitGoClient.builder().baseUrl(bitgo.url()).accessToken(token)...;
 *     ...
 *     bitgo.assertNoContractViolations();
 * }
 * }</pre>
 *
 * <p>A seeded user with one enterprise owns the configured access token and logs in with
 * {@link #DEFAULT_PASSWORD} (or the configured one); {@link Builder#user} adds more users to that enterprise, each with
 * a password and an ECDH keychain, for multi-user workflows (login with v2 token issuance, wallet sharing,
 * approvals). The one-time password the server accepts is {@link #TEST_OTP}. Thread-safe.
 */
public final class BitGoTestServer implements AutoCloseable {

    private static final java.security.SecureRandom TOKEN_RANDOM = new java.security.SecureRandom();

    private final int requestedPort;
    private final InetAddress bindAddress;
    private final String accessToken;
    private final Store store;
    private final Api api;
    private final Faults faults = new Faults();
    private final Model.User user;
    private final Accounts accounts = new Accounts();
    private final Map<String, String> userIdsByEmail = new LinkedHashMap<>();
    private final MockWebServer http = new MockWebServer();
    private final ServerDispatcher dispatcher;
    private volatile boolean started;

    private BitGoTestServer(Builder builder) {
        this.requestedPort = builder.port;
        this.bindAddress = InetAddress.getLoopbackAddress();
        this.accessToken = builder.accessToken != null ? builder.accessToken : "v2x" + Ids.hex(32);
        this.store = new Store(builder.clock);
        this.user = store.seedUser(builder.userEmail, "Test", "User", "Test Enterprise");
        store.addToken(user.id(), accessToken, "testkit");
        accounts.register(user.id(), user.email(), builder.userPassword.toCharArray());
        userIdsByEmail.put(user.email().toLowerCase(java.util.Locale.ROOT), user.id());
        for (Map.Entry<String, String> extra : builder.extraUsers.entrySet()) {
            Model.User added = store.addUser(extra.getKey(), "Test", "User", user.enterpriseIds());
            accounts.register(added.id(), added.email(), extra.getValue().toCharArray());
            userIdsByEmail.put(added.email().toLowerCase(java.util.Locale.ROOT), added.id());
        }
        this.api = new Api(store);
        new MultiUserApi(store, accounts, new Shares(), builder.loginLifetime, api.router());
        PendingApprovals approvals = new PendingApprovals();
        new TransactionApi(store, approvals, faults::takeMaliciousBuild).register(api.router());
        new PendingApprovalApi(store, approvals).register(api.router());
        builder.faultSetup.accept(faults);
        ContractValidator contract = builder.specification != null
                ? ContractValidator.forSpecification(builder.specification) : ContractValidator.bundled();
        this.dispatcher = new ServerDispatcher(store, api.router(), contract, faults, this::forgetOneRecordedRequest);
        http.setDispatcher(dispatcher);
    }

    /** A builder with a free port, a random access token and the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on {@code 127.0.0.1}; returns this server. */
    public BitGoTestServer start() {
        if (started) {
            throw new IllegalStateException("the server is already started");
        }
        try {
            http.start(bindAddress, requestedPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + requestedPort, e);
        }
        started = true;
        return this;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:53211} (no trailing slash). */
    public String url() {
        return "http://" + bindAddress.getHostAddress() + ":" + port();
    }

    /** The port the server listens on. */
    public int port() {
        requireStarted();
        return http.getPort();
    }

    /** The access token of the seeded user. */
    public String accessToken() {
        return accessToken;
    }

    /** The seeded user's id. */
    public String userId() {
        return user.id();
    }

    /** The id of a user (the seeded one or one added with {@link Builder#user}) by e-mail, case-insensitive. */
    public String userId(String email) {
        String id = userIdsByEmail.get(Objects.requireNonNull(email, "email").toLowerCase(java.util.Locale.ROOT));
        if (id == null) {
            throw new IllegalArgumentException("no user " + email);
        }
        return id;
    }

    /**
     * Issues a fresh access token ({@code v2x…}, HMAC-eligible) for a user, as the token page of BitGo's web
     * application would: lets a test act as a second user (an approver, a share recipient) without a login.
     *
     * @throws IllegalArgumentException when no user has that e-mail
     */
    public String issueAccessToken(String email) {
        String userId = userId(email);
        byte[] secret = new byte[32];
        TOKEN_RANDOM.nextBytes(secret);
        String token = "v2x" + java.util.HexFormat.of().formatHex(secret);
        store.addToken(userId, token, "testkit issued");
        return token;
    }

    /** The xpub of the server's token-issuance key: clients need it to open the tokens a login issues. */
    public String serverXpub() {
        return accounts.serverXpub();
    }

    /** The seeded user's enterprise id. */
    public String enterpriseId() {
        return user.enterpriseIds().get(0);
    }

    /** The fault controls, for injecting failures while the server runs. */
    public Faults faults() {
        return faults;
    }

    /**
     * Credits a wallet as if a payment of {@code amountBaseUnits} reached its newest receive address: records a
     * confirmed receive transfer and a matching unspent, and raises the balance.
     *
     * @throws IllegalArgumentException for an unknown wallet or a non-positive amount
     */
    public CreditedTransfer credit(String walletId, BigInteger amountBaseUnits) {
        Model.Transfer transfer = api.credit(walletId, amountBaseUnits);
        return new CreditedTransfer(transfer.id(), transfer.txid(), transfer.address(), transfer.value());
    }

    /** {@link #credit(String, BigInteger)} for an amount that fits a {@code long}. */
    public CreditedTransfer credit(String walletId, long amountBaseUnits) {
        return credit(walletId, BigInteger.valueOf(amountBaseUnits));
    }

    /** Every response so far that would have broken the contract (each was answered with a 500 instead). */
    public List<ContractViolation> contractViolations() {
        return dispatcher.violations();
    }

    /** Fails with an {@link AssertionError} listing the contract violations, if there were any. */
    public void assertNoContractViolations() {
        List<ContractViolation> violations = contractViolations();
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("the test server saw ").append(violations.size())
                    .append(" response(s) violating the contract:");
            violations.forEach(v -> message.append("\n  ").append(v));
            throw new AssertionError(message.toString());
        }
    }

    /** Stops the server and closes its connections. */
    @Override
    public void close() {
        http.close();
        started = false;
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the server is not started");
        }
    }

    /** Keeps the HTTP server's own log of recorded requests from growing without bound. */
    private void forgetOneRecordedRequest() {
        try {
            http.takeRequest(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BitGoTestServer[" + (started ? url() : "not started") + "]";
    }

    /** The seeded user's login password unless {@link Builder#userPassword} sets another. */
    public static final String DEFAULT_PASSWORD = "testkit password";
    /** The one-time password the server accepts (as BitGo's test environment does). */
    public static final String TEST_OTP = Api.TEST_OTP;

    /** Options for a {@link BitGoTestServer}. */
    public static final class Builder {
        private int port;
        private String accessToken;
        private Clock clock = Clock.systemUTC();
        private String userEmail = "test@example.com";
        private Consumer<Faults> faultSetup = f -> { };
        private String specification;
        private String userPassword = DEFAULT_PASSWORD;
        private final Map<String, String> extraUsers = new LinkedHashMap<>();
        private Duration loginLifetime = Duration.ofHours(1);

        private Builder() {
        }

        /** The seeded user's login password (default {@link #DEFAULT_PASSWORD}). */
        public Builder userPassword(String password) {
            this.userPassword = requirePassword(password);
            return this;
        }

        /**
         * Adds a user to the seeded user's enterprise, with a login password and a fresh ECDH keychain. The user
         * has no access token until they log in.
         */
        public Builder user(String email, String password) {
            Objects.requireNonNull(email, "email");
            if (extraUsers.containsKey(email) || email.equalsIgnoreCase(userEmail)) {
                throw new IllegalArgumentException("duplicate user " + email);
            }
            extraUsers.put(email, requirePassword(password));
            return this;
        }

        /** How long a login session lasts (default one hour). */
        public Builder loginLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("the login lifetime must be positive");
            }
            this.loginLifetime = lifetime;
            return this;
        }

        private static String requirePassword(String password) {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("a password must not be empty");
            }
            return password;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The seeded user's access token (default: a random {@code v2x} token). */
        public Builder accessToken(String accessToken) {
            Objects.requireNonNull(accessToken, "accessToken");
            if (accessToken.isBlank()) {
                throw new IllegalArgumentException("the access token must not be blank");
            }
            this.accessToken = accessToken;
            return this;
        }

        /** The clock for auth windows, response timestamps and record dates (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The seeded user's email address. */
        public Builder userEmail(String email) {
            this.userEmail = Objects.requireNonNull(email, "email");
            return this;
        }

        /** Faults in force from the first request, e.g. {@code f -> f.bitgoTokenBudget()}. */
        public Builder faults(Consumer<Faults> setup) {
            this.faultSetup = Objects.requireNonNull(setup, "setup");
            return this;
        }

        /** Enforces another OpenAPI document (text) instead of the contract bundled in the testkit. */
        public Builder specification(String openApiText) {
            this.specification = Objects.requireNonNull(openApiText, "openApiText");
            return this;
        }

        /** The configured server, not yet listening. */
        public BitGoTestServer build() {
            return new BitGoTestServer(this);
        }
    }
}
