package dev.bitgojava.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bitgojava.benchmarks.Vectors;
import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.ResponseSignature;
import dev.bitgojava.signing.auth.ResponseSigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal local BitGo stand-in for the throughput and cold-start benchmarks: {@code GET <getPath>} of
 * {@code bench-inputs.json} answers 200 with the 2.5 KB wallet body, signed (headers {@code hmac}, {@code timestamp})
 * for the request's auth version; anything else is 404. It does as little as possible so the clients dominate.
 * Standalone: {@code java -cp benchmarks.jar dev.bitgojava.benchmarks.http.LocalServer [port]}.
 */
public final class LocalServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String getPath;
    private final byte[] body;
    private final Map<AuthVersion, ResponseSigner> signers = new EnumMap<>(AuthVersion.class);

    private LocalServer(int port) throws IOException {
        JsonNode in = Vectors.resource("bench-inputs.json");
        AccessToken token = AccessToken.of(in.path("token").asText());
        for (AuthVersion v : AuthVersion.values()) {
            signers.put(v, new ResponseSigner(token, v));
        }
        getPath = in.path("getPath").asText();
        body = in.path("responseBody").asText().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a server on {@code port} (0: any free port). */
    public static LocalServer start(int port) {
        try {
            LocalServer s = new LocalServer(port);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String pathWithQuery = query == null ? rawPath : rawPath + "?" + query;
            if (!"GET".equals(exchange.getRequestMethod()) || !getPath.equals(rawPath)
                    || exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String versionHeader = exchange.getRequestHeaders().getFirst("BitGo-Auth-Version");
            AuthVersion version = versionHeader == null ? AuthVersion.V2 : AuthVersion.fromHeaderValue(versionHeader);
            String requestId = exchange.getRequestHeaders().getFirst("Auth-Request-Id");
            ResponseSignature sig = signers.get(version).sign("GET", pathWithQuery, requestId, 200, body,
                    System.currentTimeMillis());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("hmac", sig.hmac());
            exchange.getResponseHeaders().add("timestamp", sig.timestamp());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Runs until killed; prints {@code listening on <url>}. */
    public static void main(String[] args) throws InterruptedException {
        LocalServer s = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("listening on " + s.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
