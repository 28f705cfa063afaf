package dev.bitgojava.sdk.wallet;

/**
 * The result of {@link Wallets#generateWallet}: the new wallet, its three keychains (order user, backup, bitgo, all
 * checked against what was uploaded) and the material to store offline.
 *
 * @param wallet          the wallet, ready to create addresses and send
 * @param userKeychain    the user keychain (with its encrypted private key)
 * @param backupKeychain  the backup keychain
 * @param bitgoKeychain   BitGo's keychain
 * @param offlineMaterial what the user must keep offline (backup key, encrypted user key)
 */
public record GeneratedWallet(Wallet wallet, WalletKeychain userKeychain, WalletKeychain backupKeychain,
                              WalletKeychain bitgoKeychain, OfflineKeyMaterial offlineMaterial) {
}
