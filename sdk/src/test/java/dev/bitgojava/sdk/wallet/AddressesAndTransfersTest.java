package dev.bitgojava.sdk.wallet;

import dev.bitgojava.client.model.Address;
import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.errors.BitGoAddressVerificationException;
import dev.bitgojava.sdk.errors.BitGoUnsupportedException;
import dev.bitgojava.sdk.testing.RecordingProxy;
import dev.bitgojava.testkit.BitGoTestServer;
import dev.bitgojava.testkit.BitGoTestServerExtension;
import dev.bitgojava.testkit.CreditedTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressesAndTransfersTest {

    @RegisterExtension
    final BitGoTestServerExtension kit = new BitGoTestServerExtension();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 11, 20, 21})
    void createsAnAddressAndVerifiesItAgainstTheWalletKeys(int chain, BitGoTestServer server) {
        Wallet wallet = Fixtures.generate(Fixtures.client(server), "tbtc", null).wallet();
        VerifiedAddress a = wallet.createAddress(chain);
        assertEquals(chain, a.chain());
        Set<String> listed = wallet.addresses().stream().map(Address::getAddress).collect(Collectors.toSet());
        assertTrue(listed.contains(a.address()));
    }

    @Test
    void refusesAnAddressThatBelongsToAnotherWallet(BitGoTestServer server) {
        BitGoClient direct = Fixtures.client(server);
        String foreign = Fixtures.generate(direct, "tbtc", null).wallet().createAddress(0).address();
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), false);
            Wallet wallet = Fixtures.generate(client, "tbtc", null).wallet();
            proxy.override(r -> r.getTarget().endsWith("/address") ? Fixtures.json(200,
                    "{\"id\":\"" + "e".repeat(32) + "\",\"address\":\"" + foreign + "\",\"chain\":0,\"index\":1,"
                            + "\"coin\":\"tbtc\",\"wallet\":\"" + wallet.id() + "\"}") : null);
            BitGoAddressVerificationException e = assertThrows(BitGoAddressVerificationException.class,
                    () -> wallet.createAddress(0));
            assertEquals(foreign, e.address());
        }
    }

    @Test
    void refusesAnAddressOnAnotherChainThanAskedFor(BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), false);
            Wallet wallet = Fixtures.generate(client, "tbtc", null).wallet();
            // A genuine chain-1 (change) address of this wallet handed out when a receive address was asked for.
            String change = wallet.createAddress(1).address();
            proxy.override(r -> r.getTarget().endsWith("/address") ? Fixtures.json(200,
                    "{\"id\":\"" + "f".repeat(32) + "\",\"address\":\"" + change + "\",\"chain\":1,\"index\":0,"
                            + "\"coin\":\"tbtc\",\"wallet\":\"" + wallet.id() + "\"}") : null);
            assertThrows(BitGoAddressVerificationException.class, () -> wallet.createAddress(0));
        }
    }

    @Test
    void refusesAGenuineAddressClaimingAWrongIndex(BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), false);
            Wallet wallet = Fixtures.generate(client, "tbtc", null).wallet();
            VerifiedAddress real = wallet.createAddress(0);
            proxy.override(r -> r.getTarget().endsWith("/address") ? Fixtures.json(200,
                    "{\"id\":\"" + "f".repeat(32) + "\",\"address\":\"" + real.address() + "\",\"chain\":0,\"index\":"
                            + (real.index() + 1) + ",\"coin\":\"tbtc\",\"wallet\":\"" + wallet.id() + "\"}") : null);
            assertThrows(BitGoAddressVerificationException.class, () -> wallet.createAddress(0));
        }
    }

    @Test
    void ethAddressCreationIsRefusedAsUnsupportedWithoutCallingTheServer(BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), true);
            Wallet wallet = Fixtures.generate(client, "hteth", server.enterpriseId()).wallet();
            int before = proxy.exchanges().size();
            assertThrows(BitGoUnsupportedException.class, () -> wallet.createAddress(0));
            assertEquals(before, proxy.exchanges().size());
        }
    }

    @Test
    void addressesArePagedLazilyAndCompletely(BitGoTestServer server) {
        try (RecordingProxy proxy = new RecordingProxy(server.url())) {
            BitGoClient client = Fixtures.client(proxy.url(), server.accessToken(), true);
            Wallet wallet = Fixtures.generate(client, "tbtc", null).wallet();
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(wallet.createAddress(i % 2 == 0 ? 0 : 20).address());
            }
            int before = proxy.exchanges().size();
            var paged = wallet.addresses(2);
            assertEquals(before, proxy.exchanges().size(), "nothing is fetched before iteration");
            List<String> all = paged.stream().map(Address::getAddress).toList();
            assertEquals(6, all.size(), "the wallet's first address plus five created");
            assertTrue(all.containsAll(created));
            assertEquals(Set.copyOf(all).size(), all.size(), "no address twice");
            long pages = proxy.exchanges().stream().skip(before).filter(e -> e.target().contains("/addresses")).count();
            assertEquals(3, pages);
        }
    }

    @Test
    void transfersArePagedCompletely(BitGoTestServer server) {
        Wallet wallet = Fixtures.generate(Fixtures.client(server), "tbtc", null).wallet();
        List<String> credited = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            CreditedTransfer t = server.credit(wallet.id(), 10_000L * i);
            credited.add(t.transferId());
        }
        List<String> listed = wallet.transfers(2).stream().map(Transfer::getId).toList();
        assertEquals(Set.copyOf(credited), Set.copyOf(listed));
        assertEquals(5, listed.size());
    }
}
