package dev.bitgojava.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.client.invoker.ApiClient;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The multi-user calls whose bodies must be exactly what the signing module builds (key order and field names as
 * BitGo's SDK sends them) or whose answers are read by the signing module as JSON. Bodies go out as the given
 * {@link ObjectNode}, whose member order Jackson keeps.
 */
public interface MultiUserRoutes extends ApiClient.Api {

    /** Password login; the body is {@code LoginRequest.toJson()}. */
    @RequestLine("POST /api/auth/v1/session")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    JsonNode login(ObjectNode body);

    /** A user's ECDH sharing key {@code {userId, pubkey, path}}. */
    @RequestLine("POST /api/v1/user/sharingkey")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    JsonNode sharingKey(ObjectNode body);

    /** The caller's encrypted ECDH keychain. */
    @RequestLine("POST /api/v1/keychain/{xpub}")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    JsonNode ecdhKeychain(@Param("xpub") String xpub, ObjectNode body);

    /** Shares a wallet; the body is {@code ShareWalletBody.toJson()}. */
    @RequestLine("POST /api/v2/{coin}/wallet/{walletId}/share")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    JsonNode shareWallet(@Param("coin") String coin, @Param("walletId") String walletId, ObjectNode body);

    /** Accepts or rejects a share; the body is {@code AcceptShareBody.toJson()} or a rejection. */
    @RequestLine("POST /api/v2/{coin}/walletshare/{shareId}")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    JsonNode updateShare(@Param("coin") String coin, @Param("shareId") String shareId, ObjectNode body);
}
