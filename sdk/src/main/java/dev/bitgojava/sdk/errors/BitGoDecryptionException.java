package dev.bitgojava.sdk.errors;

import dev.bitgojava.signing.multiuser.MultiUserException;

/**
 * Key material from BitGo could not be opened on this side: the login password does not open the ECDH keychain,
 * an issued token does not decrypt (wrong server xpub), a wallet share's key does not decrypt or is not the wallet's
 * key, or a wallet passphrase is wrong. Nothing was sent to BitGo after the failure. The cause is the signing
 * module's error; {@link #errorCode()} is BitGo's code for the condition, when it has one.
 */
public class BitGoDecryptionException extends BitGoClientException {

    private final String errorCode;

    /** An error with its message and the lower-level cause. */
    public BitGoDecryptionException(String message, Throwable cause) {
        super(message, cause);
        this.errorCode = cause instanceof MultiUserException m ? m.errorCode() : null;
    }

    /** BitGo's {@code errorCode} (e.g. {@code ecdh_xprv_decryption_failure}), or null. */
    public String errorCode() {
        return errorCode;
    }
}
