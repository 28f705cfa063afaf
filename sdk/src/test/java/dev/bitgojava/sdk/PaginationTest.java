package dev.bitgojava.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;
import dev.bitgojava.sdk.testing.SigningServer;
import dev.bitgojava.sdk.testing.TestApis.TransferListApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lazy iteration over prevId / nextBatchPrevId pages. */
class PaginationTest {

    private record Page(List<String> items, String nextBatchPrevId) {
    }

    private final List<String> requestedCursors = new ArrayList<>();
    private final Map<String, Page> pages = Map.of(
            "", new Page(List.of("a", "b"), "c1"),
            "c1", new Page(List.of("c", "d"), "c2"),
            "c2", new Page(List.of("e"), ""));

    private Paged<String> paged(int pageSize) {
        return Paged.of((prevId, limit) -> {
            requestedCursors.add(prevId);
            assertEquals(pageSize, limit);
            return pages.get(prevId == null ? "" : prevId);
        }, Page::items, Page::nextBatchPrevId, pageSize);
    }

    @Test
    void iteratesEveryItemOfThreePagesInOrder() {
        assertEquals(List.of("a", "b", "c", "d", "e"), paged(2).stream().collect(Collectors.toList()));
        assertEquals(java.util.Arrays.asList(null, "c1", "c2"), requestedCursors);
    }

    @Test
    void fetchesPagesOnlyOnDemand() {
        Iterator<String> it = paged(2).iterator();
        assertTrue(requestedCursors.isEmpty());
        assertEquals("a", it.next());
        assertEquals(1, requestedCursors.size());
        assertEquals("b", it.next());
        assertEquals(1, requestedCursors.size());
        assertEquals("c", it.next());
        assertEquals(2, requestedCursors.size());
    }

    @Test
    void aStreamThatStopsEarlyFetchesNoMorePages() {
        assertEquals(List.of("a"), paged(2).stream().limit(1).collect(Collectors.toList()));
        assertEquals(1, requestedCursors.size());
    }

    @Test
    void aMissingCursorEndsTheIteration() {
        Paged<String> one = Paged.of((prevId, limit) -> new Page(List.of("x"), null), Page::items, Page::nextBatchPrevId, 10);
        assertEquals(List.of("x"), one.stream().collect(Collectors.toList()));
    }

    @Test
    void aRepeatedCursorIsAnErrorNotAnEndlessLoop() {
        Paged<String> stuck = Paged.of((prevId, limit) -> new Page(List.of("x"), "same"), Page::items, Page::nextBatchPrevId, 10);
        assertThrows(BitGoClientException.class, () -> stuck.stream().limit(10).count());
    }

    @Test
    void pageSizesOutsideOneTo500AreRejected() {
        assertThrows(BitGoConfigurationException.class, () -> paged(0));
        assertThrows(BitGoConfigurationException.class, () -> paged(501));
        paged(500);
    }

    @Test
    void pagesThroughAListOperationOverHttp() throws Exception {
        try (SigningServer server = new SigningServer()) {
            server.then(server.ok("{\"transfers\":[{\"id\":\"t1\"},{\"id\":\"t2\"}],\"nextBatchPrevId\":\"t2\"}"),
                    server.ok("{\"transfers\":[{\"id\":\"t3\"}],\"nextBatchPrevId\":\"t3\"}"),
                    server.ok("{\"transfers\":[{\"id\":\"t4\"}]}"));
            BitGoClient client = BitGoClient.create(BitGoClientConfig.builder()
                    .environment(BitGoEnvironment.custom(server.baseUrl()))
                    .accessToken(SigningServer.TOKEN).build());
            TransferListApi api = client.api(TransferListApi.class);
            Paged<JsonNode> transfers = Paged.of((prevId, limit) -> api.listTransfers("tbtc", "w1", prevId, limit),
                    page -> StreamSupport.stream(page.path("transfers").spliterator(), false).collect(Collectors.toList()),
                    page -> page.path("nextBatchPrevId").asText(null), 2);
            assertEquals(List.of("t1", "t2", "t3", "t4"),
                    transfers.stream().map(t -> t.get("id").asText()).collect(Collectors.toList()));
            List<String> targets = server.received().stream().map(r -> r.getTarget()).collect(Collectors.toList());
            assertEquals(List.of("/api/v2/tbtc/wallet/w1/transfer?limit=2",
                    "/api/v2/tbtc/wallet/w1/transfer?prevId=t2&limit=2",
                    "/api/v2/tbtc/wallet/w1/transfer?prevId=t3&limit=2"), targets);
            assertNull(server.received().get(0).getUrl().queryParameter("prevId"));
            assertFalse(targets.isEmpty());
        }
    }
}
