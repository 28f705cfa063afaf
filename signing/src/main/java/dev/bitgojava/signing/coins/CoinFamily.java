package dev.bitgojava.signing.coins;

/** How a coin keeps balances, which decides how BitGo builds and verifies its transactions. */
public enum CoinFamily {
    /** Unspent outputs (bitcoin and its forks): 2-of-3 multisig scripts derived per address. */
    UTXO,
    /** Account balances (ethereum, stellar, …): one wallet account, multisig by contract or native rules. */
    ACCOUNT
}
