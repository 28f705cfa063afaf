package dev.bitgojava.signing.eth;

import java.util.Locale;
import java.util.Map;

/**
 * The few facts about BitGo's Ethereum coin names that signing needs: the chain id of a native coin and the contract
 * of a token. Only the coins this module is tested with are listed; anything else is refused rather than guessed.
 */
public final class EthCoins {

    private static final Map<String, Long> CHAIN_IDS = Map.of(
            "eth", 1L,
            "hteth", 560048L);

    private record Token(String chain, String contract) {
    }

    private static final Map<String, Token> TOKENS = Map.of(
            "usdc", new Token("eth", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"),
            "hterc6dp", new Token("hteth", "0x76c57d19bd3529dadf4bb66e75f0808bc8264a5e"));

    private EthCoins() {
    }

    /**
     * The EIP-155 chain id of a native coin ({@code eth} → 1, {@code hteth} → 560048, Hoodi).
     *
     * @throws InvalidEthInputException for a coin not listed
     */
    public static long chainId(String coin) {
        Long id = coin == null ? null : CHAIN_IDS.get(coin.toLowerCase(Locale.ROOT));
        if (id == null) {
            throw new InvalidEthInputException("unknown Ethereum coin: " + coin);
        }
        return id;
    }

    /** True when {@code coin} names a token this class knows. */
    public static boolean isKnownToken(String coin) {
        return coin != null && TOKENS.containsKey(coin.toLowerCase(Locale.ROOT));
    }

    /**
     * The native coin of the chain a known token lives on ({@code usdc} → {@code eth}).
     *
     * @throws InvalidEthInputException for a token not listed
     */
    public static String tokenChain(String tokenCoin) {
        Token token = tokenCoin == null ? null : TOKENS.get(tokenCoin.toLowerCase(Locale.ROOT));
        if (token == null) {
            throw new InvalidEthInputException("unknown token " + tokenCoin);
        }
        return token.chain();
    }

    /**
     * The contract address (lowercase {@code 0x} hex) of a token on the given native coin's chain.
     *
     * @throws InvalidEthInputException for a token not listed or listed on another chain
     */
    public static String tokenContract(String coin, String tokenCoin) {
        Token token = tokenCoin == null ? null : TOKENS.get(tokenCoin.toLowerCase(Locale.ROOT));
        if (token == null || coin == null || !token.chain().equals(coin.toLowerCase(Locale.ROOT))) {
            throw new InvalidEthInputException("unknown token " + tokenCoin + " on " + coin);
        }
        return token.contract();
    }
}
