package dev.bitgojava.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * JUnit 5 support for {@link BitGoTestServer}.
 *
 * <ul>
 *   <li>{@code @ExtendWith(BitGoTestServerExtension.class)}: a fresh default server for each test, injected as a
 *       {@code BitGoTestServer} parameter;</li>
 *   <li>{@code @RegisterExtension static BitGoTestServerExtension bitgo = new BitGoTestServerExtension(builder)}:
 *       one server for the whole class ({@link #server()}, or a parameter); as an instance field, one per test.</li>
 * </ul>
 *
 * <p>After each test the extension fails the test if the server saw a response that would have broken the
 * contract.
 */
public final class BitGoTestServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<BitGoTestServer> factory;
    private BitGoTestServer classServer;
    private BitGoTestServer testServer;

    /** Servers with the default options. */
    public BitGoTestServerExtension() {
        this(BitGoTestServer.builder());
    }

    /** Servers built by the given builder (each server has the builder's options). */
    public BitGoTestServerExtension(BitGoTestServer.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        this.factory = builder::build;
    }

    /** The running server of the current test or class. */
    public BitGoTestServer server() {
        BitGoTestServer server = testServer != null ? testServer : classServer;
        if (server == null) {
            throw new IllegalStateException("no server is running outside a test");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classServer = factory.get().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (classServer != null) {
            classServer.close();
            classServer = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (classServer == null) {
            testServer = factory.get().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BitGoTestServer server = testServer != null ? testServer : classServer;
        try {
            if (server != null && context.getExecutionException().isEmpty()) {
                server.assertNoContractViolations();
            }
        } finally {
            if (testServer != null) {
                testServer.close();
                testServer = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BitGoTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }
}
