package dev.bitgojava.sdk.wallet;

import dev.bitgojava.client.api.KeychainApi;
import dev.bitgojava.client.api.WalletApi;
import dev.bitgojava.client.model.AddKeychainRequest;
import dev.bitgojava.client.model.AddWalletRequest;
import dev.bitgojava.client.model.Keychain;
import dev.bitgojava.client.model.WalletSummary;
import dev.bitgojava.sdk.BitGoClient;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoKeyMismatchException;
import dev.bitgojava.sdk.internal.KeyChecks;
import dev.bitgojava.sdk.internal.WalletCoin;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The wallets of one coin: create a 2-of-3 multisig wallet with keys made on this machine
 * ({@link #generateWallet}), or open an existing one ({@link #get}). Get one from {@code client.wallets("tbtc")}.
 * Supports the UTXO coins btc, tbtc, tbtc4, ltc, tltc, bch, tbch and the Ethereum coins eth and hteth.
 * Thread-safe.
 */
public final class Wallets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeychainEncryptor ENCRYPTOR = KeychainEncryptor.defaults();

    private final BitGoClient client;
    private final WalletCoin coin;

    /**
     * The wallets of {@code coin} reached through {@code client}.
     *
     * @throws dev.bitgojava.sdk.errors.BitGoUnsupportedException for a coin the wallet flows do not support
     */
    public Wallets(BitGoClient client, String coin) {
        this.client = Objects.requireNonNull(client, "client");
        this.coin = WalletCoin.of(coin);
    }

    /** The coin id. */
    public String coin() {
        return coin.id();
    }

    /**
     * Creates a wallet: generates the user and backup keys locally, uploads their public keys with the private keys
     * encrypted under the passphrase, asks BitGo for its key, and adds the 2-of-3 wallet (keys in the order user,
     * backup, bitgo). Every key the server returns is checked: uploaded public keys come back unchanged, BitGo's key
     * is a valid xpub distinct from ours, and the wallet lists exactly our three key ids in order. No private key
     * leaves this process in clear. The passphrase held by {@code options} is wiped when this returns.
     *
     * @throws BitGoKeyMismatchException   when a returned key or the wallet's key list is not what it must be
     * @throws BitGoConfigurationException when an ETH wallet is asked for without an enterprise
     */
    public GeneratedWallet generateWallet(GenerateWalletOptions options) {
        Objects.requireNonNull(options, "options");
        char[] passphrase = options.passphrase();
        try {
            if (coin.isEth() && options.enterprise().isEmpty()) {
                throw new BitGoConfigurationException("BitGo requires an enterprise for " + coin.id() + " wallets");
            }
            KeychainApi keys = client.api(KeychainApi.class);

            Bip32Key user = Bip32Key.generate(RANDOM);
            String encryptedUserPrv = ENCRYPTOR.encrypt(passphrase, user.toXprv());
            Keychain userKeychain = keys.addKeychain(coin.id(),
                    new AddKeychainRequest().pub(user.toXpub()).encryptedPrv(encryptedUserPrv));
            KeyChecks.requireSame(user, userKeychain.getPub(), "the user keychain");
            requireId(userKeychain, "user");

            Bip32Key backup;
            char[] backupXprv = null;
            String encryptedBackupPrv = null;
            AddKeychainRequest backupRequest = new AddKeychainRequest().source(AddKeychainRequest.SourceEnum.BACKUP);
            if (options.backupXpub().isPresent()) {
                backup = KeyChecks.requireXpub(options.backupXpub().get(), "the given backup xpub");
            } else {
                backup = Bip32Key.generate(RANDOM);
                backupXprv = backup.toXprv().toCharArray();
                if (options.uploadEncryptedBackupKey()) {
                    encryptedBackupPrv = ENCRYPTOR.encrypt(passphrase, backup.toXprv());
                    backupRequest.encryptedPrv(encryptedBackupPrv);
                }
            }
            try {
                Keychain backupKeychain = keys.addKeychain(coin.id(), backupRequest.pub(backup.toXpub()));
                KeyChecks.requireSame(backup, backupKeychain.getPub(), "the backup keychain");
                requireId(backupKeychain, "backup");

                AddKeychainRequest bitgoRequest = new AddKeychainRequest().source(AddKeychainRequest.SourceEnum.BITGO);
                options.enterprise().ifPresent(bitgoRequest::enterprise);
                Keychain bitgoKeychain = keys.addKeychain(coin.id(), bitgoRequest);
                Bip32Key bitgo = KeyChecks.requireXpub(bitgoKeychain.getPub(), "the BitGo keychain");
                requireId(bitgoKeychain, "BitGo");
                if (KeyChecks.samePublicKey(bitgo, user) || KeyChecks.samePublicKey(bitgo, backup)) {
                    throw new BitGoKeyMismatchException("the BitGo keychain repeats one of our own public keys");
                }
                List<String> keyIds = List.of(userKeychain.getId(), backupKeychain.getId(), bitgoKeychain.getId());
                if (keyIds.stream().distinct().count() != 3) {
                    throw new BitGoKeyMismatchException("the three keychains do not have distinct ids: " + keyIds);
                }

                AddWalletRequest add = new AddWalletRequest()
                        .label(options.label())
                        .m(2)
                        .n(3)
                        .keys(keyIds)
                        .type(AddWalletRequest.TypeEnum.fromValue(options.type()));
                options.enterprise().ifPresent(add::enterprise);
                options.walletVersion().ifPresent(add::walletVersion);
                WalletSummary summary = client.api(WalletApi.class).addWallet(coin.id(), add);
                if (summary == null || summary.getId() == null || summary.getId().isEmpty()) {
                    throw new BitGoKeyMismatchException("the server created no wallet id");
                }
                if (!keyIds.equals(summary.getKeys())) {
                    throw new BitGoKeyMismatchException("the wallet lists keys " + summary.getKeys()
                            + " instead of exactly " + keyIds + " (user, backup, bitgo)");
                }
                if ((summary.getM() != null && summary.getM() != 2) || (summary.getN() != null && summary.getN() != 3)) {
                    throw new BitGoKeyMismatchException("the wallet is " + summary.getM() + "-of-" + summary.getN()
                            + ", not 2-of-3");
                }

                WalletKeychain userView = new WalletKeychain(userKeychain.getId(), user.toXpub(), "user",
                        encryptedUserPrv);
                WalletKeychain backupView = new WalletKeychain(backupKeychain.getId(), backup.toXpub(), "backup",
                        encryptedBackupPrv);
                WalletKeychain bitgoView = new WalletKeychain(bitgoKeychain.getId(), bitgoKeychain.getPub(), "bitgo",
                        null);
                Wallet wallet = new Wallet(client, coin, summary.getId(), summary.getLabel(), keyIds,
                        new WalletKeychains(userView, backupView, bitgoView));
                OfflineKeyMaterial offline = new OfflineKeyMaterial(user.toXpub(), encryptedUserPrv, backup.toXpub(),
                        backupXprv, encryptedBackupPrv, bitgoKeychain.getPub());
                return new GeneratedWallet(wallet, userView, backupView, bitgoView, offline);
            } finally {
                if (backupXprv != null) {
                    Arrays.fill(backupXprv, '\0');
                }
            }
        } finally {
            options.clearPassphrase();
        }
    }

    private static void requireId(Keychain keychain, String which) {
        if (keychain.getId() == null || keychain.getId().isEmpty()) {
            throw new BitGoKeyMismatchException("the " + which + " keychain came back without an id");
        }
    }

    /**
     * Opens an existing wallet of this coin. Its keychains are fetched and checked on first use.
     *
     * @throws dev.bitgojava.sdk.errors.BitGoNotFoundException when there is no such wallet
     */
    public Wallet get(String walletId) {
        Objects.requireNonNull(walletId, "walletId");
        dev.bitgojava.client.model.Wallet w = client.api(WalletApi.class).getWallet(coin.id(), walletId,
                null, null, null, null, null, null, null, null);
        if (w == null || !walletId.equals(w.getId())) {
            throw new BitGoKeyMismatchException("asked for wallet " + walletId + " but the server returned "
                    + (w == null ? "nothing" : w.getId()));
        }
        List<String> keyIds = w.getKeys() == null ? List.of() : w.getKeys();
        if (keyIds.contains(null)) {
            throw new BitGoKeyMismatchException("wallet " + walletId + " lists a null key id");
        }
        return new Wallet(client, coin, w.getId(), w.getLabel(), keyIds, null);
    }

    @Override
    public String toString() {
        return "Wallets[" + coin.id() + "]";
    }
}
