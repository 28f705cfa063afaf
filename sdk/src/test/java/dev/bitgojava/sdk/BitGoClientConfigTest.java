package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.signing.auth.AuthVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration defaults, validation and secrecy. */
class BitGoClientConfigTest {

    private static final String TOKEN = "v2x" + "77".repeat(32);

    @Test
    void defaultsFollowBitGosSdk() {
        BitGoClientConfig c = BitGoClientConfig.builder().accessToken(TOKEN).build();
        assertEquals(BitGoEnvironment.TEST, c.environment());
        assertEquals(AuthVersion.V2, c.authVersion());
        assertEquals(Duration.ofSeconds(305), c.readTimeout());
        assertTrue(c.verifyResponses());
        assertEquals(5, c.retryPolicy().maxAttempts());
        assertEquals(Duration.ofMillis(500), c.retryPolicy().initialBackoff());
        assertEquals(0, c.rateLimitPermits());
    }

    @Test
    void theRateLimitDefaultsToBitGosPublishedLimit() {
        BitGoClientConfig c = BitGoClientConfig.builder().rateLimit().build();
        assertEquals(360, c.rateLimitPermits());
        assertEquals(Duration.ofSeconds(60), c.rateLimitPeriod());
    }

    @Test
    void theTokenIsNeverPrinted() {
        BitGoClientConfig c = BitGoClientConfig.builder().accessToken(TOKEN).build();
        assertFalse(c.toString().contains(TOKEN));
        assertFalse(BitGoClient.create(c).toString().contains(TOKEN));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        BitGoClientConfig c = BitGoClientConfig.builder().accessToken(TOKEN).authVersion(AuthVersion.V4)
                .readTimeout(Duration.ofSeconds(9)).userAgentSuffix("x/1").build();
        BitGoClientConfig copy = c.toBuilder().build();
        assertEquals(c.toString(), copy.toString());
        assertEquals(c.accessToken(), copy.accessToken());
    }

    @Test
    void invalidOptionsAreConfigurationErrors() {
        assertThrows(BitGoConfigurationException.class, () -> BitGoClientConfig.builder().readTimeout(Duration.ZERO).build());
        assertThrows(BitGoConfigurationException.class, () -> BitGoClientConfig.builder().accessToken("  ").build());
        assertThrows(BitGoConfigurationException.class, () -> BitGoClientConfig.builder().userAgentSuffix("a\nb").build());
        assertThrows(BitGoConfigurationException.class, () -> BitGoEnvironment.custom("ftp://x"));
        assertThrows(BitGoConfigurationException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertThrows(BitGoConfigurationException.class,
                () -> BitGoClient.create(BitGoClientConfig.builder().accessToken("v2x bad").build()));
    }
}
