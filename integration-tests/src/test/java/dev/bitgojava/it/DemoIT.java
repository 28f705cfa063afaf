package dev.bitgojava.it;

import dev.bitgojava.demo.Demo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo, run in-process: it succeeds, prints every step, and prints no secret. */
class DemoIT {

    private static final List<String> STEPS = List.of("wallet", "address", "receive", "transfers", "send", "hteth",
            "policy", "approval", "429", "tampered", "malicious", "four-eyes", "share", "login", "accept",
            "bob sends", "approve");
    /** A serialised BIP32 private key (mainnet or testnet). */
    private static final Pattern EXTENDED_PRIVATE_KEY = Pattern.compile("[xt]prv[1-9A-HJ-NP-Za-km-z]{100,}");

    @Test
    void runsEveryStepAndPrintsNoSecret() {
        Demo.Secrets secrets = Demo.Secrets.random();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = Demo.run(out, secrets);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(0, status, output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.get(0).startsWith("bitgo-java demo:"), output);
        for (int i = 0; i < STEPS.size(); i++) {
            String prefix = String.format("%2d %-10s ", i + 1, STEPS.get(i));
            assertTrue(lines.get(i + 1).startsWith(prefix), "step " + (i + 1) + " is " + STEPS.get(i) + ":\n" + output);
            assertTrue(lines.get(i + 1).endsWith(" ms)"), "each step says how long it took:\n" + output);
        }
        assertTrue(lines.get(STEPS.size() + 1).startsWith("done: " + STEPS.size() + " steps"), output);
        assertEquals(STEPS.size() + 2, lines.size(), "one line per step, nothing else:\n" + output);

        assertTrue(output.contains("sequenceId payout-0001"), output);
        assertTrue(output.contains("3 attempts"), output);
        assertTrue(output.contains("BitGoResponseVerificationException"), output);
        assertTrue(output.contains("BitGoTransactionRejectedException"), output);
        assertTrue(output.contains("exactly 1 transfer"), output);

        for (String secret : secrets.all()) {
            assertFalse(output.contains(secret), "a secret was printed");
        }
        assertFalse(EXTENDED_PRIVATE_KEY.matcher(output).find(), "a private key was printed");
        assertFalse(output.contains("\"ct\""), "an encrypted key was printed");
    }

    @Test
    void aFailedStepIsReportedWithANonZeroStatus() {
        // A blank access token cannot start the server: the demo must say so and fail, not print a stack trace.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = Demo.run(out, new Demo.Secrets(" ", "a", "b", "c", "d", "e"));
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, output);
        assertTrue(output.startsWith("FAILED"), output);
    }
}
