package dev.bitgojava.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.sdk.PolicyAction;
import dev.bitgojava.sdk.PolicyRuleDefinition;
import dev.bitgojava.sdk.errors.BitGoNotFoundException;
import dev.bitgojava.sdk.wallet.SendResult;
import dev.bitgojava.sdk.wallet.Wallet;
import dev.bitgojava.testkit.BitGoTestServer;
import dev.bitgojava.testkit.BitGoTestServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK and the OpenAPI contract: every operation the SDK calls passes the test server's request and response
 * validation, and a request that breaks the contract is refused with a 400 naming the violation.
 */
class ContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final BitGoTestServerExtension kit = new BitGoTestServerExtension();

    @AfterEach
    void everyRequestAndResponseWasWithinTheContract() {
        kit.server().assertNoContractViolations();
    }

    @Test
    void theSdksWalletSendAndApprovalCallsStayWithinTheContract(BitGoTestServer server) {
        Sdk sdk = new Sdk(server);
        Wallet btc = sdk.generate("tbtc", null);
        long initialAddresses = btc.addresses().stream().count();
        btc.createAddress(0);
        btc.createAddress(20);
        btc.createAddress(30);
        server.credit(btc.id(), 3_000_000);
        server.credit(btc.id(), 2_000_000);
        assertEquals(initialAddresses + 3, btc.addresses(2).stream().count());
        assertEquals(2, btc.transfers(1).stream().count());
        assertInstanceOf(SendResult.Sent.class, btc.sendMany(Sdk.send(Sdk.EXTERNAL_TBTC, 1_000_000)
                .sequenceId("contract-1").build()));
        assertTrue(btc.transferBySequenceId("contract-1").isPresent());
        assertTrue(btc.transferBySequenceId("never-sent").isEmpty());

        Wallet eth = sdk.generate("hteth", server.enterpriseId());
        server.credit(eth.id(), BigInteger.TEN.pow(18));
        assertInstanceOf(SendResult.Sent.class, eth.sendMany(
                Sdk.send("0x" + "ab".repeat(20), 1_000_000_000L).build()));

        sdk.client.policies("tbtc", btc.id()).add(PolicyRuleDefinition.velocityLimit("hold", BigInteger.ZERO,
                Duration.ofDays(1), PolicyAction.getApproval()));
        assertInstanceOf(SendResult.AwaitingApproval.class,
                btc.sendMany(Sdk.send(Sdk.EXTERNAL_TBTC, 500_000).build()));
        assertEquals(1, sdk.client.pendingApprovals().forWallet(btc.id()).stream().count());

        assertTrue(sdk.calls.ends.size() > 15, "the calls above went over the wire");
        // The only errors are the 404s of sequenceId look-ups (before a send, and for one never made).
        assertTrue(sdk.calls.ends.stream().allMatch(e -> e.failure() == null
                || (e.failure() instanceof BitGoNotFoundException
                && e.operation().equals("TransferApi#getTransferBySequenceId"))), sdk.calls.ends.toString());
    }

    @Test
    void anAmountSentAsAJsonNumberIsRefusedWith400NamingTheField(BitGoTestServer server) throws Exception {
        Wallet btc = new Sdk(server).generate("tbtc", null);
        server.credit(btc.id(), 1_000_000);

        HttpResponse<String> reply = post(server, "/api/v2/tbtc/wallet/" + btc.id() + "/tx/build",
                "{\"recipients\":[{\"address\":\"" + Sdk.EXTERNAL_TBTC + "\",\"amount\":1000}]}");

        JsonNode body = assertRefused(reply);
        assertTrue(body.path("error").asText().contains("/recipients/0/amount"), body.toString());
    }

    @Test
    void aRecipientWithoutItsRequiredAmountIsRefusedWith400NamingTheField(BitGoTestServer server) throws Exception {
        Wallet btc = new Sdk(server).generate("tbtc", null);

        HttpResponse<String> reply = post(server, "/api/v2/tbtc/wallet/" + btc.id() + "/tx/build",
                "{\"recipients\":[{\"address\":\"" + Sdk.EXTERNAL_TBTC + "\"}]}");

        JsonNode body = assertRefused(reply);
        assertTrue(body.path("error").asText().contains("amount"), body.toString());
        assertTrue(body.path("error").asText().contains("required"), body.toString());
    }

    private static JsonNode assertRefused(HttpResponse<String> reply) throws IOException {
        assertEquals(400, reply.statusCode(), reply.body());
        JsonNode body = JSON.readTree(reply.body());
        assertEquals("InvalidRequest", body.path("name").asText(), reply.body());
        assertTrue(body.path("context").path("violations").size() > 0, reply.body());
        return body;
    }

    /** A POST with the seeded user's token as a plain bearer token (valid auth), through a raw HTTP client. */
    private static HttpResponse<String> post(BitGoTestServer server, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + server.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
