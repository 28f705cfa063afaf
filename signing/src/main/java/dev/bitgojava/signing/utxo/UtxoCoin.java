package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;

import java.util.Locale;

/**
 * The UTXO coins whose BitGo fixed-script wallets this package handles, with the network parameters that
 * address encoding and signing depend on.
 */
public enum UtxoCoin {
    /** Bitcoin mainnet. */
    BTC("btc", 0x00, 0x05, "bc", null, true, true, false),
    /** Bitcoin testnet. */
    TBTC("tbtc", 0x6f, 0xc4, "tb", null, true, true, false),
    /** Litecoin mainnet. */
    LTC("ltc", 0x30, 0x32, "ltc", null, true, false, false),
    /** Litecoin testnet. */
    TLTC("tltc", 0x6f, 0x3a, "tltc", null, true, false, false),
    /** Bitcoin Cash mainnet (signs with SIGHASH_FORKID). */
    BCH("bch", 0x00, 0x05, null, "bitcoincash", false, false, true),
    /** Bitcoin Cash testnet. */
    TBCH("tbch", 0x6f, 0xc4, null, "bchtest", false, false, true);

    private final String id;
    private final int p2pkhVersion;
    private final int p2shVersion;
    private final String bech32Hrp;
    private final String cashAddrPrefix;
    private final boolean segwit;
    private final boolean taproot;
    private final boolean forkId;

    UtxoCoin(String id, int p2pkhVersion, int p2shVersion, String bech32Hrp, String cashAddrPrefix,
             boolean segwit, boolean taproot, boolean forkId) {
        this.id = id;
        this.p2pkhVersion = p2pkhVersion;
        this.p2shVersion = p2shVersion;
        this.bech32Hrp = bech32Hrp;
        this.cashAddrPrefix = cashAddrPrefix;
        this.segwit = segwit;
        this.taproot = taproot;
        this.forkId = forkId;
    }

    /** The coin for BitGo's coin id ({@code btc}, {@code tbtc}, {@code ltc}, {@code bch}, ...). */
    public static UtxoCoin fromId(String id) {
        if (id != null) {
            String wanted = id.trim().toLowerCase(Locale.ROOT);
            for (UtxoCoin coin : values()) {
                if (coin.id.equals(wanted)) {
                    return coin;
                }
            }
        }
        throw new SigningException("unknown UTXO coin '" + id + "'; known: btc, tbtc, ltc, tltc, bch, tbch");
    }

    /** BitGo's coin id. */
    public String id() {
        return id;
    }

    /** Base58Check version byte of pay-to-pubkey-hash addresses. */
    public int p2pkhVersion() {
        return p2pkhVersion;
    }

    /** Base58Check version byte of pay-to-script-hash addresses. */
    public int p2shVersion() {
        return p2shVersion;
    }

    /** Human-readable part of segwit addresses, or null for coins without segwit. */
    public String bech32Hrp() {
        return bech32Hrp;
    }

    /** CashAddr prefix, or null for coins without CashAddr. */
    public String cashAddrPrefix() {
        return cashAddrPrefix;
    }

    /** Whether the coin has segregated witness (chains 10/11/20/21). */
    public boolean supportsSegwit() {
        return segwit;
    }

    /** Whether the coin has taproot (chains 30/31/40/41). */
    public boolean supportsTaproot() {
        return taproot;
    }

    /** Whether signatures use the BIP143-style digest with SIGHASH_FORKID (Bitcoin Cash). */
    public boolean usesForkId() {
        return forkId;
    }

    /** The ECDSA sighash type BitGo writes for this coin: 0x41 with fork id, otherwise SIGHASH_ALL. */
    public int defaultEcdsaSighash() {
        return forkId ? 0x41 : 0x01;
    }

    /** Whether the coin supports the script type. */
    public boolean supports(ScriptType type) {
        switch (type) {
            case P2SH:
                return true;
            case P2SH_P2WSH:
            case P2WSH:
                return segwit;
            default:
                return taproot;
        }
    }
}
