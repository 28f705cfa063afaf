package dev.bitgojava.sdk.errors;

/**
 * An address the server returned does not re-derive from the wallet's own keys at the chain and index it claims
 * (or is malformed). The address is refused and must not be used to receive funds.
 */
public class BitGoAddressVerificationException extends BitGoClientException {

    private final String address;

    /** A refused address. */
    public BitGoAddressVerificationException(String message, String address, Throwable cause) {
        super(message, cause);
        this.address = address;
    }

    /** The refused address as the server returned it (may be null when the server returned none). */
    public String address() {
        return address;
    }
}
