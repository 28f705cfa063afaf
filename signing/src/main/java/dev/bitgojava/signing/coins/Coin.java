package dev.bitgojava.signing.coins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One coin of BitGo's coin table, mainnet or testnet ({@code btc}, {@code tbtc}, {@code eth}, {@code hteth}, …):
 * its precision, family, key curve and wallet kind, and exact conversions between base units ({@link BigInteger},
 * e.g. satoshi, wei) and decimal amounts ({@link BigDecimal}). Instances are unique per id, immutable and
 * thread-safe.
 */
public final class Coin {

    /** The largest amount in base units any conversion accepts: 2^256 − 1 (the range of an EVM uint256). */
    public static final BigInteger MAX_BASE_UNITS = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Map<String, Coin> BY_ID = new LinkedHashMap<>();

    static {
        chain("algo", "Algorand", 6, CoinFamily.ACCOUNT, KeyCurve.ED25519, WalletKind.NATIVE_MULTISIG, "talgo");
        chain("btc", "Bitcoin", 8, CoinFamily.UTXO, KeyCurve.SECP256K1, WalletKind.UTXO_SCRIPT_MULTISIG, "tbtc", "tbtc4");
        chain("bch", "Bitcoin Cash", 8, CoinFamily.UTXO, KeyCurve.SECP256K1, WalletKind.UTXO_SCRIPT_MULTISIG, "tbch");
        chain("btg", "Bitcoin Gold", 8, CoinFamily.UTXO, KeyCurve.SECP256K1, WalletKind.UTXO_SCRIPT_MULTISIG, "tbtg");
        chain("cspr", "Casper", 9, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.NATIVE_MULTISIG, "tcspr");
        chain("celo", "Celo", 18, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.CONTRACT_MULTISIG, "tcelo");
        chain("dash", "Dash", 8, CoinFamily.UTXO, KeyCurve.SECP256K1, WalletKind.UTXO_SCRIPT_MULTISIG, "tdash");
        chain("eos", "EOS", 4, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.NATIVE_MULTISIG, "teos");
        chain("eth", "Ethereum", 18, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.CONTRACT_MULTISIG, "hteth");
        chain("hbar", "Hedera", 8, CoinFamily.ACCOUNT, KeyCurve.ED25519, WalletKind.NATIVE_MULTISIG, "thbar");
        chain("ltc", "Litecoin", 8, CoinFamily.UTXO, KeyCurve.SECP256K1, WalletKind.UTXO_SCRIPT_MULTISIG, "tltc");
        chain("xrp", "XRP", 6, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.NATIVE_MULTISIG, "txrp");
        chain("rbtc", "RSK Smart Bitcoin", 18, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.CONTRACT_MULTISIG, "trbtc");
        chain("xlm", "Stellar", 7, CoinFamily.ACCOUNT, KeyCurve.ED25519, WalletKind.NATIVE_MULTISIG, "txlm");
        chain("xtz", "Tezos", 6, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.CONTRACT_MULTISIG, "txtz");
        chain("trx", "TRON", 6, CoinFamily.ACCOUNT, KeyCurve.SECP256K1, WalletKind.NATIVE_MULTISIG, "ttrx");
        chain("zec", "ZCash", 8, CoinFamily.UTXO, KeyCurve.SECP256K1, WalletKind.UTXO_SCRIPT_MULTISIG, "tzec");
    }

    private final String id;
    private final String name;
    private final int decimals;
    private final CoinFamily family;
    private final KeyCurve keyCurve;
    private final WalletKind walletKind;
    private final String mainnetId;
    private final String testnetId;

    private Coin(String id, String name, int decimals, CoinFamily family, KeyCurve keyCurve, WalletKind walletKind,
                 String mainnetId, String testnetId) {
        this.id = id;
        this.name = name;
        this.decimals = decimals;
        this.family = family;
        this.keyCurve = keyCurve;
        this.walletKind = walletKind;
        this.mainnetId = mainnetId;
        this.testnetId = testnetId;
    }

    private static void chain(String id, String name, int decimals, CoinFamily family, KeyCurve curve,
                              WalletKind kind, String... testnetIds) {
        BY_ID.put(id, new Coin(id, name, decimals, family, curve, kind, id, testnetIds[0]));
        for (String testnet : testnetIds) {
            BY_ID.put(testnet, new Coin(testnet, name + " Testnet", decimals, family, curve, kind, id, testnetIds[0]));
        }
    }

    /**
     * The coin with this id (case-insensitive), e.g. {@code Coin.of("tbtc")}.
     *
     * @throws UnknownCoinException naming close matches when the id is not in the table
     */
    public static Coin of(String id) {
        if (id == null) {
            throw new UnknownCoinException("null", List.of());
        }
        Coin coin = BY_ID.get(id.toLowerCase(Locale.ROOT));
        if (coin == null) {
            throw new UnknownCoinException(id, closeMatches(id.toLowerCase(Locale.ROOT)));
        }
        return coin;
    }

    /** Every coin of the table, mainnets each followed by their testnets. */
    public static List<Coin> all() {
        return List.copyOf(BY_ID.values());
    }

