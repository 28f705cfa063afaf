package dev.bitgojava.sdk.errors;

/** The wallet passphrase does not decrypt the user key. Nothing was signed or sent. */
public class BitGoWrongPassphraseException extends BitGoClientException {

    /** The error with the decryption failure as cause. */
    public BitGoWrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
