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
 *    └──────────────────────────────────────────> Listing(continue…) ──last page──> Watching(rv)
 *  Watching ──closed / stalled──> Watching(last rv)      any 410 ──> Empty      other errors ──> Waiting ──> same
 * </pre>
 */
sealed interface ReflectorState<T> {

    /** Whether to try a watch-list on the next relist. */
    boolean watchList();

    /** Nothing known: the next step lists (or watch-lists) from scratch. */
    record Empty<T>(boolean watchList) implements ReflectorState<T> {
    }

    /**
     * A paginated LIST in progress.
     *
     * @param continueToken the token for the next page, null for the first page
     * @param items         the objects of the pages read so far
     */
    record Listing<T>(String continueToken, List<T> items, boolean watchList) implements ReflectorState<T> {
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
