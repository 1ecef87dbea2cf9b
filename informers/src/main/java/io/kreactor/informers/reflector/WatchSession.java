package io.kreactor.informers.reflector;

import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.api.Status;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.SynchronousSink;

/**
 * The bookkeeping of one open watch (or watch-list): the last resourceVersion seen — BOOKMARKs included —
 * and, for a watch-list, the initial objects until the initial-events-end BOOKMARK. Decides the transition
 * when the stream errs or ends. One instance per subscription; used by one thread at a time.
 */
final class WatchSession<T> {

    private final MetadataAccessor<T> accessor;
    private final ReflectorConfig config;
    private final boolean watchList;
    private final long startedMs;
    private boolean initialPhase;
    private final List<T> initialObjects = new ArrayList<>();
    private String lastRv;
    private long events;
    private boolean finished;

    WatchSession(MetadataAccessor<T> accessor, ReflectorConfig config, boolean initialPhase, String resourceVersion,
                 boolean watchList, long startedMs) {
        this.accessor = accessor;
        this.config = config;
        this.initialPhase = initialPhase;
        this.lastRv = resourceVersion;
        this.watchList = watchList;
        this.startedMs = startedMs;
    }

    boolean finished() {
        return finished;
    }

    void onEvent(WatchEvent<T> event, SynchronousSink<Step<T>> sink) {
        events++;
        switch (event.type()) {
            case ERROR -> sink.next(finish(onErrorEvent(event.status())));
            case BOOKMARK -> onBookmark(event.object(), sink);
            case ADDED -> {
                track(event.object());
                if (initialPhase) {
                    initialObjects.add(event.object());
                } else {
                    sink.next(new Step.Emit<>(new ReflectorEvent.Added<>(event.object())));
                }
            }
            case MODIFIED, DELETED -> {
                if (initialPhase) {
                    sink.next(finish(Step.Transition.recover(listInstead(false),
                            new ReflectorException("server sent " + event.type() + " before the initial-events-end bookmark: "
                                    + "it ignores sendInitialEvents; listing instead"))));
                    return;
                }
                track(event.object());
                sink.next(new Step.Emit<>(event.type() == WatchEventType.MODIFIED
                        ? new ReflectorEvent.Modified<>(event.object())
                        : new ReflectorEvent.Deleted<>(event.object())));
            }
        }
    }

    private void onBookmark(T object, SynchronousSink<Step<T>> sink) {
        String rv = accessor.resourceVersion(object);
        if (initialPhase) {
            if (rv != null && !rv.isEmpty()) {
                lastRv = rv;
            }
            if ("true".equals(accessor.annotations(object).get(WatchOptions.INITIAL_EVENTS_END_ANNOTATION))) {
                initialPhase = false;
                sink.next(new Step.Emit<>(new ReflectorEvent.Replace<>(initialObjects, lastRv)));
                initialObjects.clear();
            }
            return;
        }
        if (rv != null && !rv.isEmpty()) {
            lastRv = rv;
            sink.next(new Step.Emit<>(new ReflectorEvent.Bookmark<>(rv)));
        }
    }

    private Step.Transition<T> onErrorEvent(Status status) {
        int code = status.code() != 0 ? status.code() : 500;
        ApiException error = ApiException.from(status, code, "GET", "watch from resourceVersion '" + lastRv + "'");
        return onFailure(error);
    }

    Step<T> onError(Throwable e) {
        if (e instanceof TimeoutException) {
            if (initialPhase) {
                return finish(Step.Transition.recover(listInstead(false), new ReflectorException(
                        "watch-list sent no initial-events-end bookmark within " + config.watchdogTimeout() + "; listing instead")));
            }
            return finish(Step.Transition.recover(watchAgain(), new WatchStalledException(config.watchdogTimeout(), lastRv)));
        }
        return finish(onFailure(e));
    }

    private Step.Transition<T> onFailure(Throwable e) {
        if (ReflectorStep.isGone(e)) {
            return Step.Transition.recover(new ReflectorState.Empty<>(watchList), e);
        }
        if (initialPhase) {
            // A client error means the server refuses streaming lists for good; anything else is transient,
            // so only this relist falls back to LIST.
            boolean rejected = e instanceof ApiException api && api.code() >= 400 && api.code() < 500 && api.code() != 429;
            return Step.Transition.recover(listInstead(!rejected), e);
        }
        return Step.Transition.retry(watchAgain(), e);
    }

    Step<T> onComplete(long nowMs) {
        if (initialPhase) {
            return finish(Step.Transition.recover(listInstead(false), new ReflectorException(
                    "server ended the watch-list before the initial-events-end bookmark; listing instead")));
        }
        if (events == 0 && nowMs - startedMs < config.minHealthyWatch().toMillis()) {
            return finish(Step.Transition.retry(watchAgain(), new ReflectorException(
                    "very short watch: the watch from resourceVersion '" + lastRv + "' ended at once without an event")));
        }
        return finish(Step.Transition.to(watchAgain()));
    }

    private ReflectorState<T> watchAgain() {
        return new ReflectorState.Watching<>(lastRv, watchList);
    }

    private ReflectorState<T> listInstead(boolean keepWatchList) {
        return new ReflectorState.Listing<>(null, List.of(), watchList && keepWatchList);
    }

    private void track(T object) {
        String rv = accessor.resourceVersion(object);
        if (rv != null && !rv.isEmpty()) {
            lastRv = rv;
        }
    }

    private Step.Transition<T> finish(Step.Transition<T> transition) {
        finished = true;
        return transition;
    }
}
