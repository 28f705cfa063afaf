package dev.bitgojava.testkit;

import dev.bitgojava.testkit.internal.Api;
import dev.bitgojava.testkit.internal.ContractValidator;
import dev.bitgojava.testkit.internal.Ids;
import dev.bitgojava.testkit.internal.Model;
import dev.bitgojava.testkit.internal.Store;
import mockwebserver3.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
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
 * <p>A seeded user with one enterprise owns the configured access token. Thread-safe.
 */
public final class BitGoTestServer implements AutoCloseable {

    private final int requestedPort;
    private final InetAddress bindAddress;
    private final String accessToken;
    private final Store store;
    private final Api api;
    private final Faults faults = new Faults();
    private final Model.User user;
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
        this.api = new Api(store);
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

    /** Options for a {@link BitGoTestServer}. */
    public static final class Builder {
        private int port;
        private String accessToken;
        private Clock clock = Clock.systemUTC();
        private String userEmail = "test@example.com";
        private Consumer<Faults> faultSetup = f -> { };
        private String specification;

        private Builder() {
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
