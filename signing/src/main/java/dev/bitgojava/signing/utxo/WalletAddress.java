package dev.bitgojava.signing.utxo;

/**
 * A wallet address at {@code 0/0/chain/index}: the coin, the chain and index, its scripts and the address string.
 *
 * @param coin    the coin
 * @param chain   the chain code
 * @param index   the address index
 * @param scripts the derived scripts
 * @param address the address in the coin's default format
 */
public record WalletAddress(UtxoCoin coin, int chain, int index, WalletScripts scripts, String address) {

    /**
     * Derives the address of a wallet at {@code 0/0/chain/index}; throws {@link UnsupportedChainException} if the
     * chain is not a BitGo chain or its script type is not supported by the coin.
     */
    public static WalletAddress derive(WalletKeys keys, UtxoCoin coin, int chain, int index) {
        ScriptType type = ScriptType.fromChain(chain);
        if (!coin.supports(type)) {
            throw UnsupportedChainException.unsupportedType(type);
        }
        WalletScripts scripts = WalletScripts.derive(keys, chain, index);
        return new WalletAddress(coin, chain, index, scripts, AddressCodec.toAddress(coin, scripts.scriptPubKey()));
    }

    /** The derivation path below each root key, {@code 0/0/chain/index}. */
    public String derivationPath() {
        return "0/0/" + chain + "/" + index;
    }

    /** The CashAddr form of the address (Bitcoin Cash only). */
    public String cashAddr() {
        return AddressCodec.toCashAddr(coin, scripts.scriptPubKey());
    }
}
