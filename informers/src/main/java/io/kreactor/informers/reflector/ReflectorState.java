package io.kreactor.informers.reflector;

import java.time.Duration;
import java.util.List;

/**
 * The states of the Reflector's state machine (kube-rs' {@code watcher::State}). {@code watchList} travels
 * through every state: it starts as {@link ReflectorConfig#watchList()} and turns false for good once the
 * server has shown it does not support streaming lists.
 *
 * <pre>
 *  Empty ──watchList──> WatchListing ──initial-events-end──> (watching on the same stream) ──closed──> Watching
 *    │                      └─rejected / ignored──> Listing
 *    └──────────────────────────────────────────> Listing(rv=0 first time, continue…) ──last page──> Watching(rv)
 *  Watching ──closed / stalled──> Watching(last rv)      any 410 ──> Empty      other errors ──> Waiting ──> same
 * </pre>
 */
sealed interface ReflectorState<T> {

    /** Whether to try a watch-list on the next relist. */
    boolean watchList();

    /**
     * Nothing known: the next step lists (or watch-lists) from scratch.
     *
     * @param fromCache whether that list may be served from the API server's watch cache
     *                  ({@code resourceVersion=0}): true only for the Reflector's very first list, when
     *                  {@link ReflectorConfig#initialListFromCache()} allows it; a relist after 410 reads
     *                  consistently
     */
    record Empty<T>(boolean watchList, boolean fromCache) implements ReflectorState<T> {

        /** A relist from scratch that reads consistently. */
        Empty(boolean watchList) {
            this(watchList, false);
        }
    }

    /**
     * A paginated LIST in progress.
     *
     * @param continueToken   the token for the next page, null for the first page
     * @param items           the objects of the pages read so far
     * @param resourceVersion the {@code resourceVersion} of the first page's request ({@code "0"}: from the
     *                        watch cache), or null for a consistent read; later pages carry only the token
     */
    record Listing<T>(String continueToken, List<T> items, boolean watchList, String resourceVersion)
            implements ReflectorState<T> {

        /** A consistent LIST (no {@code resourceVersion}), from {@code continueToken} on. */
        Listing(String continueToken, List<T> items, boolean watchList) {
            this(continueToken, items, watchList, null);
        }
    }

    /** A watch-list ({@code sendInitialEvents=true}) is to be opened. */
    record WatchListing<T>(boolean watchList) implements ReflectorState<T> {
    }

    /** A watch is to be opened from {@code resourceVersion}. */
    record Watching<T>(String resourceVersion, boolean watchList) implements ReflectorState<T> {
    }

    /** Backing off for {@code delay} before continuing with {@code then}. */
    record Waiting<T>(Duration delay, ReflectorState<T> then) implements ReflectorState<T> {
        @Override
        public boolean watchList() {
            return then.watchList();
        }
    }
}
