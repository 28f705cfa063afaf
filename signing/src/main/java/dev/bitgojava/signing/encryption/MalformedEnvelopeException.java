package dev.bitgojava.signing.encryption;

/**
 * The envelope text cannot be read: not JSON of the form SJCL or BitGo write, a required field is missing or has the
 * wrong type, or a Base64 field does not decode.
 */
public class MalformedEnvelopeException extends KeychainEncryptionException {

    /** An error with its message. */
    public MalformedEnvelopeException(String message) {
        super(message);
    }

    /** An error with its message and cause. */
    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
