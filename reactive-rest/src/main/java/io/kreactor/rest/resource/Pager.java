package io.kreactor.rest.resource;

import io.kreactor.core.api.ListOptions;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows {@code continue} tokens page by page, like client-go's {@code tools/pager}, but driven by demand:
 * the next page is fetched only after every item of the previous one has been delivered downstream.
 *
 * <p>A generator emits one page request at a time and {@code concatMap} with no prefetch asks it for the next
 * only when the current page's items are done, so at most one page is in memory and the chain stays flat
 * however many pages there are. The continue token lives in per-subscription state.
 */
final class Pager {

    private Pager() {
    }

    static <T> Flux<T> listAll(ListOptions first, Function<ListOptions, Mono<ResourceList<T>>> fetch) {
        return Flux.defer(() -> {
            State state = new State();
            return Flux.<Mono<ResourceList<T>>>generate(sink -> {
                if (state.done) {
                    sink.complete();
                    return;
                }
                ListOptions options = state.continueToken == null ? first : first.withContinue(state.continueToken);
                sink.next(fetch.apply(options));
            }).concatMap(page -> page.flatMapMany(list -> {
                state.continueToken = list.continueToken();
                state.done = state.continueToken == null;
                return Flux.fromIterable(list.items());
            }), 0);
        });
    }

    /** One subscription's position; written by one page completing before the generator reads it. */
    private static final class State {
        volatile String continueToken;
        volatile boolean done;
    }
}
