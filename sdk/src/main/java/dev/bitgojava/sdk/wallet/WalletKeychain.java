package dev.bitgojava.sdk.wallet;

/**
 * One of a wallet's three keychains as BitGo stores it: public key and, for keys the user owns, the private key
 * encrypted with the wallet passphrase. Never holds a private key in clear.
 *
 * @param id           BitGo's keychain id
 * @param pub          the extended public key (xpub)
 * @param source       {@code user}, {@code backup} or {@code bitgo}
 * @param encryptedPrv the passphrase-encrypted private key envelope, or null (BitGo key, or backup uploaded as xpub)
 */
public record WalletKeychain(String id, String pub, String source, String encryptedPrv) {

    @Override
    public String toString() {
        return "WalletKeychain[id=" + id + ", source=" + source + ", pub=" + pub
                + (encryptedPrv != null ? ", encryptedPrv=<present>" : "") + "]";
    }
}
