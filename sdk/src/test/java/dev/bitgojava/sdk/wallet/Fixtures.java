package dev.bitgojava.sdk.wallet;

import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.BitGoClientConfig;
import dev.bitgojava.sdk.BitGoEnvironment;
import dev.bitgojava.sdk.RetryPolicy;
import dev.bitgojava.testkit.BitGoTestServer;
import mockwebserver3.MockResponse;

import java.time.Duration;

/** Clients and wallets for the wallet-flow tests. */
final class Fixtures {

    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private Fixtures() {
    }

    /** A client for a base URL with the server's token; response signatures are verified when {@code verify}. */
    static BitGoClient client(String url, String token, boolean verify) {
        return BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(url))
                .accessToken(token)
                .verifyResponses(verify)
                .sleeper(d -> { })
                .build());
    }

    static BitGoClient client(BitGoTestServer server) {
        return client(server.url(), server.accessToken(), true);
    }

    static GeneratedWallet generate(BitGoClient client, String coin, String enterprise) {
        GenerateWalletOptions.Builder b = GenerateWalletOptions.builder().label("test " + coin).passphrase(PASSPHRASE);
        if (enterprise != null) {
            b.enterprise(enterprise);
        }
        return client.wallets(coin).generateWallet(b.build());
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }
}
