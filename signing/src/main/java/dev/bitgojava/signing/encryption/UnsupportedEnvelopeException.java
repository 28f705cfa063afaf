package dev.bitgojava.signing.encryption;

/**
 * The envelope is well formed but names parameters this library (like BitGoJS) refuses: an unknown version, a cipher
 * other than AES, a mode other than CCM, a key or tag size SJCL does not allow, or key-derivation costs outside the
 * accepted range.
 */
public class UnsupportedEnvelopeException extends KeychainEncryptionException {

    /** An error with its message. */
    public UnsupportedEnvelopeException(String message) {
        super(message);
    }
}
