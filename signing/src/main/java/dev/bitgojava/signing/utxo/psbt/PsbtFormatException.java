package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.SigningException;

/** Bytes that are not a well-formed BIP174 (version 0) PSBT; the message names the map, record and problem. */
public class PsbtFormatException extends SigningException {

    /** An error naming what is wrong. */
    public PsbtFormatException(String message) {
        super(message);
    }

    /** An error naming what is wrong, with the underlying cause. */
    public PsbtFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
