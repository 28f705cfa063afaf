package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;

/** An address that is malformed, or not valid for the coin. */
public class AddressFormatException extends SigningException {

    /** An error naming what is wrong with the address. */
    public AddressFormatException(String message) {
        super(message);
    }
}