    private static List<String> closeMatches(String id) {
        record Match(String id, int distance) {
        }
        List<Match> matches = new ArrayList<>();
        for (String known : BY_ID.keySet()) {
            int d = distance(id, known);
            boolean contains = id.length() >= 2 && (known.contains(id) || id.contains(known));
            if (d <= 2 || contains) {
                matches.add(new Match(known, contains ? Math.min(d, 1) : d));
            }
        }
        matches.sort(Comparator.comparingInt(Match::distance).thenComparing(Match::id));
        return matches.stream().limit(5).map(Match::id).toList();
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 32) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The lowercase id BitGo's API uses in {@code /api/v2/{coin}/…}. */
    public String id() {
        return id;
    }

    /** A human-readable name. */
    public String name() {
        return name;
    }

    /** Whether this is a test-network coin. */
    public boolean isTestnet() {
        return !id.equals(mainnetId);
    }

    /** The id of the mainnet coin of the same chain ({@code btc} for {@code tbtc}). */
    public String mainnetId() {
        return mainnetId;
    }

    /** The id of the chain's main test coin ({@code tbtc} for {@code btc}, {@code hteth} for {@code eth}). */
    public String testnetId() {
        return testnetId;
    }

    /** The mainnet coin of the same chain. */
    public Coin mainnet() {
        return BY_ID.get(mainnetId);
    }

    /** The main test coin of the same chain. */
    public Coin testnet() {
        return BY_ID.get(testnetId);
    }

    /** Decimal places of one whole coin in base units (8 for btc: 1 BTC = 10^8 satoshi; 18 for eth). */
    public int decimals() {
        return decimals;
    }

    /** UTXO or account-based. */
    public CoinFamily family() {
        return family;
    }

    /** The curve of the coin's keys. */
    public KeyCurve keyCurve() {
        return keyCurve;
    }

    /** How the coin's multisig wallets work. */
    public WalletKind walletKind() {
        return walletKind;
    }

    /**
     * The decimal amount of {@code baseUnits} (e.g. 150000000 satoshi → 1.5 BTC), exact, without trailing zeros
     * beyond the integer part.
     *
     * @throws InvalidAmountException.Negative when below zero
     * @throws InvalidAmountException.Overflow when above {@link #MAX_BASE_UNITS}
     */
    public BigDecimal toDecimal(BigInteger baseUnits) {
        checkRange(baseUnits, baseUnits);
        BigDecimal value = new BigDecimal(baseUnits, decimals).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * The base units of a decimal amount (e.g. 1.5 BTC → 150000000 satoshi), exact.
     *
     * @throws InvalidAmountException.TooManyDecimals when the amount has a fraction smaller than one base unit
     * @throws InvalidAmountException.Negative        when below zero
     * @throws InvalidAmountException.Overflow        when above {@link #MAX_BASE_UNITS} base units
     */
    public BigInteger toBaseUnits(BigDecimal amount) {
        if (amount == null) {
            throw new InvalidAmountException.Malformed("no amount (null)");
        }
        if (amount.signum() < 0) {
            throw new InvalidAmountException.Negative("amount " + amount.toPlainString() + " " + id + " is negative");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > decimals) {
            throw new InvalidAmountException.TooManyDecimals("amount " + amount.toPlainString() + " has "
                    + stripped.scale() + " decimal places; " + id + " allows at most " + decimals);
        }
        if (stripped.precision() - stripped.scale() > 80) {
            throw new InvalidAmountException.Overflow("amount " + id + " is above the limit of "
                    + MAX_BASE_UNITS + " base units");
        }
        BigInteger units = stripped.movePointRight(decimals).toBigIntegerExact();
        checkRange(units, units);
        return units;
    }

    /**
     * The base units of a plain decimal text ({@code "1.5"}, {@code "0.00000001"}, {@code "21000000"}); no sign,
     * exponent, spaces or separators.
     *
     * @throws InvalidAmountException.Malformed for any other text; otherwise as {@link #toBaseUnits(BigDecimal)}
     */
    public BigInteger toBaseUnits(String amount) {
        if (amount == null) {
            throw new InvalidAmountException.Malformed("no amount (null)");
        }
        if (amount.startsWith("-") && DECIMAL.matcher(amount.substring(1)).matches()) {
            throw new InvalidAmountException.Negative("amount " + amount + " " + id + " is negative");
        }
        if (amount.length() > 200 || !DECIMAL.matcher(amount).matches()) {
            throw new InvalidAmountException.Malformed("'" + (amount.length() > 40 ? amount.substring(0, 40) + "…" : amount)
                    + "' is not a plain decimal amount");
        }
        return toBaseUnits(new BigDecimal(amount));
    }

    private void checkRange(BigInteger units, Object shown) {
        if (units == null) {
            throw new InvalidAmountException.Malformed("no amount (null)");
        }
        if (units.signum() < 0) {
            throw new InvalidAmountException.Negative(shown + " base units of " + id + " is negative");
        }
        if (units.compareTo(MAX_BASE_UNITS) > 0) {
            throw new InvalidAmountException.Overflow(id + " amount is above the limit of 2^256 - 1 base units");
        }
    }

    /** The id. */
    @Override
    public String toString() {
        return id;
    }
}
