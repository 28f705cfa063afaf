package dev.bitgojava.signing.eth;

/**
 * How a WalletSimple contract computes operation hashes: the prefix strings for native and token sends, and
 * whether native sends hash the standard ABI encoding instead of the tight ({@code abi.encodePacked}) one.
 *
 * @param nativePrefix     prefix of {@code sendMultiSig} hashes
 * @param tokenPrefix      prefix of {@code sendMultiSigToken} hashes
 * @param nativeAbiEncoded true when native sends hash {@code abi.encode(...)}; token sends are always tight
 */
public record WalletSimpleScheme(String nativePrefix, String tokenPrefix, boolean nativeAbiEncoded) {

    /** Ethereum mainnet and its testnets, wallet versions before 4: {@code ETHER} / {@code ERC20}, tight encoding. */
    public static final WalletSimpleScheme STANDARD = new WalletSimpleScheme("ETHER", "ERC20", false);

    /** Validates the prefixes. */
    public WalletSimpleScheme {
        if (nativePrefix == null || nativePrefix.isEmpty() || tokenPrefix == null || tokenPrefix.isEmpty()) {
            throw new InvalidEthInputException("WalletSimple prefixes must be non-empty");
        }
    }

    /**
     * Wallet version 4 contracts: the prefix is the decimal chain id (native) or {@code "<chainId>-ERC20"} (tokens),
     * and native sends hash the standard ABI encoding.
     */
    public static WalletSimpleScheme walletVersion4(long chainId) {
        if (chainId <= 0) {
            throw new InvalidEthInputException("a chain id is positive, not " + chainId);
        }
        return new WalletSimpleScheme(Long.toString(chainId), chainId + "-ERC20", true);
    }
}
