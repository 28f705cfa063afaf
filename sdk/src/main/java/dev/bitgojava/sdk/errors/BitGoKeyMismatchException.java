package dev.bitgojava.sdk.errors;

/**
 * A key the server returned is not the one it should be: a keychain whose public key differs from the one uploaded,
 * a BitGo key that is not a valid xpub, a wallet that does not list exactly the expected key ids in order, or a
 * user key whose decrypted private key does not match its public key. Nothing is signed or sent after this.
 */
public class BitGoKeyMismatchException extends BitGoClientException {

    /** A key mismatch with a message naming the key. */
    public BitGoKeyMismatchException(String message) {
        super(message);
    }

    /** A key mismatch with a cause. */
    public BitGoKeyMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
