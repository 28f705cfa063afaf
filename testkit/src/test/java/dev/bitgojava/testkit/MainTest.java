package dev.bitgojava.testkit;

import dev.bitgojava.signing.auth.AuthVersion;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone command, run as its own process on the test class path. */
class MainTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @Test
    void startsOnAFreePortAnnouncesItServesTheTokenAndStops() throws Exception {
        String token = "v2x" + "ab".repeat(32);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0", "--token", token))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertTrue(url != null, "the process printed its URL");

            TestClient client = new TestClient(url, token, AuthVersion.V2, Clock.systemUTC());
            TestClient.Reply ping = client.get("/api/v2/ping");
            assertEquals(200, ping.status(), ping.body());
            TestClient.Reply enterprises = client.get("/api/v2/enterprise");
            assertEquals(200, enterprises.status(), "the given token is the seeded user's");
            assertEquals(1, enterprises.json().path("enterprises").size());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
