package dev.bitgojava.sdk.errors;

/** The SDK does not (yet) support this coin or operation; nothing was sent. */
public class BitGoUnsupportedException extends BitGoClientException {

    /** An unsupported coin or operation. */
    public BitGoUnsupportedException(String message) {
        super(message);
    }
}
