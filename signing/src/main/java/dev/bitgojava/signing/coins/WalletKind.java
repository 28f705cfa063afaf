package dev.bitgojava.signing.coins;

/** How a coin's BitGo multisig wallet enforces its 2-of-3 rule. */
public enum WalletKind {
    /** 2-of-3 scripts (p2sh, p2wsh, taproot) derived from three BIP32 keychains per address. */
    UTXO_SCRIPT_MULTISIG,
    /** A smart contract holding the funds (ETH-style WalletSimple, Tezos multisig contract). */
    CONTRACT_MULTISIG,
    /** The chain's own account-level multisig (signer lists, thresholds, multisig accounts). */
    NATIVE_MULTISIG
}
