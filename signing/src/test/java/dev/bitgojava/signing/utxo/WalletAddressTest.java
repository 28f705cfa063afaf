package dev.bitgojava.signing.utxo;

import dev.bitgojava.vectors.VectorFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WalletAddressTest {

    private static WalletKeys keys() {
        JsonNode wallet = VectorFiles.load("utxo-addresses.json").path("wallet");
        return WalletKeys.fromXpubs(wallet.path("userXpub").asText(), wallet.path("backupXpub").asText(),
                wallet.path("bitgoXpub").asText());
    }

    @Test
    void derivedAddressesAreStableAndEqualToUncachedDerivationForRandomIndexes() {
        WalletKeys keys = keys();
        Random random = new Random(20240611L);
        int[] chains = {0, 1, 10, 11, 20, 21, 30, 31, 40, 41};
        for (int i = 0; i < 1000; i++) {
            int chain = chains[random.nextInt(chains.length)];
            int index = random.nextInt(Integer.MAX_VALUE);
            WalletAddress first = WalletAddress.derive(keys, UtxoCoin.BTC, chain, index);
            WalletAddress second = WalletAddress.derive(keys, UtxoCoin.BTC, chain, index);
            assertEquals(first.address(), second.address());
            byte[][] fresh = keys.derivePublicKeysUncached(chain, index);
            WalletScripts uncached = WalletScripts.of(ScriptType.fromChain(chain), fresh[0], fresh[1], fresh[2]);
            assertArrayEquals(uncached.scriptPubKey(), first.scripts().scriptPubKey(), "chain " + chain + " index " + index);
        }
    }

    @Test
    void verifierRefusesTheAddressOfAnotherIndex() {
        WalletKeys keys = keys();
        String other = WalletAddress.derive(keys, UtxoCoin.BTC, 0, 1).address();
        AddressMismatchException e = assertThrows(AddressMismatchException.class,
                () -> AddressVerifier.verify(keys, UtxoCoin.BTC, 0, 0, other));
        assertEquals(other, e.claimed());
    }

    @Test
    void verifierRefusesAnAddressOfAnotherCoin() {
        WalletKeys keys = keys();
        String ltc = WalletAddress.derive(keys, UtxoCoin.LTC, 20, 0).address();
        assertThrows(AddressFormatException.class, () -> AddressVerifier.verify(keys, UtxoCoin.BTC, 20, 0, ltc));
    }

    @Test
    void unknownChainIsRefused() {
        assertThrows(UnsupportedChainException.class, () -> WalletAddress.derive(keys(), UtxoCoin.BTC, 2, 0));
    }

    @Test
    void walletKeysDoNotSortTheKeys() {
        WalletKeys keys = keys();
        WalletKeys swapped = WalletKeys.fromXpubs(keys.backupXpub(), keys.userXpub(), keys.bitgoXpub());
        String a = WalletAddress.derive(keys, UtxoCoin.BTC, 0, 0).address();
        String b = WalletAddress.derive(swapped, UtxoCoin.BTC, 0, 0).address();
        assertEquals(false, a.equals(b));
    }

    @Test
    void malformedXpubIsATypedError() {
        assertThrows(dev.bitgojava.signing.SigningException.class, () -> WalletKeys.fromXpubs("xpub-nope", "x", "y"));
    }

    @Test
    void addressRoundTripsThroughTheCodec() {
        WalletKeys keys = keys();
        for (UtxoCoin coin : new UtxoCoin[] {UtxoCoin.BTC, UtxoCoin.TBTC, UtxoCoin.LTC, UtxoCoin.BCH}) {
            for (int chain : new int[] {0, 10, 20, 30, 40}) {
                if (!coin.supports(ScriptType.fromChain(chain))) {
                    continue;
                }
                WalletAddress a = WalletAddress.derive(keys, coin, chain, 5);
                assertEquals(true, Arrays.equals(a.scripts().scriptPubKey(), AddressCodec.toScriptPubKey(coin, a.address())));
            }
        }
    }
}
