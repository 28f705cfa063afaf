package dev.bitgojava.signing.multiuser;

/**
 * A server answer, envelope, share or key this package reads is not in the expected form: not JSON, a required
 * field missing or of the wrong type, an envelope that cannot be parsed, a derivation path with no index, a key
 * that is not a valid extended key. Nothing was decrypted.
 */
public class MalformedMultiUserDataException extends MultiUserException {

    /** An error with its message. */
    public MalformedMultiUserDataException(String message) {
        super(message);
    }

    /** An error with its message and the lower-level cause. */
    public MalformedMultiUserDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
