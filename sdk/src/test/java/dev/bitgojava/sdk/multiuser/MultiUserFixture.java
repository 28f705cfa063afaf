package dev.bitgojava.sdk.multiuser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.client.invoker.ApiClient;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.BitGoClientConfig;
import dev.bitgojava.sdk.BitGoEnvironment;
import dev.bitgojava.sdk.Login;
import dev.bitgojava.sdk.RetryPolicy;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.testkit.BitGoTestServer;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Two users on one test server, logged in through the SDK, and the raw calls the tests need beyond it. */
final class MultiUserFixture implements AutoCloseable {

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";
    static final String ALICE_PASSWORD = "alice's login password";
    static final String BOB_PASSWORD = "bob's login password";
    static final String OTP = BitGoTestServer.TEST_OTP;
    static final String COIN = "tbtc4";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A clock the tests move forward; the server and the clients read it. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Wallet calls with JSON bodies, independent of the generated models. */
    interface WalletOps extends ApiClient.Api {
        @RequestLine("POST /api/v2/{coin}/key")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode createKey(@Param("coin") String coin, ObjectNode body);

        @RequestLine("POST /api/v2/{coin}/wallet/add")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode addWallet(@Param("coin") String coin, ObjectNode body);

        @RequestLine("GET /api/v2/{coin}/wallet/{walletId}")
        @Headers("Accept: application/json")
        JsonNode wallet(@Param("coin") String coin, @Param("walletId") String walletId);

        @RequestLine("GET /api/v2/{coin}/key/{id}")
        @Headers("Accept: application/json")
        JsonNode key(@Param("coin") String coin, @Param("id") String id);

        @RequestLine("POST /api/v2/{coin}/wallet/{walletId}/tx/build")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode build(@Param("coin") String coin, @Param("walletId") String walletId, ObjectNode body);

        @RequestLine("POST /api/v2/{coin}/wallet/{walletId}/tx/send")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode send(@Param("coin") String coin, @Param("walletId") String walletId, ObjectNode body);

        @RequestLine("GET /api/v2/{coin}/wallet/{walletId}/transfer?type={type}")
        @Headers("Accept: application/json")
        JsonNode transfers(@Param("coin") String coin, @Param("walletId") String walletId,
                           @Param("type") String type);

        @RequestLine("POST /api/v2/{coin}/wallet/{walletId}/share")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode share(@Param("coin") String coin, @Param("walletId") String walletId, ObjectNode body);
    }

    final MovableClock clock = new MovableClock();
    final BitGoTestServer server;
    final BitGoClientConfig config;

    MultiUserFixture() {
        server = BitGoTestServer.builder()
                .clock(clock)
                .userEmail(ALICE)
                .userPassword(ALICE_PASSWORD)
                .user(BOB, BOB_PASSWORD)
                .build()
                .start();
        config = BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(server.url()))
                .serverXpub(server.serverXpub())
                .clock(clock)
                .retryPolicy(RetryPolicy.NONE)
                .build();
    }

    BitGoClient login(String email, String password) {
        return BitGoClient.login(config, Login.builder(email, password.toCharArray()).otp(OTP).build());
    }

    /** A funded 2-of-3 tbtc4 wallet of {@code owner}; returns its id. The user key is kept under {@code passphrase}. */
    static String createWallet(BitGoClient owner, Bip32Key userKey, char[] passphrase, String enterpriseId) {
        WalletOps ops = owner.api(WalletOps.class);
        SecureRandom random = new SecureRandom();
        ObjectNode user = JSON.createObjectNode().put("source", "user").put("pub", userKey.toXpub())
                .put("encryptedPrv", KeychainEncryptor.defaults().encrypt(passphrase, userKey.toXprv()));
        String userId = ops.createKey(COIN, user).path("id").asText();
        ObjectNode backup = JSON.createObjectNode().put("source", "backup")
                .put("pub", Bip32Key.generate(random).toXpub());
        String backupId = ops.createKey(COIN, backup).path("id").asText();
        String bitgoId = ops.createKey(COIN, JSON.createObjectNode().put("source", "bitgo")
                .put("enterprise", enterpriseId)).path("id").asText();
        ObjectNode wallet = JSON.createObjectNode().put("label", "four eyes").put("m", 2).put("n", 3)
                .put("enterprise", enterpriseId);
        wallet.putArray("keys").add(userId).add(backupId).add(bitgoId);
        return ops.addWallet(COIN, wallet).path("id").asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
