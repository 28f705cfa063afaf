package dev.bitgojava.sdk;

import dev.bitgojava.client.api.PendingApprovalApi;
import dev.bitgojava.client.model.PendingApprovalList;
import dev.bitgojava.client.model.UpdatePendingApprovalRequest;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;

/**
 * Requests held for approval (sends that triggered a policy, policy changes, ...): list them, approve or reject
 * them. Approving needs a one-time password at BitGo. Get one from {@link BitGoClient#pendingApprovals()}.
 */
public final class PendingApprovals {

    private final BitGoClient client;

    PendingApprovals(BitGoClient client) {
        this.client = client;
    }

    /** Every pending approval of a wallet, fetched page by page as iterated. */
    public Paged<dev.bitgojava.client.model.PendingApproval> forWallet(String walletId) {
        requireId(walletId, "wallet");
        return list(walletId, null);
    }

    /** Every pending approval of an enterprise, fetched page by page as iterated. */
    public Paged<dev.bitgojava.client.model.PendingApproval> forEnterprise(String enterpriseId) {
        requireId(enterpriseId, "enterprise");
        return list(null, enterpriseId);
    }

    /** Every pending approval the user can see, fetched page by page as iterated. */
    public Paged<dev.bitgojava.client.model.PendingApproval> all() {
        return list(null, null);
    }

    private Paged<dev.bitgojava.client.model.PendingApproval> list(String walletId, String enterpriseId) {
        PendingApprovalApi api = client.api(PendingApprovalApi.class);
        return Paged.of((prevId, limit) -> api.listPendingApprovals(limit, prevId, walletId, enterpriseId, null,
                        null, null, null),
                PendingApprovalList::getPendingApprovals, PendingApprovalList::getNextBatchPrevId);
    }

    /**
     * Approves a pending approval; when it was a send, BitGo then carries it out.
     *
     * @throws dev.bitgojava.sdk.errors.BitGoNeedsOtpException when the OTP is missing or wrong
     */
    public dev.bitgojava.client.model.PendingApproval approve(String approvalId, String otp) {
        return resolve(approvalId, UpdatePendingApprovalRequest.StateEnum.APPROVED, otp);
    }

    /** Rejects a pending approval; nothing of it is carried out. */
    public dev.bitgojava.client.model.PendingApproval reject(String approvalId, String otp) {
        return resolve(approvalId, UpdatePendingApprovalRequest.StateEnum.REJECTED, otp);
    }

    private dev.bitgojava.client.model.PendingApproval resolve(String approvalId,
                                                               UpdatePendingApprovalRequest.StateEnum state,
                                                               String otp) {
        requireId(approvalId, "pending approval");
        UpdatePendingApprovalRequest body = new UpdatePendingApprovalRequest().state(state);
        if (otp != null && !otp.isEmpty()) {
            body.otp(otp);
        }
        return client.api(PendingApprovalApi.class).updatePendingApproval(approvalId, body);
    }

    private static void requireId(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new BitGoConfigurationException("a " + what + " id is required");
        }
    }
}
