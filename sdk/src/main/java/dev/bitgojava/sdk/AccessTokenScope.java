package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoClientException;

/** The scopes an access token can carry, as BitGo names them on the wire. */
public enum AccessTokenScope {
    /** {@code openid} */
    OPENID("openid"),
    /** {@code profile} */
    PROFILE("profile"),
    /** {@code user_manage} */
    USER_MANAGE("user_manage"),
    /** {@code enterprise_view_all} */
    ENTERPRISE_VIEW_ALL("enterprise_view_all"),
    /** {@code enterprise_manage_all} */
    ENTERPRISE_MANAGE_ALL("enterprise_manage_all"),
    /** {@code auditlogs_view_all} */
    AUDITLOGS_VIEW_ALL("auditlogs_view_all"),
    /** {@code wallet_view} */
    WALLET_VIEW("wallet_view"),
    /** {@code wallet_view_enterprise} */
    WALLET_VIEW_ENTERPRISE("wallet_view_enterprise"),
    /** {@code wallet_view_all} */
    WALLET_VIEW_ALL("wallet_view_all"),
    /** {@code wallet_create} */
    WALLET_CREATE("wallet_create"),
    /** {@code wallet_freeze} */
    WALLET_FREEZE("wallet_freeze"),
    /** {@code wallet_freeze_all} */
    WALLET_FREEZE_ALL("wallet_freeze_all"),
    /** {@code wallet_manage} */
    WALLET_MANAGE("wallet_manage"),
    /** {@code wallet_manage_all} */
    WALLET_MANAGE_ALL("wallet_manage_all"),
    /** {@code wallet_approve} */
    WALLET_APPROVE("wallet_approve"),
    /** {@code wallet_approve_all} */
    WALLET_APPROVE_ALL("wallet_approve_all"),
    /** {@code wallet_spend} */
    WALLET_SPEND("wallet_spend"),
    /** {@code wallet_spend_all} */
    WALLET_SPEND_ALL("wallet_spend_all"),
    /** {@code wallet_edit} */
    WALLET_EDIT("wallet_edit"),
    /** {@code wallet_edit_all} */
    WALLET_EDIT_ALL("wallet_edit_all"),
    /** {@code wallet_stake} */
    WALLET_STAKE("wallet_stake"),
    /** {@code wallet_stake_all} */
    WALLET_STAKE_ALL("wallet_stake_all"),
    /** {@code wallet_edit_enterprise} */
    WALLET_EDIT_ENTERPRISE("wallet_edit_enterprise"),
    /** {@code wallet_spend_enterprise} */
    WALLET_SPEND_ENTERPRISE("wallet_spend_enterprise"),
    /** {@code wallet_approve_enterprise} */
    WALLET_APPROVE_ENTERPRISE("wallet_approve_enterprise"),
    /** {@code wallet_manage_enterprise} */
    WALLET_MANAGE_ENTERPRISE("wallet_manage_enterprise"),
    /** {@code settlement_network_read} */
    SETTLEMENT_NETWORK_READ("settlement_network_read"),
    /** {@code settlement_network_write} */
    SETTLEMENT_NETWORK_WRITE("settlement_network_write"),
    /** {@code portfolio_view} */
    PORTFOLIO_VIEW("portfolio_view"),
    /** {@code trade_view} */
    TRADE_VIEW("trade_view"),
    /** {@code trade_trade} */
    TRADE_TRADE("trade_trade"),
    /** {@code trade_fix} */
    TRADE_FIX("trade_fix"),
    /** {@code pending_approval_update} */
    PENDING_APPROVAL_UPDATE("pending_approval_update"),
    /** {@code metamask_institutional} */
    METAMASK_INSTITUTIONAL("metamask_institutional"),
    /** {@code crypto_compare} */
    CRYPTO_COMPARE("crypto_compare"),
    /** {@code all} */
    ALL("all");

    private final String wireName;

    AccessTokenScope(String wireName) {
        this.wireName = wireName;
    }

    /** The name BitGo uses, e.g. {@code wallet_spend}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The scope BitGo calls {@code name}.
     *
     * @throws BitGoClientException for a name this SDK does not know
     */
    public static AccessTokenScope fromWireName(String name) {
        for (AccessTokenScope s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new BitGoClientException("unknown access token scope: " + name);
    }
}
