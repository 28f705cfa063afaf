package dev.bitgojava.sdk.wallet;

import dev.bitgojava.client.api.KeychainApi;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoKeyMismatchException;
import dev.bitgojava.sdk.testing.RecordingProxy;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.testkit.BitGoTestServer;
import dev.bitgojava.testkit.BitGoTestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateWalletTest {

    @RegisterExtension
    final BitGoTestServerExtension kit = new BitGoTestServerExtension();

    private static String enterpriseFor(String coin, BitGoTestServer server) {
        return coin.equals("hteth") ? server.enterpriseId() : null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tbtc", "hteth"})
    void createsATwoOfThreeWalletWithKeysInTheOrderUserBackupBitgo(String coin, BitGoTestServer server) {
        BitGoClient client = Fixtures.client(server);
        GeneratedWallet g = Fixtures.generate(client, coin, enterpriseFor(coin, server));

        assertEquals(List.of(g.userKeychain().id(), g.backupKeychain().id(), g.bitgoKeychain().id()),
                g.wallet().keyIds());
        assertEquals(coin, g.wallet().coin());
        // The server holds exactly the keys we hold.
        KeychainApi keys = client.api(KeychainApi.class);
        assertEquals(g.userKeychain().pub(), keys.getKeychain(coin, g.userKeychain().id()).getPub());
        assertEquals(g.backupKeychain().pub(), keys.getKeychain(coin, g.backupKeychain().id()).getPub());
        assertEquals(g.bitgoKeychain().pub(), keys.getKeychain(coin, g.bitgoKeychain().id()).getPub());
        // A reopened wallet agrees.
        Wallet reopened = client.wallets(coin).get(g.wallet().id());
        assertEquals(g.wallet().keyIds(), reopened.keyIds());
        assertEquals(List.of(g.userKeychain(), g.backupKeychain(), g.bitgoKeychain()).stream().map(WalletKeychain::pub)
                .toList(), reopened.keychains().stream().map(WalletKeychain::pub).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tbtc", "hteth"})
    void theOfflineMaterialRecoversBothUserAndBackupKeys(String coin, BitGoTestServer server) {
        GeneratedWallet g = Fixtures.generate(Fixtures.client(server), coin, enterpriseFor(coin, server));
        OfflineKeyMaterial offline = g.offlineMaterial();

        String userXprv = KeychainEncryptor.defaults().decrypt(Fixtures.PASSPHRASE, offline.encryptedUserPrv());
        assertEquals(g.userKeychain().pub(), Bip32Key.parse(userXprv).neuter().toXpub());
        String backupXprv = new String(offline.backupXprv());
        assertEquals(g.backupKeychain().pub(), Bip32Key.parse(backupXprv).neuter().toXpub());
        assertEquals(backupXprv, KeychainEncryptor.defaults().decrypt(Fixtures.PASSPHRASE, offline.encryptedBackupPrv()));
        assertEquals(g.bitgoKeychain().pub(), offline.bitgoXpub());

        offline.clear();
        assertNull(offline.backupXprv());
        assertFalse(offline.toString().contains(backupXprv));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tbtc", "hteth"})
    void noPrivateKeyOrPassphraseGoesOnTheWire(String coin, BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), true);
            GeneratedWallet g = Fixtures.generate(client, coin, enterpriseFor(coin, server));

            String userXprv = KeychainEncryptor.defaults().decrypt(Fixtures.PASSPHRASE,
                    g.offlineMaterial().encryptedUserPrv());
            String backupXprv = new String(g.offlineMaterial().backupXprv());
            List<String> secrets = List.of(userXprv, backupXprv, new String(Fixtures.PASSPHRASE),
                    hex(Bip32Key.parse(userXprv).privateKey()), hex(Bip32Key.parse(backupXprv).privateKey()));
            List<RecordingProxy.Exchange> wire = proxy.exchanges();
            assertEquals(4, wire.stream().filter(e -> e.method().equals("POST")).count(), "3 keys and the wallet");
            for (RecordingProxy.Exchange e : wire) {
                for (String secret : secrets) {
                    assertFalse(e.target().contains(secret) || e.body().contains(secret),
                            "private material in " + e.method() + " " + e.target());
                }
            }
            String ciphertext = ciphertextOf(g.userKeychain().encryptedPrv());
            assertTrue(wire.stream().anyMatch(e -> e.body().contains(ciphertext)), "the encrypted user key is uploaded");
        }
    }

    @Test
    void anEthWalletNeedsAnEnterpriseAndNothingIsSentWithoutOne(BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), true);
            assertThrows(BitGoConfigurationException.class, () -> Fixtures.generate(client, "hteth", null));
            assertTrue(proxy.exchanges().isEmpty());
        }
    }

    @Test
    void refusesABitgoKeyThatIsNotAValidXpubAndAddsNoWallet(BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            proxy.override(r -> r.getTarget().endsWith("/key") && r.getBody().utf8().contains("\"bitgo\"")
                    ? Fixtures.json(200, "{\"id\":\"" + "b".repeat(32) + "\",\"pub\":\"xpub-not-a-key\","
                    + "\"source\":\"bitgo\"}") : null);
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), false);
            assertThrows(BitGoKeyMismatchException.class, () -> Fixtures.generate(client, "tbtc", null));
            assertTrue(proxy.exchanges().stream().noneMatch(e -> e.target().contains("/wallet/add")));
        }
    }

    @Test
    void refusesAnAnswerThatReplacesTheUploadedUserKey(BitGoTestServer server) {
        String foreign = Bip32Key.generate(new SecureRandom()).toXpub();
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            proxy.override(r -> r.getTarget().endsWith("/key") && r.getBody().utf8().contains("encryptedPrv")
                    && !r.getBody().utf8().contains("backup")
                    ? Fixtures.json(200, "{\"id\":\"" + "c".repeat(32) + "\",\"pub\":\"" + foreign + "\"}") : null);
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), false);
            assertThrows(BitGoKeyMismatchException.class, () -> Fixtures.generate(client, "tbtc", null));
            assertTrue(proxy.exchanges().stream().noneMatch(e -> e.target().contains("/wallet/add")));
        }
    }

    @Test
    void refusesAWalletThatDoesNotListExactlyOurKeysInOrder(BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            proxy.override(r -> {
                if (!r.getTarget().endsWith("/wallet/add")) {
                    return null;
                }
                String body = r.getBody().utf8();
                String keys = body.substring(body.indexOf("\"keys\""));
                String[] ids = keys.substring(keys.indexOf('[') + 1, keys.indexOf(']')).replace("\"", "").split(",");
                return Fixtures.json(200, "{\"id\":\"" + "d".repeat(32) + "\",\"coin\":\"tbtc\",\"m\":2,\"n\":3,"
                        + "\"keys\":[\"" + ids[1] + "\",\"" + ids[0] + "\",\"" + ids[2] + "\"]}");
            });
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), false);
            BitGoKeyMismatchException e = assertThrows(BitGoKeyMismatchException.class,
                    () -> Fixtures.generate(client, "tbtc", null));
            assertNotNull(e.getMessage());
        }
    }

    @Test
    void wipesThePassphraseHeldByTheOptions(BitGoTestServer server) {
        GenerateWalletOptions options = GenerateWalletOptions.builder().label("w").passphrase(Fixtures.PASSPHRASE)
                .build();
        Fixtures.client(server).wallets("tbtc").generateWallet(options);
        for (char c : options.passphrase()) {
            assertEquals('\0', c);
        }
    }

    private static String ciphertextOf(String envelope) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(envelope).get("ct").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
