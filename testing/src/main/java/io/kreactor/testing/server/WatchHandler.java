package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.WatchOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code ?watch=true}: a chunked stream of newline-delimited {@code {"type":…,"object":…}} events.
 *
 * <p>Start points follow the API concepts docs. {@code resourceVersion} unset or {@code 0}: synthetic ADDED events
 * for the current state, then changes. A specific revision: every change after it, from the history; when that
 * history has been compacted the stream is a single ERROR event with a 410 {@code Expired} Status (HTTP 200, as
 * the real server does for watches). Watch-list ({@code sendInitialEvents=true}, which requires
 * {@code resourceVersionMatch=NotOlderThan} and {@code allowWatchBookmarks=true}): the current state as ADDED,
 * then a BOOKMARK annotated {@code k8s.io/initial-events-end: "true"}.
 *
 * <p>The whole setup (initial events, history replay, registration) happens in one atomic step of the store, so
 * no change falls between the initial state and the live events.
 */
final class WatchHandler {

    private final ServerState state;

    WatchHandler(ServerState state) {
        this.state = state;
    }

    /** Parsed, validated watch parameters. */
    private record Params(LabelSelector labels, FieldSelector fields, String resourceVersion, Boolean sendInitial,
                          boolean bookmarks, Duration timeout) {
    }

    Mono<Void> watch(ResourceRequest request, HttpServerResponse response, UnaryOperator<ObjectNode> render) {
        Params params = parse(request);
        ResourceType type = request.type();
        Watcher watcher = new Watcher(request.groupResource(), type.namespaced() ? request.namespace() : null,
                o -> params.labels().test(o) && params.fields().test(o), state.watchBufferSize);
        List<Watcher.Item> initial = state.store.atomically(() -> start(request, params, watcher));
        response.header("Content-Type", "application/json");
        if (initial == null) {
            return response.sendByteArray(Mono.just(line(new Watcher.Item("ERROR", expiredStatus(params))))).then();
        }
        if (params.bookmarks()) {
            watcher.bookmarker(() -> sendBookmark(request, watcher));
        }
        Disposable bookmarks = params.bookmarks()
                ? Flux.interval(state.bookmarkInterval).subscribe(tick -> sendBookmark(request, watcher))
                : null;
        java.util.concurrent.atomic.AtomicReference<WritabilityGate> gate = new java.util.concurrent.atomic.AtomicReference<>();
        Flux<ByteBuf> events = Flux.fromIterable(initial).concatWith(watcher.live())
                .concatMap(item -> gate.get() == null ? Mono.just(item) : gate.get().whenWritable().thenReturn(item), 1)
                .take(params.timeout())
                .takeUntilOther(watcher.stalledSignal())
                .concatWith(Mono.defer(() -> watcher.isStalled() ? Mono.never() : Mono.empty()))
                .map(item -> Unpooled.wrappedBuffer(line(render(item, render))));
        return response.withConnection(connection -> {
                    watcher.connection(connection);
                    WritabilityGate g = new WritabilityGate(connection.channel());
                    connection.addHandlerLast(WritabilityGate.NAME, g);
                    gate.set(g);
                })
                .sendHeaders()
                .send(events, buf -> true)
                .then()
                .doFinally(signal -> {
                    state.hub.remove(watcher);
                    watcher.end();
                    if (bookmarks != null) {
                        bookmarks.dispose();
                    }
                });
    }

    /** Emits a BOOKMARK at the current revision to one watcher. */
    void sendBookmark(ResourceRequest request, Watcher watcher) {
        state.store.atomically(() -> {
            watcher.emit(new Watcher.Item("BOOKMARK", bookmark(request.type(), request.version(), state.store.revision(), false)));
            return null;
        });
    }

