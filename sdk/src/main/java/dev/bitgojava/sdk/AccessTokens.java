package dev.bitgojava.sdk;

import dev.bitgojava.client.api.AccessTokenApi;
import dev.bitgojava.client.model.AccessToken;
import dev.bitgojava.client.model.AccessTokenList;
import dev.bitgojava.client.model.CreateAccessTokenRequest;
import dev.bitgojava.sdk.errors.BitGoClientException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The user's long-lived access tokens. Get one from {@link BitGoClient#accessTokens()}. Listed tokens never carry
 * the token itself; only {@link #create} returns it, once.
 */
public final class AccessTokens {

    private final BitGoClient client;

    AccessTokens(BitGoClient client) {
        this.client = client;
    }

    /**
     * Creates a token ({@code POST /api/v2/user/accesstoken}).
     *
     * @throws dev.bitgojava.sdk.errors.BitGoNeedsOtpException when the OTP is wrong
     */
    public CreatedAccessToken create(AccessTokenRequest request) {
        Objects.requireNonNull(request, "request");
        CreateAccessTokenRequest body = new CreateAccessTokenRequest().label(request.label()).otp(request.otp());
        List<CreateAccessTokenRequest.ScopeEnum> scopes = new ArrayList<>();
        for (AccessTokenScope s : request.scopes()) {
            scopes.add(CreateAccessTokenRequest.ScopeEnum.fromValue(s.wireName()));
        }
        body.scope(scopes);
        if (request.lifetime() != null) {
            body.duration(request.lifetime().toSeconds());
        }
        if (!request.ipRestrict().isEmpty()) {
            body.ipRestrict(new ArrayList<>(request.ipRestrict()));
        }
        if (!request.spendingLimits().isEmpty()) {
            List<dev.bitgojava.client.model.SpendingLimit> limits = new ArrayList<>();
            for (SpendingLimit l : request.spendingLimits()) {
                limits.add(new dev.bitgojava.client.model.SpendingLimit().coin(l.coin())
                        .txValueLimit(l.txValueLimit().toString()));
            }
            body.spendingLimits(limits);
        }
        AccessToken created = client.api(AccessTokenApi.class).createAccessToken(body);
        if (created == null || created.getToken() == null || created.getToken().isEmpty()) {
            throw new BitGoClientException("BitGo created an access token but returned no token");
        }
        Set<AccessTokenScope> granted = EnumSet.noneOf(AccessTokenScope.class);
        if (created.getScope() != null) {
            created.getScope().forEach(s -> granted.add(AccessTokenScope.fromWireName(s.getValue())));
        }
        return new CreatedAccessToken(created.getId(), created.getToken(), created.getLabel(), granted,
                created.getExpires() == null ? null : created.getExpires().toInstant(), created.getIpRestrict());
    }

    /** Every token of the user (fetched page by page as iterated). */
    public Paged<AccessToken> list() {
        AccessTokenApi api = client.api(AccessTokenApi.class);
        return Paged.of((prevId, limit) -> api.listAccessTokens(limit, prevId, null),
                AccessTokenList::getAccessTokens, AccessTokenList::getNextBatchPrevId);
    }

    /** Deletes (revokes) the token with this id; it is refused from then on. */
    public void delete(String tokenId) {
        if (tokenId == null || tokenId.isEmpty()) {
            throw new dev.bitgojava.sdk.errors.BitGoConfigurationException("deleting a token needs its id");
        }
        client.api(AccessTokenApi.class).revokeAccessToken(tokenId);
    }
}
