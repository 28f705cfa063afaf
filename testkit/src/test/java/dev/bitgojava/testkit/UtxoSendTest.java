package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.utxo.KeyRole;
import dev.bitgojava.signing.utxo.PsbtSigner;
import dev.bitgojava.signing.utxo.TransactionExplanation;
import dev.bitgojava.signing.utxo.UtxoTransactionVerifier;
import dev.bitgojava.signing.utxo.WalletScripts;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import dev.bitgojava.signing.utxo.psbt.PsbtEntry;
import dev.bitgojava.signing.utxo.psbt.RecordOrder;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static dev.bitgojava.testkit.Wallets.json;
import static dev.bitgojava.testkit.Wallets.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(BitGoTestServerExtension.class)
class UtxoSendTest {

    private static final long CREDIT = 50_000_000;
    private static final long AMOUNT = 1_234_567;

    private BitGoTestServer server;
    private TestClient client;

    @BeforeEach
    void connect(BitGoTestServer server) {
        this.server = server;
        this.client = new TestClient(server, AuthVersion.V2);
    }

    @ParameterizedTest(name = "{0} chain {1}")
    @CsvSource({"tbtc, 0", "tbtc, 10", "tbtc, 20", "tbtc, 30", "tbtc4, 20", "btc, 20", "tltc, 10", "tbch, 0"})
    void aVerifiedAndUserSignedBuildIsCoSignedAndRecorded(String coin, int chain) {
        Wallets.Wallet wallet = Wallets.create(client, server, coin, chain);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());

