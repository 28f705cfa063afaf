package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;

/** A string that is not a valid address: bad characters, checksum, length, witness version or program. */
public class AddressFormatException extends SigningException {

    /** An error naming what is wrong with the address. */
    public AddressFormatException(String message) {
        super(message);
    }
}
