package io.kreactor.informers.reflector;

import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.informers.ListerWatcher;
import reactor.core.publisher.Flux;

/**
 * Keeps a consumer in step with one collection on the API server: LIST (paginated, or a watch-list stream),
 * then WATCH from the list's resourceVersion, for ever — client-go's {@code cache.Reflector}, written as a
 * state machine in the style of kube-rs' {@code watcher}.
 *
 * <p>Kubernetes behaviour it follows:
 * <ul>
 *   <li>A LIST is read page by page ({@code limit}/{@code continue}); the pages form one atomic
 *       {@link ReflectorEvent.Replace}. An expired {@code continue} token (410) restarts the list.</li>
 *   <li>The watch starts from the list resourceVersion with {@code allowWatchBookmarks=true} and a random
 *       {@code timeoutSeconds}. When the server ends it, the next watch starts from the last resourceVersion
 *       seen — BOOKMARKs included — so no change is missed or repeated.</li>
 *   <li>410 Gone (an HTTP 410 or an ERROR event with code 410) means the resourceVersion was compacted:
 *       relist at once; the resulting Replace tells the consumer what was deleted in the gap.</li>
 *   <li>Any other failure is retried with exponential backoff and jitter (see {@link ReflectorConfig}).</li>
 *   <li>A watch silent for {@link ReflectorConfig#watchdogTimeout()} is presumed dead and restarted.</li>
 *   <li>resourceVersions are opaque strings; they are never compared, only passed back to the server.</li>
 * </ul>
 *
 * <p>Errors never end {@link #events()}: each is handed to {@link ReflectorConfig#errorHandler()} and emitted
 * on {@link #errors()}, and the state machine recovers on its next step. Backpressure is honoured end to end:
 * while the subscriber requests nothing, the watch is not read. Cancelling the subscription closes the open
 * list or watch and stops every timer.
 *
 * @param <T> the object type
 */
public interface Reflector<T> {

    /** A Reflector over {@code listerWatcher} reading object metadata with {@code accessor}. */
    static <T> Reflector<T> create(ListerWatcher<T> listerWatcher, MetadataAccessor<T> accessor, ReflectorConfig config) {
        return new DefaultReflector<>(listerWatcher, accessor, config);
    }

    /**
     * The events, cold: every subscription runs its own list-and-watch loop. Never completes and never
     * errors on its own; cancel to stop.
     */
    Flux<ReflectorEvent<T>> events();

    /** Every error the Reflector recovered from, as it happens (hot; late subscribers see only later ones). */
    Flux<Throwable> errors();

    /**
     * The resourceVersion of the last Replace, change or BOOKMARK emitted, or {@code ""} before the first
     * list (client-go's {@code LastSyncResourceVersion}).
     */
    String lastSyncResourceVersion();
}
