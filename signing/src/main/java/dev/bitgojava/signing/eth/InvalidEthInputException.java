package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.SigningException;

/** Malformed Ethereum input: an address, hex string, amount or key that cannot be what it claims to be. */
public class InvalidEthInputException extends SigningException {

    /** An error saying which input is malformed and how. */
    public InvalidEthInputException(String message) {
        super(message);
    }
}
