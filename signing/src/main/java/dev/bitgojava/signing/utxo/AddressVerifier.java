package dev.bitgojava.signing.utxo;

import java.util.Arrays;

/** Checks that an address (e.g. one BitGo's server returned) belongs to the wallet at a chain and index. */
public final class AddressVerifier {

    private AddressVerifier() {
    }

    /**
     * Recomputes the wallet address at {@code 0/0/chain/index} and compares it with {@code address} by output
     * script, so either bch format is accepted. Returns the derived address.
     *
     * @throws AddressMismatchException  when the address is another one
     * @throws AddressFormatException    when the address is not valid for the coin
     * @throws UnsupportedChainException when the chain is invalid or unsupported for the coin
     */
    public static WalletAddress verify(WalletKeys walletKeys, UtxoCoin coin, int chain, int index, String address) {
        WalletAddress derived = WalletAddress.derive(walletKeys, coin, chain, index);
        byte[] claimed = AddressCodec.toScriptPubKey(coin, address);
        if (!Arrays.equals(claimed, derived.scripts().scriptPubKey())) {
            throw new AddressMismatchException(address, derived.address(), chain, index);
        }
        return derived;
    }
}
