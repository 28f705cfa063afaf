package dev.bitgojava.sdk;

/**
 * Fetches one page of a list operation that pages with {@code prevId} / {@code nextBatchPrevId}.
 *
 * @param <P> the page type (e.g. the generated {@code TransferList})
 */
@FunctionalInterface
public interface PageFetcher<P> {

    /**
     * Fetches a page.
     *
     * @param prevId the cursor from the previous page's {@code nextBatchPrevId}, or null for the first page
     * @param limit  the page size (1..500)
     */
    P fetch(String prevId, int limit);
}
