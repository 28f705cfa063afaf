package dev.bitgojava.signing.keys;

/** A Stellar StrKey ({@code G…}/{@code S…}) that is not Base32, has the wrong length or version, or a bad checksum. */
public class InvalidStrKeyException extends KeyException {

    /** An error with its message; the key text itself is never included. */
    public InvalidStrKeyException(String message) {
        super(message);
    }
}
