package dev.bitgojava.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.client.api.KeychainApi;
import dev.bitgojava.client.api.UserApi;
import dev.bitgojava.client.api.WalletApi;
import dev.bitgojava.client.api.WalletShareApi;
import dev.bitgojava.client.model.Keychain;
import dev.bitgojava.client.model.ShareKeychain;
import dev.bitgojava.client.model.UpdateWalletShareRequest;
import dev.bitgojava.client.model.UserSettings;
import dev.bitgojava.client.model.Wallet;
import dev.bitgojava.client.model.WalletShare;
import dev.bitgojava.client.model.WalletShareDetail;
import dev.bitgojava.client.model.WalletShareList;
import dev.bitgojava.client.model.WalletShareState;
import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.errors.BitGoDecryptionException;
import dev.bitgojava.sdk.internal.MultiUserRoutes;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.encryption.WrongPassphraseException;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.multiuser.AcceptShareBody;
import dev.bitgojava.signing.multiuser.EcdhKeychains;
import dev.bitgojava.signing.multiuser.MultiUserException;
import dev.bitgojava.signing.multiuser.ShareWalletBody;
import dev.bitgojava.signing.multiuser.SharingKey;
import dev.bitgojava.signing.multiuser.WalletShareAcceptor;
import dev.bitgojava.signing.multiuser.WalletShareEncryptor;
import dev.bitgojava.signing.multiuser.WalletShareKeychain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Wallet sharing between users. A share with spend permission carries the wallet's user key re-encrypted for the
 * recipient through ECDH (a fresh key pair per share and the recipient's sharing key); the recipient opens it with
 * their ECDH keychain and re-encrypts it under their own wallet passphrase when accepting. Everything that can fail
 * on this side (wrong passphrase, a share that does not decrypt) fails before anything is sent, so nothing is left
 * half-done at BitGo. Get one from {@link BitGoClient#walletShares()}.
 */
public final class WalletShares {

    /** The permissions of a view-only share. */
    public static final String VIEW = "view";
    /** The permissions of a share that can spend (and view). */
    public static final String SPEND = "view,spend";

    private final BitGoClient client;

    WalletShares(BitGoClient client) {
        this.client = client;
    }

    /** Shares a wallet with view permission only: no key material leaves this process. */
    public WalletShare shareView(String coin, String walletId, String recipientEmail, String message) {
        SharingKey recipient = sharingKey(recipientEmail);
        ShareWalletBody body = new ShareWalletBody(recipient.userId(), VIEW, null, message, null, null);
        return post(coin, walletId, body);
    }

    /**
     * Shares a hot wallet with spend permission: fetches the recipient's sharing key and the wallet's user key,
     * opens the key with {@code walletPassphrase} (not kept; the caller should clear the array), encrypts it for
     * the recipient and sends the share.
     *
     * @throws BitGoDecryptionException when the passphrase does not open the user key (nothing is sent)
     */
    public WalletShare shareSpend(String coin, String walletId, String recipientEmail, char[] walletPassphrase,
                                  String message) {
        if (walletPassphrase == null) {
            throw new BitGoConfigurationException("sharing with spend permission needs the wallet passphrase");
        }
        SharingKey recipient = sharingKey(recipientEmail);
        Wallet wallet = client.api(WalletApi.class).getWallet(coin, walletId, null, null, null, null, null, null,
                null, null);
        if (wallet == null || wallet.getKeys() == null || wallet.getKeys().isEmpty()) {
            throw new BitGoClientException("wallet " + walletId + " lists no keys");
        }
        Keychain userKeychain = client.api(KeychainApi.class).getKeychain(coin, wallet.getKeys().get(0));
        if (userKeychain == null || userKeychain.getEncryptedPrv() == null) {
            throw new BitGoClientException("the wallet's user key is not kept at BitGo (a cold wallet?): share "
                    + "with view permission instead");
        }
        Bip32Key userKey = openUserKey(userKeychain, walletPassphrase);
        WalletShareKeychain keychain;
        try {
            keychain = WalletShareEncryptor.defaults().encrypt(userKeychain.getPub(), userKey.toXprv(), recipient);
        } catch (MultiUserException e) {
            throw new BitGoDecryptionException("the recipient's sharing key is unusable: " + e.getMessage(), e);
        }
        return post(coin, walletId, new ShareWalletBody(recipient.userId(), SPEND, null, message, null, keychain));
    }

    /** Every share the user sent ({@code outgoing}) or received ({@code incoming}). */
    public WalletShareList list() {
        return client.api(WalletShareApi.class).listWalletShares();
    }

    /** One share, with its keychain when it is incoming and carries one (BitGo asks for an unlocked session). */
    public WalletShareDetail get(String coin, String shareId) {
        return client.api(WalletShareApi.class).getWalletShare(coin, shareId, (Boolean) null);
    }

    /**
     * Accepts a share with the ECDH key kept from this client's password login; see
     * {@link #accept(String, String, char[], char[])} for clients made from an access token.
     *
     * @throws BitGoConfigurationException when this client did not log in with a password
     */
    public WalletShareState accept(String coin, String shareId, char[] newWalletPassphrase) {
        Bip32Key ecdhKey = client.ecdhKey();
        if (ecdhKey == null) {
            throw new BitGoConfigurationException("this client holds no ECDH key (it was not made by a password "
                    + "login): pass the login password to accept(coin, shareId, loginPassword, passphrase)");
        }
        return accept(coin, shareId, ecdhKey, newWalletPassphrase);
    }

    /**
     * Accepts a share: reads it; for a share with key material, opens the caller's ECDH keychain with
     * {@code loginPassword}, decrypts the wallet key, checks it against the share's public key and re-encrypts it
     * under {@code newWalletPassphrase}; then tells BitGo. Neither array is kept; the caller should clear them.
     *
     * @throws BitGoDecryptionException when the password does not open the ECDH keychain, or the share's key does
     *                                  not decrypt or is not the wallet's key; the share stays as it was
     */
    public WalletShareState accept(String coin, String shareId, char[] loginPassword, char[] newWalletPassphrase) {
        if (loginPassword == null) {
            throw new BitGoConfigurationException("accepting a share needs the login password");
        }
        WalletShareDetail share = get(coin, shareId);
        if (share.getKeychain() == null || share.getKeychain().getEncryptedPrv() == null) {
            return update(coin, shareId, new AcceptShareBody(shareId, null));
        }
        UserSettings settings = client.api(UserApi.class).getUserSettings();
        String xpub = settings == null || settings.getSettings() == null ? null
                : settings.getSettings().getEcdhKeychain();
        if (xpub == null) {
            throw new BitGoClientException("the user has no ECDH keychain (settings.ecdhKeychain is missing)");
        }
        JsonNode keychain = client.api(MultiUserRoutes.class).ecdhKeychain(xpub, MultiUserJson.emptyObject());
        Bip32Key ecdhKey;
        try {
            ecdhKey = EcdhKeychains.decrypt(loginPassword, MultiUserJson.text(keychain, "encryptedXprv"));
        } catch (MultiUserException e) {
            throw new BitGoDecryptionException("the ECDH keychain could not be opened: " + e.getMessage(), e);
        }
        return accept(coin, share, ecdhKey, newWalletPassphrase);
    }

    private WalletShareState accept(String coin, String shareId, Bip32Key ecdhKey, char[] newWalletPassphrase) {
        return accept(coin, get(coin, shareId), ecdhKey, newWalletPassphrase);
    }

    private WalletShareState accept(String coin, WalletShareDetail share, Bip32Key ecdhKey,
                                    char[] newWalletPassphrase) {
        ShareKeychain k = share.getKeychain();
        if (k == null || k.getEncryptedPrv() == null) {
            return update(coin, share.getId(), new AcceptShareBody(share.getId(), null));
        }
        if (newWalletPassphrase == null || newWalletPassphrase.length == 0) {
            throw new BitGoConfigurationException("accepting a share with spend permission needs a new wallet "
                    + "passphrase to keep the key under");
        }
        WalletShareKeychain keychain = new WalletShareKeychain(k.getPub(), k.getEncryptedPrv(), k.getFromPubKey(),
                k.getToPubKey(), k.getPath());
        AcceptShareBody body;
        try {
            body = WalletShareAcceptor.defaults().accept(share.getId(), ecdhKey, keychain, newWalletPassphrase);
        } catch (MultiUserException e) {
            throw new BitGoDecryptionException("the shared wallet key could not be opened: " + e.getMessage(), e);
        }
        return update(coin, share.getId(), body);
    }

    /** Declines a share sent to this user. */
    public WalletShareState reject(String coin, String shareId) {
        return client.api(WalletShareApi.class).updateWalletShare(coin, shareId,
                new UpdateWalletShareRequest().state(UpdateWalletShareRequest.StateEnum.REJECTED));
    }

    /** Withdraws a share this user sent, before it is accepted. */
    public WalletShareState cancel(String coin, String shareId) {
        return client.api(WalletShareApi.class).cancelWalletShare(coin, shareId);
    }

    private SharingKey sharingKey(String email) {
        if (email == null || email.isBlank()) {
            throw new BitGoConfigurationException("sharing needs the recipient's e-mail");
        }
        ObjectNode body = MultiUserJson.emptyObject().put("email", email.toLowerCase(Locale.ROOT));
        JsonNode answer = client.api(MultiUserRoutes.class).sharingKey(body);
        try {
            return SharingKey.parse(answer.toString());
        } catch (MultiUserException e) {
            throw new BitGoClientException("unreadable sharing key: " + e.getMessage(), e);
        }
    }

    private static Bip32Key openUserKey(Keychain keychain, char[] walletPassphrase) {
        byte[] plain = null;
        try {
            plain = KeychainEncryptor.defaults().decryptToBytes(walletPassphrase, keychain.getEncryptedPrv());
            Bip32Key key = Bip32Key.parse(new String(plain, StandardCharsets.UTF_8));
            if (!key.hasPrivateKey() || !key.toXpub().equals(keychain.getPub())) {
                throw new BitGoDecryptionException("the decrypted user key is not the key of the wallet's pub", null);
            }
            return key;
        } catch (WrongPassphraseException e) {
            throw new BitGoDecryptionException("the wallet passphrase does not open the user key", e);
        } catch (SigningException e) {
            throw new BitGoDecryptionException("the wallet's user key cannot be read: " + e.getMessage(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private WalletShare post(String coin, String walletId, ShareWalletBody body) {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(walletId, "walletId");
        JsonNode answer = client.api(MultiUserRoutes.class).shareWallet(coin, walletId,
                MultiUserJson.object(body.toJson()));
        return client.convert(answer, WalletShare.class);
    }

    private WalletShareState update(String coin, String shareId, AcceptShareBody body) {
        JsonNode answer = client.api(MultiUserRoutes.class).updateShare(coin, shareId,
                MultiUserJson.object(body.toJson()));
        return client.convert(answer, WalletShareState.class);
    }
}
