package dev.bitgojava.signing.coins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coin table and exact amount conversions. */
class CoinTest {

    @Test
    void theTableHoldsBitGosSeventeenProductionCoinsEachWithATestnet() {
        Set<String> mainnets = Coin.all().stream().filter(c -> !c.isTestnet()).map(Coin::id).collect(Collectors.toSet());
        assertEquals(Set.of("algo", "btc", "bch", "btg", "cspr", "celo", "dash", "eos", "eth", "hbar", "ltc", "xrp",
                "rbtc", "xlm", "xtz", "trx", "zec"), mainnets);
        for (Coin coin : Coin.all()) {
            assertSame(coin.mainnet(), Coin.of(coin.mainnetId()));
            assertTrue(coin.testnet().isTestnet(), coin + " has a testnet");
            assertSame(coin.mainnet(), coin.testnet().mainnet());
            assertEquals(coin.mainnet().decimals(), coin.decimals());
            assertEquals(coin.mainnet().family(), coin.family());
        }
    }

    @Test
    void testnetIdsResolveToTheirChain() {
        assertSame(Coin.of("btc"), Coin.of("tbtc").mainnet());
        assertSame(Coin.of("btc"), Coin.of("tbtc4").mainnet());
        assertEquals("hteth", Coin.of("eth").testnetId());
        assertEquals("tltc", Coin.of("ltc").testnetId());
        assertTrue(Coin.of("TBTC").isTestnet(), "ids are case-insensitive");
        assertEquals(8, Coin.of("tbtc").decimals());
        assertEquals(18, Coin.of("hteth").decimals());
        assertEquals(CoinFamily.UTXO, Coin.of("zec").family());
        assertEquals(CoinFamily.ACCOUNT, Coin.of("xrp").family());
        assertEquals(KeyCurve.ED25519, Coin.of("txlm").keyCurve());
        assertEquals(WalletKind.CONTRACT_MULTISIG, Coin.of("eth").walletKind());
    }

    @Test
    void unknownIdsNameCloseMatches() {
        UnknownCoinException e = assertThrows(UnknownCoinException.class, () -> Coin.of("tbct"));
        assertTrue(e.closeMatches().contains("tbtc"), e.getMessage());
        assertTrue(e.getMessage().contains("tbtc"), e.getMessage());
        assertEquals("tbct", e.id());
        assertTrue(assertThrows(UnknownCoinException.class, () -> Coin.of("teth")).closeMatches().contains("hteth"));
        assertEquals(List.of(), assertThrows(UnknownCoinException.class, () -> Coin.of("dogecoin-classic")).closeMatches());
        assertThrows(UnknownCoinException.class, () -> Coin.of(null));
    }

    @Test
    void baseUnitsConvertToExactDecimalsAndBack() {
        Coin btc = Coin.of("btc");
        assertEquals(new BigDecimal("1.5"), btc.toDecimal(BigInteger.valueOf(150_000_000)));
        assertEquals(new BigDecimal("0.00000001"), btc.toDecimal(BigInteger.ONE));
        assertEquals(new BigDecimal("21000000"), btc.toDecimal(new BigInteger("2100000000000000")));
        assertEquals(BigInteger.valueOf(150_000_000), btc.toBaseUnits(new BigDecimal("1.50000000000")));
        assertEquals(BigInteger.ONE, btc.toBaseUnits("0.00000001"));
        assertEquals(BigInteger.TEN.pow(18), Coin.of("eth").toBaseUnits("1"));
        assertEquals(BigInteger.valueOf(12345), Coin.of("eos").toBaseUnits("1.2345"));
        assertEquals(BigInteger.valueOf(5000), Coin.of("eos").toBaseUnits(".5"));
        Coin eth = Coin.of("eth");
        BigInteger max = Coin.MAX_BASE_UNITS;
        assertEquals(max, eth.toBaseUnits(eth.toDecimal(max)), "the largest amount round-trips");
        assertEquals(BigInteger.ZERO, btc.toBaseUnits("0"));
    }

    @Test
    void tooManyDecimalsAreRefused() {
        assertThrows(InvalidAmountException.TooManyDecimals.class, () -> Coin.of("btc").toBaseUnits("0.000000001"));
        assertThrows(InvalidAmountException.TooManyDecimals.class, () -> Coin.of("xlm").toBaseUnits(new BigDecimal("1.12345678")));
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThrows(InvalidAmountException.Negative.class, () -> Coin.of("btc").toBaseUnits("-1"));
        assertThrows(InvalidAmountException.Negative.class, () -> Coin.of("btc").toBaseUnits(new BigDecimal("-0.1")));
        assertThrows(InvalidAmountException.Negative.class, () -> Coin.of("btc").toDecimal(BigInteger.valueOf(-5)));
    }

    @Test
    void amountsAboveTwoToThe256AreRefused() {
        BigInteger tooBig = Coin.MAX_BASE_UNITS.add(BigInteger.ONE);
        assertThrows(InvalidAmountException.Overflow.class, () -> Coin.of("eth").toDecimal(tooBig));
        assertThrows(InvalidAmountException.Overflow.class,
                () -> Coin.of("eth").toBaseUnits(new BigDecimal(tooBig).movePointLeft(18)));
        assertThrows(InvalidAmountException.Overflow.class, () -> Coin.of("btc").toBaseUnits(new BigDecimal("1E+1000000")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1,5", "1e8", " 1", "1.", "+1", "0x10", "abc", "1.2.3"})
    void nonDecimalTextIsRefused(String text) {
        assertThrows(InvalidAmountException.Malformed.class, () -> Coin.of("btc").toBaseUnits(text));
    }

    @Test
    void nullAmountsAreRefused() {
        assertThrows(InvalidAmountException.class, () -> Coin.of("btc").toBaseUnits((String) null));
        assertThrows(InvalidAmountException.class, () -> Coin.of("btc").toBaseUnits((BigDecimal) null));
        assertThrows(InvalidAmountException.class, () -> Coin.of("btc").toDecimal(null));
        assertFalse(Coin.of("btc").isTestnet());
    }
}
