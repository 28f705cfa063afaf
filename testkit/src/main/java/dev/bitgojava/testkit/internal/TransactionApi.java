package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.testkit.MaliciousBuild;
import dev.bitgojava.testkit.internal.Model.PolicyRule;
import dev.bitgojava.testkit.internal.Model.Transfer;
import dev.bitgojava.testkit.internal.Router.Reply;

import java.time.Instant;

/**
 * The send endpoints: {@code tx/build}, {@code tx/send} (with policy, pending approval and {@code sequenceId}
 * idempotency) and the transfer lookup by {@code sequenceId}. UTXO and Ethereum specifics live in
 * {@link UtxoSends} and {@link EthSends}.
 */
public final class TransactionApi {

    /** Supplies the malicious build to apply to the next build of a UTXO or Ethereum wallet, if any. */
    @FunctionalInterface
    public interface Tampering {
        /** The queued tampering for this kind of wallet (consuming it), or null. */
        MaliciousBuild next(boolean utxo);
    }

    private final Store store;
    private final PendingApprovals approvals;
    private final Tampering tampering;
    private final UtxoSends utxo;
    private final EthSends eth;

    /** The endpoints over a store; approvals are shared with {@link PendingApprovalApi}. */
    public TransactionApi(Store store, PendingApprovals approvals, Tampering tampering) {
        this.store = store;
        this.approvals = approvals;
        this.tampering = tampering;
        this.utxo = new UtxoSends(store);
        this.eth = new EthSends(store);
    }

    /** Adds the routes. */
    public void register(Router router) {
        router.add("POST", "/api/v2/{coin}/wallet/{walletId}/tx/build", this::build)
                .add("POST", "/api/v2/{coin}/wallet/{walletId}/tx/send", this::send)
                .add("GET", "/api/v2/{coin}/wallet/{walletId}/transfer/sequenceId/{sequenceId}",
                        this::transferBySequenceId);
    }

    private Reply build(Call call) {
        WalletState wallet = ownWallet(store, call);
        boolean isUtxo = wallet.utxoCoin() != null;
        synchronized (wallet) {
            MaliciousBuild tamper = tampering.next(isUtxo);
            ObjectNode body = isUtxo ? utxo.build(wallet, call.body(), tamper) : eth.build(wallet, call.body(), tamper);
            return Reply.ok(body);
        }
    }

    private Reply send(Call call) {
        WalletState wallet = ownWallet(store, call);
        JsonNode body = call.body();
        String otp = Model.text(body, "otp");
        if (otp != null && !Api.TEST_OTP.equals(otp)) {
            throw new ApiException(401, "InvalidOtp", "incorrect one-time password", Json.object(),
                    Json.object().put("needsOTP", true));
        }
        String sequenceId = Model.text(body, "sequenceId");
        String comment = Model.text(body, "comment");
        synchronized (wallet) {
            if (sequenceId != null) {
                Transfer earlier = wallet.transferBySequenceId(sequenceId);
                if (earlier != null) {
                    return Reply.ok(sendResult(wallet, earlier));
                }
                PendingApprovals.Approval waiting = approvals.pendingForSequenceId(wallet, sequenceId);
                if (waiting != null) {
                    return pendingReply(waiting);
                }
            }
            PreparedSend send = wallet.utxoCoin() != null ? utxo.prepare(wallet, body) : eth.prepare(wallet, body);
            Instant now = store.now();
            PolicyRule rule = Policy.firingRule(wallet, send, now);
            if (rule != null) {
                if (Policy.denies(rule)) {
                    ObjectNode context = Json.object().put("policyRuleId", rule.id()).put("ruleType", rule.type());
                    throw new ApiException(400, "PolicyViolation", "the send is denied by policy rule " + rule.id(),
                            context, Json.object());
                }
                return pendingReply(approvals.add(wallet, call.userId(), now, rule, sequenceId, comment, send));
            }
            return Reply.ok(sendResult(wallet, send.execute(sequenceId, comment, now)));
        }
    }

    /** The 200 body of a completed send. */
    ObjectNode sendResult(WalletState wallet, Transfer transfer) {
        ObjectNode out = Json.object();
        out.set("transfer", Views.transfer(wallet, transfer, store.blockHeight()));
        out.put("txid", transfer.txid());
        if (transfer.tx() != null) {
            out.put("tx", transfer.tx());
        }
        out.put("status", "signed");
        return out;
    }

    private static Reply pendingReply(PendingApprovals.Approval approval) {
        ObjectNode out = Json.object();
        out.put("status", "pendingApproval");
        out.put("error", "the send triggered policy rule " + approval.rule.id() + " and waits for approval");
        out.set("pendingApproval", PendingApprovals.view(approval));
        return new Reply(202, out);
    }

    private Reply transferBySequenceId(Call call) {
        WalletState wallet = ownWallet(store, call);
        Transfer transfer = wallet.transferBySequenceId(call.param("sequenceId"));
        if (transfer == null) {
            throw ApiException.notFound("transfer with sequenceId", call.param("sequenceId"));
        }
        return Reply.ok(Views.transfer(wallet, transfer, store.blockHeight()));
    }

    /** The caller's wallet named by the {@code coin} and {@code walletId} path parameters, or a 400/404. */
    static WalletState ownWallet(Store store, Call call) {
        String coin = call.param("coin");
        if (!Coins.isSupported(coin)) {
            throw ApiException.badRequest("UnsupportedCoin", "the test server does not know coin " + coin);
        }
        WalletState wallet = store.wallet(call.param("walletId"));
        if (wallet == null || !wallet.isMember(call.userId()) || !wallet.coin().equals(coin)) {
            throw ApiException.notFound("wallet", call.param("walletId"));
        }
        if (!"GET".equals(call.method()) && !wallet.permissionsOf(call.userId()).contains("spend")) {
            throw new ApiException(403, "Forbidden", "spending from this wallet needs spend permission");
        }
        return wallet;
    }
}
