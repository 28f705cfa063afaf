package dev.bitgojava.signing.keys;

/**
 * The operation needs a private key but the key is public only: hardened derivation from an xpub, or exporting the
 * private key of a neutered key. BitGoJS reports the former as {@code Missing private key for hardened child key}.
 */
public class PrivateKeyRequiredException extends KeyException {

    /** An error with its message. */
    public PrivateKeyRequiredException(String message) {
        super(message);
    }
}
