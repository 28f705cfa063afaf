package dev.bitgojava.testkit.internal;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a cursor-paginated list: the items after {@code prevId} (exclusive), at most {@code limit}, and
 * the cursor of the next page ({@code null} on the last page).
 *
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextBatchPrevId) {

    /** Default page size on BitGo's list routes. */
    public static final int DEFAULT_LIMIT = 25;
    /** Largest page BitGo's list routes serve. */
    public static final int MAX_LIMIT = 500;

    /** The page of {@code all} (in listing order) that follows the item with id {@code prevId}. */
    public static <T> Page<T> of(List<T> all, Function<T, String> id, String prevId, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.badRequest("InvalidLimit", "limit must be between 1 and " + MAX_LIMIT);
        }
        int start = 0;
        if (prevId != null && !prevId.isEmpty()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (prevId.equals(id.apply(all.get(i)))) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("InvalidPrevId", "prevId " + prevId + " is not in this list");
            }
        }
        int end = Math.min(all.size(), start + size);
        List<T> items = List.copyOf(all.subList(start, end));
        String next = end < all.size() && !items.isEmpty() ? id.apply(items.get(items.size() - 1)) : null;
        return new Page<>(items, next);
    }
}