    private List<Watcher.Item> start(ResourceRequest request, Params params, Watcher watcher) {
        long current = state.store.revision();
        String rv = params.resourceVersion();
        boolean fromNow = rv == null || rv.isEmpty() || rv.equals("0");
        List<Watcher.Item> initial = new ArrayList<>();
        if (Boolean.TRUE.equals(params.sendInitial()) || (params.sendInitial() == null && fromNow)) {
            if (!fromNow) {
                long requested = ResourceVersions.parse(rv);
                if (requested > current) {
                    throw ApiError.resourceVersionTooLarge(requested, current);
                }
            }
            for (ObjectNode object : state.store.current(request.groupResource()).values()) {
                if (watcher.selects(object)) {
                    initial.add(new Watcher.Item("ADDED", object));
                }
            }
            if (Boolean.TRUE.equals(params.sendInitial())) {
                initial.add(new Watcher.Item("BOOKMARK", bookmark(request.type(), request.version(), current, true)));
            }
        } else if (!fromNow) {
            List<Change> changes = state.store.changesSince(ResourceVersions.parse(rv));
            if (changes == null) {
                return null;
            }
            for (Change change : changes) {
                Watcher.Item item = watcher.eventFor(change);
                if (item != null) {
                    initial.add(item);
                }
            }
        }
        state.hub.add(watcher);
        return initial;
    }

    private Params parse(ResourceRequest request) {
        LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
        FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"), request.type());
        String rv = request.param("resourceVersion");
        if (rv != null && !rv.isEmpty()) {
            ResourceVersions.parse(rv);
        }
        String sendParam = request.param("sendInitialEvents");
        Boolean sendInitial = sendParam == null ? null : Boolean.valueOf(sendParam);
        boolean bookmarks = request.flag("allowWatchBookmarks");
        String match = request.param("resourceVersionMatch");
        if (Boolean.TRUE.equals(sendInitial)) {
            if (!"NotOlderThan".equals(match)) {
                throw invalidListOptions("resourceVersionMatch: Forbidden: sendInitialEvents requires setting "
                        + "resourceVersionMatch to NotOlderThan");
            }
            if (!bookmarks) {
                throw invalidListOptions("allowWatchBookmarks: Forbidden: sendInitialEvents requires setting "
                        + "allowWatchBookmarks to true");
            }
        } else if (match != null && !match.isEmpty() && sendInitial == null) {
            throw invalidListOptions("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch "
                    + "unless sendInitialEvents is provided");
        }
        Duration timeout = state.defaultWatchTimeout;
        String timeoutParam = request.param("timeoutSeconds");
        if (timeoutParam != null && !timeoutParam.isEmpty()) {
            try {
                long seconds = Long.parseLong(timeoutParam);
                if (seconds > 0) {
                    timeout = Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("timeoutSeconds: invalid value \"" + timeoutParam + "\": not an integer");
            }
        }
        return new Params(labels, fields, rv, sendInitial, bookmarks, timeout);
    }

    private static ApiError invalidListOptions(String message) {
        return ApiError.of(422, "Invalid", "ListOptions.meta.k8s.io \"\" is invalid: " + message);
    }

    private ObjectNode expiredStatus(Params params) {
        return ApiError.expired("too old resource version: " + params.resourceVersion() + " ("
                + state.store.compactedRevision() + ")").toStatus();
    }

    static ObjectNode bookmark(ResourceType type, String version, long revision, boolean initialEventsEnd) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("kind", type.kind()).put("apiVersion", type.apiVersion(version));
        ObjectNode meta = object.putObject("metadata");
        meta.put("resourceVersion", Long.toString(revision));
        if (initialEventsEnd) {
            meta.putObject("annotations").put(WatchOptions.INITIAL_EVENTS_END_ANNOTATION, "true");
        }
        return object;
    }

    private static ObjectNode render(Watcher.Item item, UnaryOperator<ObjectNode> render) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", item.type());
        boolean passThrough = item.type().equals("BOOKMARK") || item.type().equals("ERROR");
        event.set("object", passThrough ? item.object() : render.apply(item.object()));
        return event;
    }

    private static byte[] line(ObjectNode event) {
        byte[] json = Json.bytes(event);
        byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }

    private static byte[] line(Watcher.Item item) {
        return line(render(item, UnaryOperator.identity()));
    }
}
