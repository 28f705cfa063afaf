package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.encryption.KeychainEncryptionException;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.encryption.WrongPassphraseException;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.keys.KeyException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The user's ECDH keychain: a BIP32 root key, stored by BitGo encrypted under the <em>login</em> password (in clear
 * text, not its HMAC form). It opens token-issuance answers and incoming wallet shares.
 */
public final class EcdhKeychains {

    private EcdhKeychains() {
    }

    /**
     * Opens {@code encryptedXprv} (a version-1 or version-2 envelope) with the login password.
     *
     * @throws IncorrectLoginPasswordException  when the password does not open it
     * @throws MalformedMultiUserDataException when the envelope or the key inside cannot be read
     */
    public static Bip32Key decrypt(char[] loginPassword, String encryptedXprv) {
        if (encryptedXprv == null || encryptedXprv.isEmpty()) {
            throw new MalformedMultiUserDataException("Keychain needs encryptedXprv property");
        }
        byte[] plain;
        try {
            plain = KeychainEncryptor.defaults().decryptToBytes(loginPassword, encryptedXprv);
        } catch (WrongPassphraseException e) {
            throw new IncorrectLoginPasswordException("incorrect password: the login password does not open the "
                    + "ECDH keychain", e);
        } catch (KeychainEncryptionException e) {
            throw new MalformedMultiUserDataException("the encrypted ECDH keychain cannot be read: "
                    + e.getMessage(), e);
        }
        try {
            Bip32Key key = Bip32Key.parse(new String(plain, StandardCharsets.UTF_8));
            if (!key.hasPrivateKey()) {
                throw new MalformedMultiUserDataException("the ECDH keychain holds a public key, not an xprv");
            }
            return key;
        } catch (KeyException e) {
            throw new MalformedMultiUserDataException("the ECDH keychain is not a valid xprv: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
