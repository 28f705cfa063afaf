package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.auth.AuthVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigInteger;

import static dev.bitgojava.testkit.Wallets.json;
import static dev.bitgojava.testkit.Wallets.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingApprovalTest {

    private static final long CREDIT = 50_000_000;
    private static final String APPROVER = "approver@example.com";

    @RegisterExtension
    final BitGoTestServerExtension bitgo = new BitGoTestServerExtension(
            BitGoTestServer.builder().user(APPROVER, "approver password"));

    private BitGoTestServer server;
    private TestClient client;
    /** A second user of the enterprise, named by the rules as their approver (nobody approves their own send). */
    private TestClient approver;

    @BeforeEach
    void connect(BitGoTestServer server) {
        this.server = server;
        this.client = new TestClient(server, AuthVersion.V2);
        this.approver = new TestClient(server.url(), server.issueAccessToken(APPROVER), AuthVersion.V2,
                java.time.Clock.systemUTC());
    }

    @Test
    void aSendOverTheVelocityLimitWaitsForApprovalAndIsSentWhenApproved() {
        Wallets.Wallet wallet = fundedWallet();
        addRule(wallet, velocityLimit("2000000", "getApproval"));
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        ok(Wallets.pay(client, wallet, to, 1_500_000, null));

        TestClient.Reply held = Wallets.pay(client, wallet, to, 600_000, "over-limit");

        assertEquals(202, held.status(), held.body());
        JsonNode approval = held.json().path("pendingApproval");
        assertEquals("pending", approval.path("state").asText());
        assertEquals("limit", approval.path("info").path("transactionRequest").path("triggeredPolicy").asText());
        assertEquals("600000", approval.path("info").path("transactionRequest").path("requestedAmount").asText());
        assertEquals(1, sends(wallet), "nothing sent while pending");
        String id = approval.path("id").asText();
        JsonNode listed = ok(client.get("/api/v2/pendingapprovals?walletId=" + wallet.id())).path("pendingApprovals");
        assertEquals(id, listed.get(0).path("id").asText());

        JsonNode approved = ok(approver.put("/api/v2/pendingapprovals/" + id,
                json().put("state", "approved").put("otp", "0000000")));

        assertEquals("approved", approved.path("state").asText());
        assertEquals(2, sends(wallet));
        JsonNode transfer = ok(client.get("/api/v2/pendingapprovals/" + id + "/transfer")).path("transfer");
        assertEquals("over-limit", transfer.path("sequenceId").asText());
        assertEquals(transfer.path("id").asText(),
                ok(client.get(wallet.path() + "/transfer/sequenceId/over-limit")).path("id").asText());
    }

    @Test
    void approvingNeedsTheOtpAndAResolvedApprovalCannotBeResolvedAgain() {
        Wallets.Wallet wallet = fundedWallet();
        addRule(wallet, rule("all", "allTx", "getApproval"));
        TestClient.Reply held = Wallets.pay(client, wallet, Wallets.foreignAddress(wallet.utxoCoin()), 10_000, null);
        String id = held.json().path("pendingApproval").path("id").asText();

        TestClient.Reply noOtp = approver.put("/api/v2/tbtc/pendingapprovals/" + id, json().put("state", "approved"));
        assertEquals(401, noOtp.status(), noOtp.body());
        assertTrue(noOtp.json().path("needsOTP").asBoolean());
        assertEquals(0, sends(wallet));

        ok(approver.put("/api/v2/tbtc/pendingapprovals/" + id, json().put("state", "approved").put("otp", "0000000")));
        TestClient.Reply again = approver.put("/api/v2/tbtc/pendingapprovals/" + id,
                json().put("state", "approved").put("otp", "0000000"));
        assertEquals(400, again.status(), again.body());
        assertEquals(1, sends(wallet));
    }

    @Test
    void aRejectedApprovalSendsNothingAndKeepsTheUnspents() {
        Wallets.Wallet wallet = fundedWallet();
        addRule(wallet, rule("all", "allTx", "getApproval"));
        JsonNode unspentsBefore = ok(client.get(wallet.path() + "/unspents")).path("unspents");
        TestClient.Reply held = Wallets.pay(client, wallet, Wallets.foreignAddress(wallet.utxoCoin()), 10_000, null);
        String id = held.json().path("pendingApproval").path("id").asText();

        JsonNode rejected = ok(client.put("/api/v2/pendingapprovals/" + id, json().put("state", "rejected")));

        assertEquals("rejected", rejected.path("state").asText());
        assertEquals(0, sends(wallet));
        assertEquals(unspentsBefore, ok(client.get(wallet.path() + "/unspents")).path("unspents"));
        assertEquals(Long.toString(CREDIT), ok(client.get(wallet.path())).path("balanceString").asText());
        assertEquals(404, client.get("/api/v2/pendingapprovals/" + id + "/transfer").status());
        assertEquals(0, ok(client.get("/api/v2/pendingapprovals")).path("pendingApprovals").size(),
                "the list shows pending approvals by default");
    }

    @Test
    void resendingTheSequenceIdOfAPendingSendReturnsTheSameApproval() {
        Wallets.Wallet wallet = fundedWallet();
        addRule(wallet, rule("all", "allTx", "getApproval"));
        String to = Wallets.foreignAddress(wallet.utxoCoin());

        TestClient.Reply first = Wallets.pay(client, wallet, to, 10_000, "seq-p");
        TestClient.Reply second = Wallets.pay(client, wallet, to, 10_000, "seq-p");

        assertEquals(202, second.status(), second.body());
        assertEquals(first.json().path("pendingApproval").path("id").asText(),
                second.json().path("pendingApproval").path("id").asText());
        assertEquals(1, ok(client.get("/api/v2/pendingapprovals")).path("pendingApprovals").size());
    }

    @Test
    void aWhitelistHoldsSendsToOtherAddressesOnly() {
        Wallets.Wallet wallet = fundedWallet();
        String friend = Wallets.foreignAddress(wallet.utxoCoin());
        ObjectNode whitelist = rule("friends", "advancedWhitelist", "getApproval");
        whitelist.putObject("condition").putObject("add").put("item", friend).put("type", "address");
        addRule(wallet, whitelist);

        assertEquals(200, Wallets.pay(client, wallet, friend, 10_000, null).status());
        assertEquals(202, Wallets.pay(client, wallet, Wallets.foreignAddress(wallet.utxoCoin()), 10_000, null)
                .status());
    }

    @Test
    void aDenyActionRefusesTheSend() {
        Wallets.Wallet wallet = fundedWallet();
        addRule(wallet, velocityLimit("1000", "deny"));

        TestClient.Reply reply = Wallets.pay(client, wallet, Wallets.foreignAddress(wallet.utxoCoin()), 10_000, null);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("PolicyViolation", reply.json().path("name").asText());
        assertEquals(0, sends(wallet));
    }

    @Test
    void anEthereumSendIsHeldAndSentOnApproval() {
        Wallets.Wallet wallet = Wallets.create(client, server, "hteth", 0);
        BigInteger credit = new BigInteger("3000000000000000000");
        BigInteger amount = new BigInteger("1000000000000000000");
        server.credit(wallet.id(), credit);
        addRule(wallet, rule("all", "allTx", "getApproval"));
        String to = Wallets.foreignEthAddress();
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", EthSendTest.body(to, amount)));

        TestClient.Reply held = client.post(wallet.path() + "/tx/send",
                Wallets.ethSendRequest(Wallets.ethVerifyAndSign(wallet, build, to, amount, 1), null));
        assertEquals(202, held.status(), held.body());
        assertEquals(credit.toString(), ok(client.get(wallet.path())).path("balanceString").asText());

        ok(approver.put("/api/v2/hteth/pendingapprovals/" + held.json().path("pendingApproval").path("id").asText(),
                json().put("state", "approved").put("otp", "0000000")));
        assertEquals(credit.subtract(amount).toString(), ok(client.get(wallet.path())).path("balanceString").asText());
        assertEquals(2, ok(client.post(wallet.path() + "/tx/build", EthSendTest.body(to, BigInteger.ONE)))
                .path("nextContractSequenceId").asLong());
    }

    private Wallets.Wallet fundedWallet() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        return wallet;
    }

    private void addRule(Wallets.Wallet wallet, ObjectNode rule) {
        ok(client.post(wallet.path() + "/policy/rule", rule));
    }

    private ObjectNode rule(String id, String type, String action) {
        ObjectNode rule = json().put("id", id).put("type", type);
        ObjectNode act = rule.putObject("action").put("type", action);
        if ("getApproval".equals(action)) {
            act.putArray("userIds").add(server.userId(APPROVER));
        }
        return rule;
    }

    private ObjectNode velocityLimit(String amount, String action) {
        ObjectNode rule = rule("limit", "velocityLimit", action);
        rule.putObject("condition").put("amountString", amount).put("timeWindow", 3600);
        return rule;
    }

    private int sends(Wallets.Wallet wallet) {
        return ok(client.get(wallet.path() + "/transfer?type=send")).path("transfers").size();
    }
}
