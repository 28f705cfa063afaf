package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.eth.EthAddress;
import dev.bitgojava.signing.eth.EthSignature;
import dev.bitgojava.signing.eth.WalletSimpleHalfSigned;
import dev.bitgojava.signing.eth.WalletSimpleOperation;
import dev.bitgojava.signing.eth.WalletSimpleScheme;
import dev.bitgojava.signing.keys.Bip32Key;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static dev.bitgojava.testkit.Wallets.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(BitGoTestServerExtension.class)
class EthSendTest {

    private static final BigInteger CREDIT = new BigInteger("5000000000000000000");
    private static final BigInteger AMOUNT = new BigInteger("1230000000000000000");

    private BitGoTestServer server;
    private TestClient client;

    @BeforeEach
    void connect(BitGoTestServer server) {
        this.server = server;
        this.client = new TestClient(server, AuthVersion.V2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hteth", "teth", "eth"})
    void aUserSignedOperationIsSentRecordedAndUsesUpTheSequenceId(String coin) {
        Wallets.Wallet wallet = Wallets.create(client, server, coin, 0);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignEthAddress();

        JsonNode build = ok(client.post(wallet.path() + "/tx/build", body(to, AMOUNT)));
        assertEquals(1, build.path("nextContractSequenceId").asLong(), "a new contract starts at 1");
        assertTrue(build.path("eip1559").hasNonNull("maxFeePerGas"));
        WalletSimpleHalfSigned half = Wallets.ethVerifyAndSign(wallet, build, to, AMOUNT, 1);
        JsonNode sent = ok(client.post(wallet.path() + "/tx/send", Wallets.ethSendRequest(half, "eth-1")));

        assertEquals("signed", sent.path("status").asText());
        assertEquals(AMOUNT.negate().toString(), sent.path("transfer").path("valueString").asText());
        assertEquals(half.calldata(), sent.path("tx").asText(), "the sendMultiSig call carrying the user signature");
        assertEquals(CREDIT.subtract(AMOUNT).toString(), ok(client.get(wallet.path())).path("balanceString").asText());
        JsonNode next = ok(client.post(wallet.path() + "/tx/build", body(to, BigInteger.ONE)));
        assertEquals(2, next.path("nextContractSequenceId").asLong());
    }

    @Test
    void theWalletHasAContractAddressThatCreditsArrive() {
        Wallets.Wallet wallet = Wallets.create(client, server, "hteth", 0);

        CreditedTransfer credit = server.credit(wallet.id(), CREDIT);

        JsonNode w = ok(client.get(wallet.path()));
        assertEquals(w.path("coinSpecific").path("baseAddress").asText(), credit.address());
        assertEquals(CREDIT.toString(), w.path("balanceString").asText());
    }

    @Test
    void aSignatureOfAnotherKeyIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "hteth", 0);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignEthAddress();
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", body(to, AMOUNT)));
        WalletSimpleOperation operation = WalletSimpleOperation.nativeSend(WalletSimpleScheme.STANDARD, to, AMOUNT,
                new byte[0], build.path("expireTime").asLong(), build.path("nextContractSequenceId").asLong());
        byte[] otherKey = wallet.backup().getPrivKeyBytes();
        EthSignature bySomeoneElse = operation.sign(otherKey);
        ObjectNode send = sendBody(to, AMOUNT, operation, bySomeoneElse);

        TestClient.Reply reply = client.post(wallet.path() + "/tx/send", send);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("InvalidSignature", reply.json().path("name").asText());
        assertTrue(reply.json().path("error").asText()
                .contains(EthAddress.of(Bip32Key.parse(WalletFlowTest.xpub(wallet.backup()))).toString()));
        assertEquals(CREDIT.toString(), ok(client.get(wallet.path())).path("balanceString").asText());
    }

    @Test
    void aSignatureOverOtherParametersIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "hteth", 0);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignEthAddress();
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", body(to, AMOUNT)));
        WalletSimpleHalfSigned half = Wallets.ethVerifyAndSign(wallet, build, to, AMOUNT, 1);
        ObjectNode send = Wallets.ethSendRequest(half, null);
        ((ObjectNode) send.path("halfSigned").path("recipients").get(0)).put("amount", AMOUNT.add(BigInteger.TEN)
                .toString());
        ((ObjectNode) send.path("halfSigned")).remove("operationHash");

        TestClient.Reply reply = client.post(wallet.path() + "/tx/send", send);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("InvalidSignature", reply.json().path("name").asText());
    }

    @Test
    void aUsedSequenceIdIsRefusedUnlessTheSendRepeatsItsSequenceId() {
        Wallets.Wallet wallet = Wallets.create(client, server, "hteth", 0);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignEthAddress();
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", body(to, AMOUNT)));
        WalletSimpleHalfSigned half = Wallets.ethVerifyAndSign(wallet, build, to, AMOUNT, 1);
        JsonNode first = ok(client.post(wallet.path() + "/tx/send", Wallets.ethSendRequest(half, "once")));

        JsonNode repeated = ok(client.post(wallet.path() + "/tx/send", Wallets.ethSendRequest(half, "once")));
        TestClient.Reply replayed = client.post(wallet.path() + "/tx/send", Wallets.ethSendRequest(half, "twice"));

        assertEquals(first.path("transfer").path("id").asText(), repeated.path("transfer").path("id").asText());
        assertEquals(400, replayed.status(), replayed.body());
        assertEquals("SequenceIdUsed", replayed.json().path("name").asText());
        assertEquals(CREDIT.subtract(AMOUNT).toString(), ok(client.get(wallet.path())).path("balanceString").asText());
    }

    @Test
    void aSendBeyondTheBalanceIsRefusedAtBuild() {
        Wallets.Wallet wallet = Wallets.create(client, server, "hteth", 0);
        server.credit(wallet.id(), AMOUNT);

        TestClient.Reply reply = client.post(wallet.path() + "/tx/build", body(Wallets.foreignEthAddress(),
                AMOUNT.add(BigInteger.ONE)));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("InsufficientFunds", reply.json().path("name").asText());
    }

    static ObjectNode body(String to, BigInteger amount) {
        ObjectNode body = Wallets.json();
        body.set("recipients", recipients(to, amount));
        return body;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode recipients(String to, BigInteger amount) {
        com.fasterxml.jackson.databind.node.ArrayNode list = TestClient.JSON.createArrayNode();
        list.addObject().put("address", to).put("amount", amount.toString());
        return list;
    }

    private static ObjectNode sendBody(String to, BigInteger amount, WalletSimpleOperation operation,
                                       EthSignature signature) {
        ObjectNode body = Wallets.json();
        ObjectNode half = body.putObject("halfSigned");
        half.set("recipients", recipients(to, amount));
        half.put("expireTime", operation.expireTime());
        half.put("contractSequenceId", operation.sequenceId());
        half.put("operationHash", operation.operationHashHex());
        half.put("signature", signature.toHex());
        return body;
    }
}
