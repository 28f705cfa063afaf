package dev.bitgojava.testkit.internal;

import dev.bitgojava.signing.utxo.UtxoCoin;

import java.util.Map;
import java.util.Set;

/** The coins the test server serves: UTXO coins (fixed-script 2-of-3 wallets) and Ethereum (WalletSimple). */
public final class Coins {

    private static final Map<String, UtxoCoin> UTXO = Map.of(
            "btc", UtxoCoin.BTC,
            "tbtc", UtxoCoin.TBTC,
            // testnet4 shares testnet3's address and signing parameters
            "tbtc4", UtxoCoin.TBTC,
            "ltc", UtxoCoin.LTC,
            "tltc", UtxoCoin.TLTC,
            "bch", UtxoCoin.BCH,
            "tbch", UtxoCoin.TBCH);

    private static final Set<String> ETH = Set.of("eth", "hteth", "teth");

    private Coins() {
    }

    /** Whether the server serves this coin. */
    public static boolean isSupported(String coin) {
        return UTXO.containsKey(coin) || ETH.contains(coin);
    }

    /** The UTXO parameters of a coin, or null for a non-UTXO coin. */
    public static UtxoCoin utxo(String coin) {
        return UTXO.get(coin);
    }

    /** Whether the coin is an Ethereum coin whose wallets are WalletSimple contracts. */
    public static boolean isEth(String coin) {
        return ETH.contains(coin);
    }
}
