package dev.bitgojava.signing.encryption;

import dev.bitgojava.signing.SigningException;

/** Base type of every error {@link KeychainEncryptor} reports. */
public class KeychainEncryptionException extends SigningException {

    /** An error with its message. */
    public KeychainEncryptionException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public KeychainEncryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
