package dev.bitgojava.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.client.invoker.ApiClient;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

import java.util.Map;

/** Small Feign interfaces for transport tests, independent of the spec's details. */
public final class TestApis {

    private TestApis() {
    }

    /** Echo-style operations with every HTTP method. */
    public interface EchoApi extends ApiClient.Api {
        /** A POST with a JSON body and a query parameter. */
        @RequestLine("POST /api/v2/echo?x={x}")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode post(@Param("x") String x, Map<String, Object> body);

        /** A GET with a query parameter. */
        @RequestLine("GET /api/v2/echo?x={x}")
        @Headers("Accept: application/json")
        JsonNode get(@Param("x") String x);

        /** A PUT. */
        @RequestLine("PUT /api/v2/echo/{id}")
        @Headers({"Content-Type: application/json", "Accept: application/json"})
        JsonNode put(@Param("id") String id, Map<String, Object> body);

        /** A DELETE. */
        @RequestLine("DELETE /api/v2/echo/{id}")
        @Headers("Accept: application/json")
        JsonNode delete(@Param("id") String id);
    }

    /** A list operation paged with prevId / nextBatchPrevId. */
    public interface TransferListApi extends ApiClient.Api {
        /** One page of transfers. */
        @RequestLine("GET /api/v2/{coin}/wallet/{id}/transfer?prevId={prevId}&limit={limit}")
        @Headers("Accept: application/json")
        JsonNode listTransfers(@Param("coin") String coin, @Param("id") String walletId,
                               @Param("prevId") String prevId, @Param("limit") int limit);
    }
}