        JsonNode build = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));
        TransactionExplanation explained = UtxoTransactionVerifier.explain(Wallets.psbt(build), wallet.keys(),
                wallet.utxoCoin());
        Psbt halfSigned = Wallets.verifyAndSign(wallet, build, to, AMOUNT);
        JsonNode sent = ok(client.post(wallet.path() + "/tx/send", Wallets.sendRequest(halfSigned, "pay-1")));

        long fee = explained.fee().longValueExact();
        assertEquals(fee, build.path("feeInfo").path("fee").asLong());
        assertEquals("signed", sent.path("status").asText());
        JsonNode transfer = sent.path("transfer");
        assertEquals("send", transfer.path("type").asText());
        assertEquals("signed", transfer.path("state").asText());
        assertEquals(Long.toString(-(AMOUNT + fee)), transfer.path("valueString").asText());
        assertEquals(Long.toString(fee), transfer.path("feeString").asText());
        assertEquals("pay-1", transfer.path("sequenceId").asText());
        RawTransaction tx = RawTransaction.fromHex(sent.path("tx").asText());
        assertEquals(tx.txid(), sent.path("txid").asText());
        assertEquals(halfSigned.unsignedTx(), tx.unsigned(), "BitGo broadcasts what the user signed");
        assertTrue(tx.inputs().stream().allMatch(in -> in.scriptSig().length > 0 || in.hasWitness()),
                "every input is final");
        assertEquals(Long.toString(CREDIT - AMOUNT - fee),
                ok(client.get(wallet.path())).path("balanceString").asText());
        JsonNode unspents = ok(client.get(wallet.path() + "/unspents")).path("unspents");
        assertEquals(1, unspents.size(), "the credit is spent, the change is the one unspent");
        assertEquals(tx.txid(), unspents.get(0).path("id").asText().split(":")[0]);
        assertEquals(explained.changeAmount().toString(), unspents.get(0).path("valueString").asText());
    }

    @ParameterizedTest(name = "change type {0}")
    @ValueSource(strings = {"p2sh", "p2shP2wsh", "p2wsh", "p2tr", "p2trMusig2"})
    void changeGoesToAFreshWalletAddressOfTheAskedTypeAndCanBeSpentAgain(String changeType) {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        ObjectNode request = Wallets.buildRequest(to, AMOUNT).put("changeAddressType", changeType);

        JsonNode build = ok(client.post(wallet.path() + "/tx/build", request));
        TransactionExplanation explained = UtxoTransactionVerifier.explain(Wallets.psbt(build), wallet.keys(),
                wallet.utxoCoin());
        assertEquals(1, explained.changeOutputs().size());
        int changeChain = explained.changeOutputs().get(0).chain();
        assertEquals(changeType, dev.bitgojava.signing.utxo.ScriptType.fromChain(changeChain).bitgoName());
        assertEquals(1, changeChain % 2, "an internal chain");
        assertEquals(explained.changeOutputs().get(0).address(),
                build.path("txInfo").path("changeAddresses").get(0).asText());
        ok(client.post(wallet.path() + "/tx/send", Wallets.sendRequest(Wallets.verifyAndSign(wallet, build, to,
                AMOUNT), null)));

        if (!changeType.equals("p2trMusig2")) {
            JsonNode again = ok(Wallets.pay(client, wallet, to, 1_000_000, null));
            assertEquals("signed", again.path("status").asText());
        } else {
            ObjectNode spendChange = Wallets.buildRequest(to, 1_000_000);
            spendChange.putArray("unspents").add(ok(client.get(wallet.path() + "/unspents")).path("unspents").get(0)
                    .path("id").asText());
            TestClient.Reply refused = client.post(wallet.path() + "/tx/build", spendChange);
            assertEquals(400, refused.status(), "MuSig2 key-path spends are not supported");
        }
    }

    @Test
    void theBuiltPsbtHasBitGosInputLayout() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 0);
        server.credit(wallet.id(), CREDIT);
        JsonNode build = ok(client.post(wallet.path() + "/tx/build",
                Wallets.buildRequest(Wallets.foreignAddress(wallet.utxoCoin()), AMOUNT)));
        Psbt psbt = Wallets.psbt(build);
        JsonNode unspent = build.path("txInfo").path("unspents").get(0);
        WalletScripts scripts = WalletScripts.derive(wallet.keys(), unspent.path("chain").asInt(),
                unspent.path("index").asInt());

        assertTrue(psbt.nonWitnessUtxo(0).isPresent(), "a p2sh input carries its funding transaction");
        assertEquals(1, psbt.sighashType(0).orElseThrow());
        assertArrayEquals(scripts.redeemScript().orElseThrow(), psbt.redeemScript(0).orElseThrow());
        assertEquals(3, psbt.bip32Derivations(0).size());
        for (Psbt.KeyOrigin origin : psbt.bip32Derivations(0)) {
            assertEquals("0/0/0/" + unspent.path("index").asInt(), origin.pathString());
        }
        assertTrue(psbt.bip32Derivations(0).stream().anyMatch(o ->
                Arrays.equals(o.publicKey(), scripts.publicKey(KeyRole.USER))
                        && Arrays.equals(o.fingerprint(), wallet.keys().fingerprint(KeyRole.USER))));
        assertTrue(psbt.partialSignatures(0).isEmpty(), "unsigned");
        assertEquals(build.path("walletId").asText(), wallet.id());
        assertEquals(1, build.path("txInfo").path("nP2SHInputs").asInt());
    }

    @Test
    void anUnsignedPsbtIsRefusedAndNothingIsSent() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        JsonNode build = ok(client.post(wallet.path() + "/tx/build",
                Wallets.buildRequest(Wallets.foreignAddress(wallet.utxoCoin()), AMOUNT)));

        TestClient.Reply reply = client.post(wallet.path() + "/tx/send", Wallets.sendRequest(Wallets.psbt(build),
                null));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("MissingSignature", reply.json().path("name").asText());
        assertTrue(reply.json().hasNonNull("requestId"));
        assertNothingSent(wallet);
    }

    @Test
    void aBackupKeySignatureInsteadOfTheUsersIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        JsonNode build = ok(client.post(wallet.path() + "/tx/build",
                Wallets.buildRequest(Wallets.foreignAddress(wallet.utxoCoin()), AMOUNT)));
        Psbt backupSigned = PsbtSigner.sign(Wallets.psbt(build),
                wallet.backup().serializePrivB58(BitcoinNetwork.MAINNET), wallet.utxoCoin());

        TestClient.Reply reply = client.post(wallet.path() + "/tx/send", Wallets.sendRequest(backupSigned, null));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("MissingSignature", reply.json().path("name").asText());
        assertNothingSent(wallet);
    }

    @ParameterizedTest(name = "chain {0}")
    @ValueSource(ints = {0, 20, 30})
    void aCorruptedUserSignatureIsRefused(int chain) {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", chain);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));
        Psbt signed = Wallets.verifyAndSign(wallet, build, to, AMOUNT);
        int type = chain == 30 ? Psbt.IN_TAP_SCRIPT_SIG : Psbt.IN_PARTIAL_SIG;
        PsbtEntry sig = signed.input(0).all(type).get(0);
        byte[] corrupted = sig.value().clone();
        corrupted[chain == 30 ? 40 : 12] ^= 0x01;
        signed.input(0).put(new PsbtEntry(sig.key(), corrupted), RecordOrder.KEY_TYPE_THEN_KEY);

        TestClient.Reply reply = client.post(wallet.path() + "/tx/send", Wallets.sendRequest(signed, null));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("InvalidSignature", reply.json().path("name").asText());
        assertEquals(0, reply.json().path("context").path("inputIndex").asInt());
        assertNothingSent(wallet);
    }

    @Test
    void aUserSignatureOverOtherInputDataThanTheServersIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));
        Psbt psbt = Wallets.psbt(build);
        // The client lies to itself about the amount it spends: a BIP143 signature commits to it.
        byte[] witnessUtxo = psbt.input(0).get(Psbt.IN_WITNESS_UTXO).orElseThrow().clone();
        witnessUtxo[0] ^= 0x01;
        psbt.input(0).put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, witnessUtxo), RecordOrder.KEY_TYPE_THEN_KEY);
        Psbt signed = PsbtSigner.sign(psbt, wallet.userXprv(), wallet.utxoCoin());

        TestClient.Reply reply = client.post(wallet.path() + "/tx/send", Wallets.sendRequest(signed, null));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("InvalidSignature", reply.json().path("name").asText());
    }

    @Test
    void aPsbtSpendingSomethingElseThanTheWalletsUnspentsIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        TestClient.Reply first = Wallets.pay(client, wallet, to, AMOUNT, null);
        assertEquals(200, first.status(), first.body());
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));
        Psbt signed = Wallets.verifyAndSign(wallet, build, to, AMOUNT);
        ok(client.post(wallet.path() + "/tx/send", Wallets.sendRequest(signed, null)));

        TestClient.Reply again = client.post(wallet.path() + "/tx/send", Wallets.sendRequest(signed, null));

        assertEquals(400, again.status(), "its inputs are spent now: " + again.body());
        assertEquals("UnspentNotFound", again.json().path("name").asText());
        assertEquals(2, sends(wallet));
    }

    @Test
    void aSecondSendWithTheSameSequenceIdReturnsTheFirstTransfer() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));
        ObjectNode send = Wallets.sendRequest(Wallets.verifyAndSign(wallet, build, to, AMOUNT), "invoice-77");
        JsonNode first = ok(client.post(wallet.path() + "/tx/send", send));

        JsonNode repeated = ok(client.post(wallet.path() + "/tx/send", send));
        JsonNode otherTx = ok(Wallets.pay(client, wallet, to, 5_000, "invoice-77"));

        String transferId = first.path("transfer").path("id").asText();
        assertEquals(transferId, repeated.path("transfer").path("id").asText());
        assertEquals(transferId, otherTx.path("transfer").path("id").asText(),
                "even a different transaction with a used sequenceId is not sent");
        assertEquals(first.path("txid").asText(), repeated.path("txid").asText());
        assertEquals(1, sends(wallet));
        assertEquals(transferId, ok(client.get(wallet.path() + "/transfer/sequenceId/invoice-77")).path("id").asText());
    }

    @Test
    void anUnknownSequenceIdIsNotFound() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);

        assertEquals(404, client.get(wallet.path() + "/transfer/sequenceId/never-used").status());
    }

    @Test
    void aBuildBeyondTheBalanceIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), 100_000);

        TestClient.Reply reply = client.post(wallet.path() + "/tx/build",
                Wallets.buildRequest(Wallets.foreignAddress(wallet.utxoCoin()), 100_000));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("InsufficientFunds", reply.json().path("name").asText());
    }

    @Test
    void anAddressOfAnotherNetworkIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);

        TestClient.Reply reply = client.post(wallet.path() + "/tx/build",
                Wallets.buildRequest(Wallets.foreignAddress(dev.bitgojava.signing.utxo.UtxoCoin.BTC), AMOUNT));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("InvalidAddress", reply.json().path("name").asText());
    }

    @Test
    void aWrongOtpOnSendIsRefused() {
        Wallets.Wallet wallet = Wallets.create(client, server, "tbtc", 20);
        server.credit(wallet.id(), CREDIT);
        String to = Wallets.foreignAddress(wallet.utxoCoin());
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", Wallets.buildRequest(to, AMOUNT)));
        ObjectNode send = Wallets.sendRequest(Wallets.verifyAndSign(wallet, build, to, AMOUNT), null);

        TestClient.Reply wrong = client.post(wallet.path() + "/tx/send", send.put("otp", "1111111"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.json().path("needsOTP").asBoolean());
        assertNothingSent(wallet);

        ok(client.post(wallet.path() + "/tx/send", send.put("otp", "0000000")));
        assertEquals(1, sends(wallet));
    }

    private void assertNothingSent(Wallets.Wallet wallet) {
        assertEquals(0, sends(wallet));
        JsonNode w = ok(client.get(wallet.path()));
        assertFalse(w.path("balanceString").asText().startsWith("-"));
    }

    private int sends(Wallets.Wallet wallet) {
        return ok(client.get(wallet.path() + "/transfer?type=send")).path("transfers").size();
    }
}
