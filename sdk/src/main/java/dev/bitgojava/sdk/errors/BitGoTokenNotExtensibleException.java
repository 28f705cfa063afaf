package dev.bitgojava.sdk.errors;

/**
 * {@code extendToken} was called on a client that holds no extension key: it was not made by an extensible login
 * ({@code Login.builder(...).extensible(true)}), or it logged out. Nothing was sent.
 */
public class BitGoTokenNotExtensibleException extends BitGoConfigurationException {

    /** The error with a message that says how to get an extensible token. */
    public BitGoTokenNotExtensibleException(String message) {
        super(message);
    }
}
