package dev.bitgojava.sdk.errors;

/**
 * A send may have reached BitGo, but neither its answer nor a transfer with its {@code sequenceId} could be
 * obtained. Do not build a new transaction for the same intent: look the transfer up later by
 * {@link #sequenceId()} (or repeat the call with the same sequence id, which the SDK reconciles first).
 */
public class BitGoSendOutcomeUnknownException extends BitGoClientException {

    private final String sequenceId;

    /** An unknown outcome of the send with this sequence id. */
    public BitGoSendOutcomeUnknownException(String message, String sequenceId, Throwable cause) {
        super(message, cause, true);
        this.sequenceId = sequenceId;
    }

    /** The sequence id of the send whose outcome is unknown. */
    public String sequenceId() {
        return sequenceId;
    }
}
