package dev.bitgojava.sdk.errors;

/** Invalid client configuration or call options, e.g. turning response verification off in production. */
public class BitGoConfigurationException extends BitGoClientException {

    /** A configuration error with a message that names the offending option. */
    public BitGoConfigurationException(String message) {
        super(message);
    }
}
