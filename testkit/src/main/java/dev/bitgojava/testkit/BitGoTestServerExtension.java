package dev.bitgojava.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;

/**
 * JUnit 5 support for {@link BitGoTestServer}: starts a server, injects it into {@code BitGoTestServer}
 * parameters, fails the test if the server saw a response that would have broken the contract, and closes it.
 *
 * <ul>
 *   <li>{@code @ExtendWith(BitGoTestServerExtension.class)}: a fresh default server for each test;</li>
 *   <li>{@code @RegisterExtension BitGoTestServerExtension bitgo = new BitGoTestServerExtension(builder)}: a
 *       fresh server with the builder's options for each test ({@link #server()} returns it);</li>
 *   <li>{@code @RegisterExtension static BitGoTestServerExtension bitgo = BitGoTestServerExtension.perClass(builder)}:
 *       one server shared by the tests of the class (state carries over between them).</li>
 * </ul>
 *
 * <p>Not meant for tests of one class running in parallel.
 */
public final class BitGoTestServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final BitGoTestServer.Builder builder;
    private final boolean perClass;
    private volatile BitGoTestServer current;

    /** Default servers, one per test. */
    public BitGoTestServerExtension() {
        this(BitGoTestServer.builder());
    }

    /** Servers with the builder's options, one per test. */
    public BitGoTestServerExtension(BitGoTestServer.Builder builder) {
        this(builder, false);
    }

    private BitGoTestServerExtension(BitGoTestServer.Builder builder, boolean perClass) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.perClass = perClass;
    }

    /** One server with the builder's options for all tests of the class; register it in a static field. */
    public static BitGoTestServerExtension perClass(BitGoTestServer.Builder builder) {
        return new BitGoTestServerExtension(builder, true);
    }

    /** The running server of the current test. */
    public BitGoTestServer server() {
        BitGoTestServer server = current;
        if (server == null) {
            throw new IllegalStateException("no server is running outside a test");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            current = builder.build().start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass && current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            current = builder.build().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BitGoTestServer server = current;
        try {
            if (server != null && context.getExecutionException().isEmpty()) {
                server.assertNoContractViolations();
            }
        } finally {
            if (!perClass && server != null) {
                server.close();
                current = null;
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
