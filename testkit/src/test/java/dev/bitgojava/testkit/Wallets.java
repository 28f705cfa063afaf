package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.eth.EthAddress;
import dev.bitgojava.signing.eth.EthSendIntent;
import dev.bitgojava.signing.eth.EthSigner;
import dev.bitgojava.signing.eth.WalletSimpleBuild;
import dev.bitgojava.signing.eth.WalletSimpleHalfSigned;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.utxo.AddressCodec;
import dev.bitgojava.signing.utxo.PsbtSigner;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.UtxoTransactionVerifier;
import dev.bitgojava.signing.utxo.WalletKeys;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client side of the send tests, built from the signing module only: wallets whose user and backup keys the
 * test holds, build → verify → sign → send for UTXO and Ethereum wallets.
 */
final class Wallets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Wallets() {
    }

    /** A wallet of the server and the keys the client holds (the user's xprv, all three xpubs). */
    record Wallet(String coin, String id, DeterministicKey user, DeterministicKey backup, String bitgoXpub) {
        String userXprv() {
            return user.serializePrivB58(BitcoinNetwork.MAINNET);
        }

        WalletKeys keys() {
            return WalletKeys.fromXpubs(WalletFlowTest.xpub(user), WalletFlowTest.xpub(backup), bitgoXpub);
        }

        UtxoCoin utxoCoin() {
            return UtxoCoin.fromId(coin.equals("tbtc4") ? "tbtc" : coin);
        }

        String path() {
            return "/api/v2/" + coin + "/wallet/" + id;
        }
    }

    /** Creates a 2-of-3 wallet; with {@code receiveChain} above 0, also a receive address on that chain. */
    static Wallet create(TestClient client, BitGoTestServer server, String coin, int receiveChain) {
        DeterministicKey user = WalletFlowTest.newKey();
        DeterministicKey backup = WalletFlowTest.newKey();
        String userId = ok(client.post("/api/v2/" + coin + "/key", json().put("pub", WalletFlowTest.xpub(user))
                .put("encryptedPrv", "{\"ct\":\"x\"}"))).path("id").asText();
        String backupId = ok(client.post("/api/v2/" + coin + "/key", json().put("source", "backup")
                .put("pub", WalletFlowTest.xpub(backup)))).path("id").asText();
        JsonNode bitgo = ok(client.post("/api/v2/" + coin + "/key", json().put("source", "bitgo")));
        ObjectNode body = json().put("label", coin + " wallet").put("m", 2).put("n", 3)
                .put("enterprise", server.enterpriseId());
        body.putArray("keys").add(userId).add(backupId).add(bitgo.path("id").asText());
        String id = ok(client.post("/api/v2/" + coin + "/wallet/add", body)).path("id").asText();
        Wallet wallet = new Wallet(coin, id, user, backup, bitgo.path("pub").asText());
        if (receiveChain > 0) {
            ok(client.post(wallet.path() + "/address", json().put("chain", receiveChain)));
        }
        return wallet;
    }

    /** A fresh address nobody in the test owns (p2wsh of random bytes, or p2pkh for coins without segwit). */
    static String foreignAddress(UtxoCoin coin) {
        byte[] script;
        if (coin.supportsSegwit()) {
            script = new byte[34];
            script[1] = 0x20;
            System.arraycopy(randomBytes(32), 0, script, 2, 32);
        } else {
            script = new byte[25];
            script[0] = 0x76;
            script[1] = (byte) 0xa9;
            script[2] = 0x14;
            System.arraycopy(randomBytes(20), 0, script, 3, 20);
            script[23] = (byte) 0x88;
            script[24] = (byte) 0xac;
        }
        return AddressCodec.toAddress(coin, script);
    }

    /** A fresh random Ethereum address. */
    static String foreignEthAddress() {
        return EthAddress.of(Bip32Key.fromSeed(randomBytes(32))).toString();
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A build request paying {@code amount} to {@code address}. */
    static ObjectNode buildRequest(String address, long amount) {
        ObjectNode body = json();
        ArrayNode recipients = body.putArray("recipients");
        recipients.addObject().put("address", address).put("amount", Long.toString(amount));
        return body;
    }

    /** The unsigned PSBT of a build answer. */
    static Psbt psbt(JsonNode build) {
        return Psbt.fromHex(build.path("txHex").asText());
    }

    /** Verifies the built PSBT against the intent (throws if the server cheated), then signs it with the user key. */
    static Psbt verifyAndSign(Wallet wallet, JsonNode build, String address, long amount) {
        Psbt psbt = psbt(build);
        Map<String, BigInteger> intent = new LinkedHashMap<>();
        intent.put(address, BigInteger.valueOf(amount));
        UtxoTransactionVerifier.builder().build().verify(psbt, wallet.keys(), wallet.utxoCoin(), intent);
        return PsbtSigner.sign(psbt, wallet.userXprv(), wallet.utxoCoin());
    }

    /** The send body of a half-signed PSBT. */
    static ObjectNode sendRequest(Psbt halfSigned, String sequenceId) {
        ObjectNode body = json().put("txHex", halfSigned.toHex());
        if (sequenceId != null) {
            body.put("sequenceId", sequenceId);
        }
        return body;
    }

    /** Build → verify → sign → send of one UTXO payment; returns the send reply. */
    static TestClient.Reply pay(TestClient client, Wallet wallet, String address, long amount, String sequenceId) {
        JsonNode build = ok(client.post(wallet.path() + "/tx/build", buildRequest(address, amount)));
        return client.post(wallet.path() + "/tx/send", sendRequest(verifyAndSign(wallet, build, address, amount),
                sequenceId));
    }

    /** The WalletSimple build parameters of an Ethereum build answer. */
    static WalletSimpleBuild ethBuild(JsonNode build) {
        JsonNode r = build.path("recipients").get(0);
        return new WalletSimpleBuild(r.path("address").asText(), new BigInteger(r.path("amount").asText()),
                r.hasNonNull("data") ? r.get("data").asText() : null, null, build.path("expireTime").asLong(),
                build.path("nextContractSequenceId").asLong());
    }

    /** Verifies an Ethereum build against the intent and expected sequence id, then signs it with the user key. */
    static WalletSimpleHalfSigned ethVerifyAndSign(Wallet wallet, JsonNode build, String address, BigInteger amount,
                                                   long expectedSequenceId) {
        byte[] key = wallet.user().getPrivKeyBytes();
        return EthSigner.standard().sign(EthSendIntent.ether(address, amount), ethBuild(build), expectedSequenceId,
                key);
    }

    /** The {@code tx/send} body of a half-signed WalletSimple operation. */
    static ObjectNode ethSendRequest(WalletSimpleHalfSigned half, String sequenceId) {
        ObjectNode body = json();
        ObjectNode h = body.putObject("halfSigned");
        h.putArray("recipients").addObject().put("address", half.recipient()).put("amount", half.amount().toString());
        h.put("expireTime", half.expireTime());
        h.put("contractSequenceId", half.contractSequenceId());
        h.put("operationHash", half.operationHash());
        h.put("signature", half.signature());
        if (sequenceId != null) {
            body.put("sequenceId", sequenceId);
        }
        return body;
    }

    static ObjectNode json() {
        return TestClient.JSON.createObjectNode();
    }

    static JsonNode ok(TestClient.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
