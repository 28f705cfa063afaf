package dev.bitgojava.sdk.wallet;

/** The three checked keychains of a wallet, in the order user, backup, bitgo. */
record WalletKeychains(WalletKeychain user, WalletKeychain backup, WalletKeychain bitgo) {
}
