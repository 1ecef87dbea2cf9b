package io.kreactor.informers.reflector;

import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.errors.ApiException;
import io.kreactor.core.errors.GoneException;
import io.kreactor.informers.ListerWatcher;
import io.kreactor.rest.ListElement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Reflector's transition function: {@code step(state)} is a cold {@code Flux} of events that ends with
 * the one {@link Step.Transition} to the next state. It never fails: every error becomes a transition that
 * names it. Apart from the ListerWatcher's I/O it has no side effects, so each state can be tested alone.
 */
final class ReflectorStep<T> {

    private final ListerWatcher<T> listerWatcher;
    private final MetadataAccessor<T> accessor;
    private final ReflectorConfig config;

    ReflectorStep(ListerWatcher<T> listerWatcher, MetadataAccessor<T> accessor, ReflectorConfig config) {
        this.listerWatcher = listerWatcher;
        this.accessor = accessor;
        this.config = config;
    }

    Flux<Step<T>> step(ReflectorState<T> state) {
        if (state instanceof ReflectorState.Empty<T> empty) {
            return Flux.just(Step.Transition.to(empty.watchList()
                    ? new ReflectorState.WatchListing<>(true)
                    : new ReflectorState.Listing<>(null, List.of(), false, empty.fromCache() ? "0" : null)));
        }
        if (state instanceof ReflectorState.Listing<T> listing) {
            return listPage(listing);
        }
        if (state instanceof ReflectorState.WatchListing<T> || state instanceof ReflectorState.Watching<T>) {
            return watch(state);
        }
        if (state instanceof ReflectorState.Waiting<T> waiting) {
            return Mono.delay(waiting.delay(), config.scheduler())
                    .thenReturn((Step<T>) Step.Transition.to(waiting.then()))
                    .flux();
        }
        throw new IllegalStateException("unknown reflector state " + state);
    }

    private Flux<Step<T>> listPage(ReflectorState.Listing<T> state) {
        ListOptions options = ListOptions.DEFAULT.withLimit(config.pageSize());
        ListOptions pageOptions;
        if (state.continueToken() != null) {
            // a continue token pins its snapshot; the API server rejects a resourceVersion beside it
            pageOptions = options.withContinue(state.continueToken());
        } else {
            pageOptions = state.resourceVersion() == null ? options : options.withResourceVersion(state.resourceVersion());
        }
        return Flux.defer(() -> {
            List<T> items = new ArrayList<>(state.items());
            ListMeta[] meta = new ListMeta[1];
            return listerWatcher.list(pageOptions)
                    .doOnNext(element -> {
                        if (element instanceof ListElement.Item<T> item) {
                            items.add(item.item());
                        } else if (element instanceof ListElement.Metadata<T> m) {
                            meta[0] = m.meta();
                        }
                    })
                    .thenMany(Flux.defer(() -> afterPage(state, items, meta[0])))
                    .onErrorResume(e -> Flux.just(listFailed(state, e)));
        });
    }

    private Flux<Step<T>> afterPage(ReflectorState.Listing<T> state, List<T> items, ListMeta meta) {
        if (meta == null) {
            return Flux.just(Step.Transition.retry(state, new ReflectorException("LIST response carried no metadata")));
        }
        if (meta.hasMore()) {
            return Flux.just(Step.Transition.to(new ReflectorState.Listing<>(meta.continueToken(), items, state.watchList())));
        }
        String rv = meta.resourceVersion();
        if (rv == null || rv.isEmpty()) {
            return Flux.just(Step.Transition.retry(state, new ReflectorException("LIST response carried no resourceVersion")));
        }
        return Flux.just(new Step.Emit<>(new ReflectorEvent.Replace<>(items, rv)),
                Step.Transition.to(new ReflectorState.Watching<>(rv, state.watchList())));
    }

    private Step<T> listFailed(ReflectorState.Listing<T> state, Throwable e) {
        if (isGone(e) && state.continueToken() != null) {
            // The continue token expired (the snapshot it pins was compacted): start the list again from scratch.
            return Step.Transition.recover(new ReflectorState.Listing<>(null, List.of(), state.watchList()), e);
        }
        return Step.Transition.retry(state, e);
    }

    private Flux<Step<T>> watch(ReflectorState<T> state) {
        boolean initial = state instanceof ReflectorState.WatchListing<T>;
        String rv = initial ? "" : ((ReflectorState.Watching<T>) state).resourceVersion();
        WatchOptions base = initial
                ? WatchOptions.watchList()
                : WatchOptions.DEFAULT.withResourceVersion(rv).withAllowWatchBookmarks(true);
        WatchOptions options = base.withTimeoutSeconds(randomWatchTimeoutSeconds());
        return Flux.defer(() -> {
            WatchSession<T> session = new WatchSession<>(accessor, config, initial, rv, state.watchList(),
                    config.scheduler().now(TimeUnit.MILLISECONDS));
            return Watchdog.guard(listerWatcher.watch(options), config.watchdogTimeout(), config.scheduler())
                    .<Step<T>>handle(session::onEvent)
                    .takeUntil(s -> s instanceof Step.Transition<T>)
                    .onErrorResume(e -> Flux.just(session.onError(e)))
                    .concatWith(Flux.defer(() -> session.finished() ? Flux.empty()
                            : Flux.just(session.onComplete(config.scheduler().now(TimeUnit.MILLISECONDS)))));
        });
    }

    private int randomWatchTimeoutSeconds() {
        long min = config.minWatchTimeout().toSeconds();
        long max = config.maxWatchTimeout().toSeconds();
        return (int) Math.max(1, min + (long) (config.random().getAsDouble() * (max - min)));
    }

    static boolean isGone(Throwable e) {
        return e instanceof GoneException || (e instanceof ApiException api && api.code() == 410);
    }
}
