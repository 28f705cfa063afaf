package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy view of every item of a {@code prevId}/{@code nextBatchPrevId}-paged list: pages are fetched on demand,
 * one at a time, and iteration stops when a page's cursor is missing or empty. Each {@link #iterator()} starts
 * again from the first page.
 *
 * <pre>{@code
 * Paged<Transfer> all = Paged.of((prevId, limit) -> api.listTransfers(coin, walletId, prevId, limit),
 *         TransferList::getTransfers, TransferList::getNextBatchPrevId, 500);
 * all.stream().filter(...).forEach(...);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Paged<T> implements Iterable<T> {

    /** BitGo's largest page size. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The page size used when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final Function<String, Page<T>> pages;

    private record Page<T>(List<T> items, String next) {
    }

    private Paged(Function<String, Page<T>> pages) {
        this.pages = pages;
    }

    /**
     * A paged view.
     *
     * @param fetcher    fetches one page for a cursor and a page size
     * @param items      the items of a page (null counts as none)
     * @param nextCursor the page's {@code nextBatchPrevId} (null or empty ends the iteration)
     * @param pageSize   items per page, 1..500
     * @throws BitGoConfigurationException when the page size is out of range
     */
    public static <P, T> Paged<T> of(PageFetcher<P> fetcher, Function<? super P, ? extends List<T>> items,
                                     Function<? super P, String> nextCursor, int pageSize) {
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(nextCursor, "nextCursor");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new BitGoConfigurationException("page size must be between 1 and " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        return new Paged<>(cursor -> {
            P page = fetcher.fetch(cursor, pageSize);
            if (page == null) {
                return new Page<>(Collections.emptyList(), null);
            }
            List<T> list = items.apply(page);
            return new Page<>(list == null ? Collections.emptyList() : list, nextCursor.apply(page));
        });
    }

    /** A paged view with {@link #DEFAULT_PAGE_SIZE}. */
    public static <P, T> Paged<T> of(PageFetcher<P> fetcher, Function<? super P, ? extends List<T>> items,
                                     Function<? super P, String> nextCursor) {
        return of(fetcher, items, nextCursor, DEFAULT_PAGE_SIZE);
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();
            private String cursor;
            private boolean started;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (done) {
                        return false;
                    }
                    String previous = cursor;
                    Page<T> page = pages.apply(started ? cursor : null);
                    started = true;
                    current = page.items().iterator();
                    cursor = page.next();
                    if (cursor == null || cursor.isEmpty()) {
                        done = true;
                    } else if (cursor.equals(previous)) {
                        throw new BitGoClientException("the server returned the same page cursor twice: " + cursor);
                    }
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** A sequential, lazy stream of every item. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
