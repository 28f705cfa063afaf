package dev.bitgojava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.client.api.WalletApi;
import dev.bitgojava.client.model.Wallet;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.BitGoClientConfig;
import dev.bitgojava.sdk.BitGoEnvironment;

/**
 * Cold start: a fresh JVM builds a {@link BitGoClient}, sends one signed request to the local server and verifies the
 * response. {@code compare-bitgojs.sh} times the whole process. Usage: {@code ColdStart <server url>}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) {
        JsonNode in = Vectors.resource("bench-inputs.json");
        String getPath = in.path("getPath").asText();
        String walletId = getPath.substring(getPath.lastIndexOf('/') + 1);
        BitGoClient client = BitGoClient.create(BitGoClientConfig.builder()
                .environment(BitGoEnvironment.custom(args[0])).accessToken(in.path("token").asText()).build());
        Wallet wallet = client.api(WalletApi.class)
                .getWallet("tbtc", walletId, null, null, null, null, null, null, null, null);
        if (!walletId.equals(wallet.getId())) {
            System.exit(1);
        }
        System.exit(0);
    }
}
