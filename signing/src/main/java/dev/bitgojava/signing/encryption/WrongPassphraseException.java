package dev.bitgojava.signing.encryption;

/**
 * The envelope's authentication tag (AES-CCM or AES-GCM) does not match. Either the passphrase is wrong or the
 * envelope was altered (ciphertext, salt, iv or adata); the cipher cannot tell the two apart, so this one error
 * covers both. BitGoJS reports the same condition as {@code password error - ccm: tag doesn't match} (v1) or
 * {@code incorrect password} (v2).
 */
public class WrongPassphraseException extends KeychainEncryptionException {

    /** An error with its message. */
    public WrongPassphraseException(String message) {
        super(message);
    }
}
