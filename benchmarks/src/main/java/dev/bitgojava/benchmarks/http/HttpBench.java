package dev.bitgojava.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.benchmarks.Vectors;
import dev.bitgojava.client.api.WalletApi;
import dev.bitgojava.client.model.Wallet;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.BitGoClientConfig;
import dev.bitgojava.sdk.BitGoEnvironment;
import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.RequestSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * A full request through {@link BitGoClient} (generated Feign API, auth interceptors, Jackson, response HMAC
 * verification) against a local server, with 1 and 16 threads; latency percentiles from {@code SampleTime}.
 * Baseline: the JDK {@code HttpClient} sending the same request line and headers (signed once at set-up) to the same
 * server and reading the body, with no signing, parsing or verification. The server is the one named by
 * {@code -Dbitgo.bench.server=<url>}, or one started in the benchmark JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class HttpBench {

    private LocalServer ownServer;
    private BitGoClient client;
    private WalletApi wallets;
    private String walletId;
    private HttpClient httpClient;
    private HttpRequest rawRequest;

    @Setup
    public void setUp() throws Exception {
        String url = System.getProperty("bitgo.bench.server", "");
        if (url.isEmpty()) {
            ownServer = LocalServer.start(0);
            url = ownServer.url();
        }
        JsonNode in = Vectors.resource("bench-inputs.json");
        String token = in.path("token").asText();
        String getPath = in.path("getPath").asText();
        walletId = getPath.substring(getPath.lastIndexOf('/') + 1);
        client = BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(url)).accessToken(token).authVersion(AuthVersion.V2).build());
        wallets = client.api(WalletApi.class);
        Vectors.check(walletId.equals(fullClient().getId()), "client gets the wallet");

        httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + getPath)).GET();
        new RequestSigner(AccessToken.of(token), AuthVersion.V2)
                .sign("GET", getPath, null, System.currentTimeMillis(), null).forEachHeader(b::header);
        rawRequest = b.build();
        Vectors.check(baseline().length == 2500, "raw client reads the body");
    }

    @TearDown
    public void tearDown() {
        if (ownServer != null) {
            ownServer.close();
        }
    }

    private Wallet fullClient() {
        return wallets.getWallet("tbtc", walletId, null, null, null, null, null, null, null, null);
    }

    private byte[] baseline() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = httpClient.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode());
        }
        return r.body();
    }

    @Benchmark
    @Threads(1)
    public Wallet client_threads01() {
        return fullClient();
    }

    @Benchmark
    @Threads(16)
    public Wallet client_threads16() {
        return fullClient();
    }

    @Benchmark
    @Threads(1)
    public byte[] baselineHttpClient_threads01() throws IOException, InterruptedException {
        return baseline();
    }

    @Benchmark
    @Threads(16)
    public byte[] baselineHttpClient_threads16() throws IOException, InterruptedException {
        return baseline();
    }
}
