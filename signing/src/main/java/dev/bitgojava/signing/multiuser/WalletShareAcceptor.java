package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.encryption.KeychainEncryptionException;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.encryption.WrongPassphraseException;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.keys.KeyException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The recipient's half of a wallet share with spend permission: derive our ECDH root key (see
 * {@link EcdhKeychains#decrypt}) at the share's path, take the x-only ECDH secret with the share's
 * {@code fromPubKey}, open {@code encryptedPrv} with its 64 hex digits, check that the key is the private key of the
 * share's {@code pub}, and re-encrypt it under our own wallet passphrase. Immutable and thread-safe.
 */
public final class WalletShareAcceptor {

    private static final WalletShareAcceptor DEFAULT = new WalletShareAcceptor(KeychainEncryptor.defaults());

    private final KeychainEncryptor encryptor;

    private WalletShareAcceptor(KeychainEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    /** Re-encrypts with BitGo's default version-1 envelopes. */
    public static WalletShareAcceptor defaults() {
        return DEFAULT;
    }

    /** Re-encrypts with {@code encryptor} (e.g. version 2 for BitGo's {@code encryptionVersion: 2}). */
    public static WalletShareAcceptor withEncryptor(KeychainEncryptor encryptor) {
        return new WalletShareAcceptor(Objects.requireNonNull(encryptor, "encryptor"));
    }

    /**
     * The envelope password of a share: 64 lowercase hex digits of the x-only ECDH product of our ECDH root key at
     * the share's (cleaned) path and its {@code fromPubKey}. The caller should wipe the array.
     */
    public static char[] sharedSecretHex(Bip32Key ecdhRoot, WalletShareKeychain keychain) {
        byte[] privateKey = sharingKey(ecdhRoot, keychain).privateKey();
        byte[] secret = null;
        try {
            secret = Ecdh.sharedSecret(privateKey, WalletShareEncryptor.parsePublicKey(keychain.fromPubKey()));
            return Ecdh.hex(secret);
        } finally {
            Ecdh.wipe(privateKey);
            Ecdh.wipe(secret);
        }
    }

    /** Our sharing key for this share: the ECDH root key at the share's path, cleaned as sdk-core does. */
    public static Bip32Key sharingKey(Bip32Key ecdhRoot, WalletShareKeychain keychain) {
        Objects.requireNonNull(ecdhRoot, "ecdhRoot");
        requireKeychain(keychain);
        if (keychain.path() == null || keychain.fromPubKey() == null) {
            throw new MalformedMultiUserDataException("the share keychain has no path or no fromPubKey");
        }
        return TokenIssuance.clientKey(ecdhRoot, keychain.path());
    }

    /**
     * The shared wallet key, checked against the share's {@code pub}.
     *
     * @throws ShareDecryptionException        the ECDH secret does not open {@code encryptedPrv}
     * @throws SharedKeyMismatchException      the key inside is not the private key of {@code pub}
     * @throws MalformedMultiUserDataException the share cannot be read
     * @throws InvalidEcdhKeyException         {@code fromPubKey} is not a compressed secp256k1 point
     */
    public Bip32Key openSharedKey(Bip32Key ecdhRoot, WalletShareKeychain keychain) {
        requireKeychain(keychain);
        if (keychain.pub() == null) {
            throw new MalformedMultiUserDataException("the share keychain has no pub to check the key against");
        }
        Bip32Key expected;
        try {
            expected = Bip32Key.parse(keychain.pub());
        } catch (KeyException e) {
            throw new MalformedMultiUserDataException("the share's pub is not an extended key: " + e.getMessage(), e);
        }
        char[] password = sharedSecretHex(ecdhRoot, keychain);
        byte[] plain;
        try {
            plain = encryptor.decryptToBytes(password, keychain.encryptedPrv());
        } catch (WrongPassphraseException e) {
            throw new ShareDecryptionException("the share's encryptedPrv does not open under the ECDH secret of our "
                    + "sharing key and fromPubKey (altered share, or a share for another key)", e);
        } catch (KeychainEncryptionException e) {
            throw new MalformedMultiUserDataException("the share's encryptedPrv cannot be read: " + e.getMessage(), e);
        } finally {
            Ecdh.wipe(password);
        }
        Bip32Key key;
        try {
            key = Bip32Key.parse(new String(plain, StandardCharsets.UTF_8));
        } catch (KeyException e) {
            throw new SharedKeyMismatchException("the shared key is not a BIP32 xprv, so it cannot be the key of the "
                    + "share's pub", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        if (!key.hasPrivateKey()
                || !MessageDigest.isEqual(key.publicKey(), expected.publicKey())
                || !MessageDigest.isEqual(key.chainCode(), expected.chainCode())) {
            throw new SharedKeyMismatchException("the shared key is not the private key of the share's pub");
        }
        return key;
    }

    /**
     * Opens the shared key ({@link #openSharedKey}) and re-encrypts its xprv under {@code newWalletPassphrase};
     * the result is the {@code encryptedPrv} to send when accepting.
     */
    public String reencrypt(Bip32Key ecdhRoot, WalletShareKeychain keychain, char[] newWalletPassphrase) {
        if (newWalletPassphrase == null) {
            throw new MultiUserException("no wallet passphrase to re-encrypt the shared key under (null)");
        }
        Bip32Key key = openSharedKey(ecdhRoot, keychain);
        return encryptor.encrypt(newWalletPassphrase, key.toXprv());
    }

    /**
     * The accept body for a share: just the state for a view-only share ({@code keychain} null), the re-encrypted key
     * otherwise.
     */
    public AcceptShareBody accept(String walletShareId, Bip32Key ecdhRoot, WalletShareKeychain keychain,
                                  char[] newWalletPassphrase) {
        if (keychain == null) {
            return new AcceptShareBody(walletShareId, null);
        }
        return new AcceptShareBody(walletShareId, reencrypt(ecdhRoot, keychain, newWalletPassphrase));
    }

    private static void requireKeychain(WalletShareKeychain keychain) {
        if (keychain == null || keychain.encryptedPrv() == null) {
            throw new MalformedMultiUserDataException("the share has no keychain with an encryptedPrv "
                    + "(a view-only share has nothing to decrypt)");
        }
    }
}
