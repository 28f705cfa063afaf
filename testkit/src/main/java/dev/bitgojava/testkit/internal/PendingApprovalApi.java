package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.testkit.internal.Model.Transfer;
import dev.bitgojava.testkit.internal.PendingApprovals.Approval;
import dev.bitgojava.testkit.internal.Router.Reply;

import java.time.Instant;
import java.util.List;

/**
 * Pending approvals: list, get, and approve or reject ({@code PUT} with {@code state} and {@code otp}), on both
 * the global and the coin-scoped routes. Approving co-signs and records the held send; rejecting sends nothing.
 * Approving needs the test OTP {@code 0000000} or an unlocked session.
 */
public final class PendingApprovalApi {

    private final Store store;
    private final PendingApprovals approvals;

    /** The endpoints over the store and the approvals the send endpoint records. */
    public PendingApprovalApi(Store store, PendingApprovals approvals) {
        this.store = store;
        this.approvals = approvals;
    }

    /** Adds the routes. */
    public void register(Router router) {
        router.add("GET", "/api/v2/pendingapprovals", this::list)
                .add("GET", "/api/v2/pendingapprovals/{approvalId}", this::get)
                .add("PUT", "/api/v2/pendingapprovals/{approvalId}", this::update)
                .add("GET", "/api/v2/pendingapprovals/{approvalId}/transfer", this::transfer)
                .add("GET", "/api/v2/{coin}/pendingapprovals", this::list)
                .add("GET", "/api/v2/{coin}/pendingapprovals/{approvalId}", this::get)
                .add("PUT", "/api/v2/{coin}/pendingapprovals/{approvalId}", this::update);
    }

    private Reply list(Call call) {
        String coin = call.param("coin");
        String walletId = call.queryParam("walletId");
        String enterprise = call.queryParam("enterpriseId") != null ? call.queryParam("enterpriseId")
                : call.queryParam("enterprise");
        List<String> states = call.queryParams("state");
        List<Approval> all = approvals.all().stream()
                .filter(a -> PendingApprovals.visibleTo(a, call.userId()))
                .filter(a -> coin == null || a.wallet.coin().equals(coin))
                .filter(a -> walletId == null || a.wallet.id().equals(walletId))
                .filter(a -> enterprise == null || enterprise.equals(a.wallet.enterpriseId()))
                .filter(a -> states.isEmpty() ? "pending".equals(a.state) : states.contains(a.state))
                .toList();
        Page<Approval> page = Page.of(all, a -> a.id, call.queryParam("prevId"), call.intQuery("limit"));
        ArrayNode list = Json.array();
        page.items().forEach(a -> list.add(PendingApprovals.view(a)));
        ObjectNode body = Json.object();
        body.set("pendingApprovals", list);
        body.put("count", all.size());
        if (page.nextBatchPrevId() != null) {
            body.put("nextBatchPrevId", page.nextBatchPrevId());
        }
        return Reply.ok(body);
    }

    private Reply get(Call call) {
        return Reply.ok(PendingApprovals.view(own(call)));
    }

    private Reply transfer(Call call) {
        Approval approval = own(call);
        Transfer transfer = approval.transferId == null ? null : approval.wallet.transfer(approval.transferId);
        if (transfer == null) {
            throw ApiException.notFound("transfer of pending approval", approval.id);
        }
        ObjectNode body = Json.object();
        body.set("transfer", Views.transfer(approval.wallet, transfer, store.blockHeight()));
        return Reply.ok(body);
    }

    private Reply update(Call call) {
        Approval approval = own(call);
        String state = Model.text(call.body(), "state");
        String otp = Model.text(call.body(), "otp");
        Instant now = store.now();
        boolean creatorCancels = "rejected".equals(state) && approval.creator.equals(call.userId());
        if (!creatorCancels && !PendingApprovals.approvers(approval).contains(call.userId())) {
            throw new ApiException(403, "NotAnApprover", approval.creator.equals(call.userId())
                    ? "a user cannot approve their own request" : "you are not an approver of this request");
        }
        if ("approved".equals(state) && !Api.TEST_OTP.equals(otp) && !call.session().unlockedAt(now)) {
            throw new ApiException(401, "NeedsOtp", otp == null ? "approving needs an otp or an unlocked session"
                    : "incorrect one-time password", Json.object(), Json.object().put("needsOTP", true));
        }
        synchronized (approval.wallet) {
            if (!"pending".equals(approval.state)) {
                throw ApiException.badRequest("ApprovalNotPending", "pending approval " + approval.id + " is already "
                        + approval.state);
            }
            if ("approved".equals(state)) {
                Transfer transfer = approval.send.execute(approval.sequenceId, approval.comment, now);
                approval.transferId = transfer.id();
            } else if (!"rejected".equals(state)) {
                throw ApiException.badRequest("InvalidState", "state must be approved or rejected");
            }
            approval.resolver = call.userId();
            approval.resolved = now;
            approval.state = state;
        }
        return Reply.ok(PendingApprovals.view(approval));
    }

    private Approval own(Call call) {
        String coin = call.param("coin");
        Approval approval = approvals.get(call.param("approvalId"));
        if (approval == null || !PendingApprovals.visibleTo(approval, call.userId())
                || (coin != null && !approval.wallet.coin().equals(coin))) {
            throw ApiException.notFound("pending approval", call.param("approvalId"));
        }
        return approval;
    }
}
