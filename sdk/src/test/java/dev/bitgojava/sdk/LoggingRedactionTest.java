package dev.bitgojava.sdk;

import dev.bitgojava.client.api.HealthApi;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.internal.RedactingLogger;
import dev.bitgojava.sdk.testing.CapturingLoggerProvider;
import dev.bitgojava.sdk.testing.SigningServer;
import dev.bitgojava.sdk.testing.TestApis.EchoApi;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.TokenHash;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With full HTTP logging at DEBUG, no token, passphrase or private key reaches the log. */
class LoggingRedactionTest {

    private static final String PASSPHRASE = "correct horse battery staple 9931";
    private static final String XPRV = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
    private static final String PRV_HEX = "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35";
    private static final String ENCRYPTED_PRV = "{\\\"iv\\\":\\\"secret-iv-8811\\\",\\\"ct\\\":\\\"secret-ct-7733\\\"}";
    private static final String OTP = "000000-otp-4455";
    private static final String PASSWORD = "hunter2-pw-6677";

    @Test
    void noSecretAppearsInDebugLogs() throws Exception {
        CapturingLoggerProvider.clear();
        try (SigningServer server = new SigningServer()) {
            for (AuthVersion v : AuthVersion.values()) {
                server.version(v);
                BitGoClient client = BitGoClient.create(BitGoClientConfig.builder()
                        .environment(BitGoEnvironment.custom(server.baseUrl()))
                        .accessToken(SigningServer.TOKEN).authVersion(v)
                        .logLevel(HttpLogLevel.FULL).sleeper(d -> { }).build());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("walletPassphrase", PASSPHRASE);
                body.put("passphrase", PASSPHRASE);
                body.put("xprv", XPRV);
                body.put("prv", PRV_HEX);
                body.put("otp", OTP);
                body.put("password", PASSWORD);
                body.put("amount", "1000");
                server.then(server.ok("{\"keychain\":{\"encryptedPrv\":\"" + ENCRYPTED_PRV + "\",\"prv\":\"" + PRV_HEX
                                + "\",\"xprv\":\"" + XPRV + "\"}}"),
                        SigningServer.status(400, "{\"error\":\"bad\",\"passphrase\":\"" + PASSPHRASE + "\"}"),
                        SigningServer.status(429, "{}", "Retry-After: 0"),
                        server.ok("{\"status\":\"up\"}"));
                client.api(EchoApi.class).post("1", body);
                assertThrows(BitGoException.class, () -> client.api(EchoApi.class).put("w1", body));
                client.api(HealthApi.class).ping();
            }
        }
        String log = CapturingLoggerProvider.captured();
        assertTrue(log.contains("/api/v2/echo"), "HTTP traffic was logged at DEBUG");
        assertTrue(log.contains("\"amount\":\"1000\""), "bodies were logged");
        for (String secret : List.of(SigningServer.TOKEN, TokenHash.of(SigningServer.TOKEN), PASSPHRASE, XPRV, PRV_HEX,
                "secret-iv-8811", "secret-ct-7733", OTP, PASSWORD)) {
            assertFalse(log.contains(secret), "log must not contain " + secret.substring(0, 6) + "...");
        }
    }

    @Test
    void redactionMasksSecretFieldsAlsoWhenABodyIsCutShort() {
        assertEquals("{\"otp\":\"****\",\"a\":1}", RedactingLogger.redact("{\"otp\":\"123456\",\"a\":1}"));
        assertEquals("{\"xprv\":\"****\"", RedactingLogger.redact("{\"xprv\":\"xprv9s21ZrQH143K3QT"));
        assertEquals("{\"Password\" : \"****\"}", RedactingLogger.redact("{\"Password\" : \"a\\\"b\"}"));
        assertEquals("Authorization: ****", RedactingLogger.redact("Authorization: Bearer abc"));
    }

    @Test
    void aTokenExtensionSignatureHeaderIsMasked() {
        assertEquals("signature: ****", RedactingLogger.redact("signature: 1f" + "ab".repeat(64)));
        assertEquals("timestamp: 1700000000000", RedactingLogger.redact("timestamp: 1700000000000"));
    }
}
