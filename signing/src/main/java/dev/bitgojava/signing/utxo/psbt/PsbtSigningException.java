package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.SigningException;

/** A signer refusing to sign an input because its PSBT data is inconsistent or does not concern the key. */
public class PsbtSigningException extends SigningException {

    private final int inputIndex;

    /** A refusal naming the input. */
    public PsbtSigningException(int inputIndex, String reason) {
        super("input " + inputIndex + ": " + reason);
        this.inputIndex = inputIndex;
    }

    /** The index of the refused input. */
    public int inputIndex() {
        return inputIndex;
    }
}
