package io.kreactor.informers;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.rest.ListElement;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * A scripted {@link ListerWatcher}: each LIST and WATCH takes the next scripted answer (or never answers when
 * none is left), and every call's options are recorded.
 */
public final class FakeListerWatcher implements ListerWatcher<JsonNode> {

    /** The options of every LIST, in order. */
    public final List<ListOptions> listCalls = new CopyOnWriteArrayList<>();
    /** The options of every WATCH, in order. */
    public final List<WatchOptions> watchCalls = new CopyOnWriteArrayList<>();
    private final Queue<Supplier<Flux<ListElement<JsonNode>>>> lists = new ConcurrentLinkedQueue<>();
    private final Queue<Supplier<Flux<WatchEvent<JsonNode>>>> watches = new ConcurrentLinkedQueue<>();

    /** Scripts the next LIST answer: one page at {@code rv} with {@code continueToken} (null on the last page). */
    public FakeListerWatcher page(String rv, String continueToken, JsonNode... items) {
        lists.add(() -> Flux.concat(Flux.just(new ListElement.Metadata<JsonNode>(new ListMeta(rv, continueToken, null))),
                Flux.fromArray(items).map(ListElement.Item::new)));
        return this;
    }

    /** Scripts the next LIST answer as any publisher. */
    public FakeListerWatcher list(Flux<ListElement<JsonNode>> answer) {
        lists.add(() -> answer);
        return this;
    }

    /** Scripts the next LIST to fail with {@code error}. */
    public FakeListerWatcher listError(Throwable error) {
        lists.add(() -> Flux.error(error));
        return this;
    }

    /** Scripts the next WATCH answer. */
    public FakeListerWatcher watch(Flux<WatchEvent<JsonNode>> answer) {
        watches.add(() -> answer);
        return this;
    }

    /** Scripts the next WATCH answer as the given events, then the server closing the watch. */
    @SafeVarargs
    public final FakeListerWatcher watchEvents(WatchEvent<JsonNode>... events) {
        return watch(Flux.just(events));
    }

    /** Scripts the next WATCH to fail with {@code error}. */
    public FakeListerWatcher watchError(Throwable error) {
        watches.add(() -> Flux.error(error));
        return this;
    }

    @Override
    public Flux<ListElement<JsonNode>> list(ListOptions options) {
        return Flux.defer(() -> {
            listCalls.add(options);
            Supplier<Flux<ListElement<JsonNode>>> next = lists.poll();
            return next == null ? Flux.never() : next.get();
        });
    }

    @Override
    public Flux<WatchEvent<JsonNode>> watch(WatchOptions options) {
        return Flux.defer(() -> {
            watchCalls.add(options);
            Supplier<Flux<WatchEvent<JsonNode>>> next = watches.poll();
            return next == null ? Flux.never() : next.get();
        });
    }
}
