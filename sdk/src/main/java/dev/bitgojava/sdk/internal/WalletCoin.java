package dev.bitgojava.sdk.internal;

import dev.bitgojava.sdk.errors.BitGoUnsupportedException;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.eth.EthCoins;
import dev.bitgojava.signing.utxo.UtxoCoin;

import java.util.Locale;

/**
 * The coins the wallet flows support and what each needs: a UTXO coin's network parameters, or an Ethereum
 * chain id (WalletSimple multisig on root keys).
 *
 * @param id      BitGo's coin id as used in paths
 * @param utxo    the UTXO network, or null for Ethereum
 * @param chainId the EIP-155 chain id for Ethereum, or 0
 */
public record WalletCoin(String id, UtxoCoin utxo, long chainId) {

    /**
     * The coin for an id.
     *
     * @throws BitGoUnsupportedException for a coin the wallet flows do not support
     */
    public static WalletCoin of(String coin) {
        if (coin == null || coin.isBlank()) {
            throw new BitGoUnsupportedException("no coin given");
        }
        String id = coin.trim().toLowerCase(Locale.ROOT);
        // tbtc4 is BitGo's testnet4 coin: same address formats and signing as tbtc.
        String network = "tbtc4".equals(id) ? "tbtc" : id;
        try {
            return new WalletCoin(id, UtxoCoin.fromId(network), 0);
        } catch (SigningException notUtxo) {
            // fall through to Ethereum
        }
        try {
            return new WalletCoin(id, null, EthCoins.chainId(id));
        } catch (SigningException notEth) {
            throw new BitGoUnsupportedException("the wallet flows support btc, tbtc, tbtc4, ltc, tltc, bch, tbch, "
                    + "eth and hteth; not " + coin);
        }
    }

    /** Whether this is a UTXO coin. */
    public boolean isUtxo() {
        return utxo != null;
    }

    /** Whether this is an Ethereum coin. */
    public boolean isEth() {
        return utxo == null;
    }
}
