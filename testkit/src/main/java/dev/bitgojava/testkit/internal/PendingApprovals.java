package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.testkit.internal.Model.Entry;
import dev.bitgojava.testkit.internal.Model.PolicyRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pending approvals of sends that a policy rule held back. Each keeps the verified send, so approving it
 * co-signs and records exactly what the user signed. State changes happen under the wallet's monitor.
 */
public final class PendingApprovals {

    /** One pending approval of a send. */
    static final class Approval {
        final String id;
        final WalletState wallet;
        final String creator;
        final Instant created;
        final PolicyRule rule;
        final String sequenceId;
        final String comment;
        final PreparedSend send;
        volatile String state = "pending";
        volatile String resolver;
        volatile Instant resolved;
        volatile String transferId;

        Approval(String id, WalletState wallet, String creator, Instant created, PolicyRule rule, String sequenceId,
                 String comment, PreparedSend send) {
            this.id = id;
            this.wallet = wallet;
            this.creator = creator;
            this.created = created;
            this.rule = rule;
            this.sequenceId = sequenceId;
            this.comment = comment;
            this.send = send;
        }
    }

    private final Map<String, Approval> approvals = new ConcurrentHashMap<>();

    /** Records a new pending approval. */
    Approval add(WalletState wallet, String creator, Instant now, PolicyRule rule, String sequenceId, String comment,
                 PreparedSend send) {
        Approval approval = new Approval(Ids.id32(), wallet, creator, now, rule, sequenceId, comment, send);
        approvals.put(approval.id, approval);
        return approval;
    }

    /** An approval, or null. */
    Approval get(String id) {
        return approvals.get(id);
    }

    /** The still-pending approval of a wallet's send with this sequence id, or null. */
    Approval pendingForSequenceId(WalletState wallet, String sequenceId) {
        for (Approval a : approvals.values()) {
            if (a.wallet == wallet && sequenceId.equals(a.sequenceId) && "pending".equals(a.state)) {
                return a;
            }
        }
        return null;
    }

    /** Every approval, oldest first. */
    List<Approval> all() {
        List<Approval> out = new ArrayList<>(approvals.values());
        out.sort(Comparator.comparing((Approval a) -> a.created).thenComparing(a -> a.id));
        return out;
    }

    /**
     * Who may resolve an approval: the users the triggering rule's action names, else every wallet admin; never
     * the user who made the request (four eyes).
     */
    static List<String> approvers(Approval a) {
        List<String> named = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode ids = a.rule.body().path("action").path("userIds");
        if (ids.isArray()) {
            ids.forEach(id -> named.add(id.asText()));
        }
        if (named.isEmpty()) {
            a.wallet.members().forEach((user, permissions) -> {
                if (permissions.contains("admin")) {
                    named.add(user);
                }
            });
        }
        named.remove(a.creator);
        return named;
    }

    /** Whether a user may see an approval: a wallet member, or a user the triggering rule names as approver. */
    static boolean visibleTo(Approval a, String userId) {
        return a.wallet.isMember(userId) || approvers(a).contains(userId);
    }

    /** BitGo's PendingApproval shape. */
    static ObjectNode view(Approval a) {
        ObjectNode out = Json.object();
        out.put("id", a.id);
        out.put("coin", a.wallet.coin());
        out.put("wallet", a.wallet.id());
        if (a.wallet.enterpriseId() != null) {
            out.put("enterprise", a.wallet.enterpriseId());
        }
        out.put("creator", a.creator);
        out.put("createDate", a.created.toString());
        out.put("state", a.state);
        out.put("scope", "wallet");
        approvers(a).forEach(out.putArray("userIds")::add);
        out.put("approvalsRequired", 1);
        out.put("walletLabel", a.wallet.label());
        ObjectNode info = out.putObject("info");
        info.put("type", "transactionRequest");
        ObjectNode request = info.putObject("transactionRequest");
        request.put("requestedAmount", a.send.externalAmount().toString());
        request.put("fee", a.send.fee().toString());
        request.put("sourceWallet", a.wallet.id());
        request.put("triggeredPolicy", a.rule.id());
        ArrayNode recipients = request.putArray("recipients");
        for (Entry e : a.send.recipients()) {
            recipients.addObject().put("address", e.address()).put("amount", e.value().toString());
        }
        if (a.comment != null) {
            request.put("comment", a.comment);
        }
        if (a.sequenceId != null) {
            request.put("sequenceId", a.sequenceId);
        }
        ArrayNode resolvers = out.putArray("resolvers");
        if (a.resolved != null) {
            out.put("approvedDate", a.resolved.toString());
            resolvers.addObject().put("user", a.resolver).put("date", a.resolved.toString())
                    .put("resolutionType", "approved".equals(a.state) ? "pending" : "rejected")
                    .put("resolutionAction", "approved".equals(a.state) ? "approve" : "reject");
        }
        return out;
    }
}
