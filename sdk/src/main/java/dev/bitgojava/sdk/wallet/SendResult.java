package dev.bitgojava.sdk.wallet;

import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.sdk.PendingApproval;

/**
 * How a send ended: {@link Sent} (BitGo co-signed and broadcast it) or {@link AwaitingApproval} (a wallet policy
 * holds it for approval). Both carry the {@code sequenceId} the send was made with.
 */
public sealed interface SendResult permits SendResult.Sent, SendResult.AwaitingApproval {

    /** The idempotency key of the send; the same intent repeated with it never becomes a second transfer. */
    String sequenceId();

    /**
     * The send was accepted and broadcast (or, when {@code reconciled}, an earlier attempt with the same sequence id
     * had already been accepted and its transfer was found instead of sending again).
     *
     * @param sequenceId the send's sequence id
     * @param txid       the transaction id, when known
     * @param transfer   the transfer BitGo recorded, when returned
     * @param status     BitGo's status (e.g. {@code signed}), when returned
     * @param reconciled true when the transfer was found by sequence id instead of being answered by this send
     */
    record Sent(String sequenceId, String txid, Transfer transfer, String status, boolean reconciled)
            implements SendResult {
    }

    /**
     * The send is held for approval.
     *
     * @param sequenceId the send's sequence id
     * @param approval   the pending approval (its id and the response body)
     */
    record AwaitingApproval(String sequenceId, PendingApproval approval) implements SendResult {
    }
}
