package io.kreactor.informers.reflector;

import static io.kreactor.informers.TestObjects.bookmark;
import static io.kreactor.informers.TestObjects.event;
import static io.kreactor.informers.TestObjects.gone;
import static io.kreactor.informers.TestObjects.goneEvent;
import static io.kreactor.informers.TestObjects.httpError;
import static io.kreactor.informers.TestObjects.initialEventsEnd;
import static io.kreactor.informers.TestObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.core.api.ResourceVersionMatch;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.errors.GoneException;
import io.kreactor.core.errors.InternalErrorException;
import io.kreactor.informers.FakeListerWatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class ReflectorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeListerWatcher lw = new FakeListerWatcher();
    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final List<Throwable> hook = new CopyOnWriteArrayList<>();
    private ReflectorConfig config = ReflectorConfig.DEFAULT.withScheduler(clock).withRandom(() -> 0.0).withErrorHandler(hook::add);

    private Reflector<JsonNode> reflector() {
        return Reflector.create(lw, MetadataAccessors.forType(JsonNode.class), config);
    }

    private StepVerifier.FirstStep<ReflectorEvent<JsonNode>> verify(Reflector<JsonNode> reflector) {
        return StepVerifier.withVirtualTime(reflector::events, () -> clock, Long.MAX_VALUE);
    }

    private static ReflectorEvent<JsonNode> replace(String rv, JsonNode... objects) {
        return new ReflectorEvent.Replace<>(List.of(objects), rv);
    }

    @Test
    void listsThenWatchesFromTheListResourceVersion() {
        JsonNode a = obj("ns", "a", "5");
        JsonNode b = obj("ns", "b", "7");
        JsonNode c = obj("ns", "c", "11");
        lw.page("10", null, a, b).watchEvents(event(WatchEventType.ADDED, c), event(WatchEventType.MODIFIED, a));
        Reflector<JsonNode> reflector = reflector();

        verify(reflector)
                .expectNext(replace("10", a, b))
                .expectNext(new ReflectorEvent.Added<>(c))
                .expectNext(new ReflectorEvent.Modified<>(a))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);

        assertThat(lw.listCalls.get(0).limit()).isEqualTo(500L);
        // client-go's first list: resourceVersion=0, answered from the API server's watch cache
        assertThat(lw.listCalls.get(0).resourceVersion()).isEqualTo("0");
        assertThat(lw.watchCalls.get(0).resourceVersion()).isEqualTo("10");
        assertThat(lw.watchCalls.get(0).allowWatchBookmarks()).isTrue();
        assertThat(lw.watchCalls.get(0).timeoutSeconds()).isEqualTo(300);
        assertThat(reflector.lastSyncResourceVersion()).isEqualTo("5");
    }

    @Test
    void watchTimeoutIsRandomBetweenFiveAndTenMinutes() {
        config = config.withRandom(() -> 0.999);
        lw.page("10", null).watch(Flux.never());

        verify(reflector()).expectNextCount(1).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.watchCalls.get(0).timeoutSeconds()).isEqualTo(599);
    }

    @Test
    void paginatesWithContinueTokensIntoOneReplace() {
        config = config.withPageSize(2);
        JsonNode a = obj("ns", "a", "1");
        JsonNode b = obj("ns", "b", "2");
        JsonNode c = obj("ns", "c", "3");
        lw.page("10", "token-1", a, b).page("10", null, c).watch(Flux.never());

        verify(reflector()).expectNext(replace("10", a, b, c)).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.listCalls).extracting(o -> o.limit(), o -> o.continueToken(), o -> o.resourceVersion())
                .as("a server that pages a resourceVersion=0 list gets only the token with the next page")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, null, "0"),
                        org.assertj.core.groups.Tuple.tuple(2L, "token-1", null));
        assertThat(lw.watchCalls.get(0).resourceVersion()).isEqualTo("10");
    }

    @Test
    void expiredContinueTokenRestartsTheListFromScratch() {
        config = config.withPageSize(2);
        JsonNode a = obj("ns", "a", "1");
        JsonNode b = obj("ns", "b", "2");
        JsonNode c = obj("ns", "c", "3");
        lw.page("10", "token-1", a, b).listError(gone()).page("20", "token-2", a, b).page("20", null, c).watch(Flux.never());

        verify(reflector()).expectNext(replace("20", a, b, c)).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.listCalls).extracting(o -> o.continueToken()).containsExactly(null, "token-1", null, "token-2");
        assertThat(hook).singleElement().isInstanceOf(GoneException.class);
    }

    @Test
    void closedWatchResumesFromTheLastResourceVersionIncludingBookmarks() {
        JsonNode c = obj("ns", "c", "11");
        lw.page("10", null).watchEvents(event(WatchEventType.ADDED, c), bookmark("15")).watch(Flux.never());
        Reflector<JsonNode> reflector = reflector();

        verify(reflector)
                .expectNext(replace("10"))
                .expectNext(new ReflectorEvent.Added<>(c))
                .expectNext(new ReflectorEvent.Bookmark<>("15"))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);

        assertThat(lw.watchCalls).extracting(o -> o.resourceVersion()).containsExactly("10", "15");
        assertThat(lw.listCalls).hasSize(1);
        assertThat(reflector.lastSyncResourceVersion()).isEqualTo("15");
        assertThat(hook).isEmpty();
    }

    @Test
    void goneErrorEventRelistsAtOnce() {
        JsonNode a = obj("ns", "a", "1");
        JsonNode b = obj("ns", "b", "2");
        lw.page("10", null, a, b).watchEvents(goneEvent()).page("30", null, a).watch(Flux.never());

        verify(reflector())
                .expectNext(replace("10", a, b))
                .expectNext(replace("30", a))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);

        assertThat(lw.watchCalls).extracting(o -> o.resourceVersion()).containsExactly("10", "30");
        assertThat(hook).singleElement().isInstanceOf(GoneException.class);
        assertThat(lw.listCalls).as("the first list from the watch cache, the relist after 410 consistent")
                .extracting(o -> o.resourceVersion()).containsExactly("0", null);
    }

    @Test
    void withoutTheWatchCacheTheFirstListReadsConsistently() {
        config = config.withInitialListFromCache(false);
        lw.page("10", null).watch(Flux.never());

        verify(reflector()).expectNext(replace("10")).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.listCalls).singleElement().satisfies(o -> assertThat(o.resourceVersion()).isNull());
    }

    @Test
    void httpGoneOnWatchRelists() {
        JsonNode a = obj("ns", "a", "1");
        lw.page("10", null, a).watchError(gone()).page("30", null).watch(Flux.never());

        verify(reflector()).expectNext(replace("10", a)).expectNext(replace("30")).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.listCalls).hasSize(2);
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        config = config.withBackoff(Duration.ofMillis(800), Duration.ofSeconds(3), 2.0);
        for (int i = 0; i < 4; i++) {
            lw.listError(httpError(500, "InternalError"));
        }
        lw.page("10", null).watch(Flux.never());

        verify(reflector())
                .expectSubscription()
                .then(() -> assertThat(lw.listCalls).hasSize(1))
                .thenAwait(Duration.ofMillis(799))
                .then(() -> assertThat(lw.listCalls).hasSize(1))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(lw.listCalls).hasSize(2))
                .thenAwait(Duration.ofMillis(1599))
                .then(() -> assertThat(lw.listCalls).hasSize(2))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(lw.listCalls).hasSize(3))
                .thenAwait(Duration.ofMillis(2999)) // capped at 3 s instead of 3.2 s
                .then(() -> assertThat(lw.listCalls).hasSize(3))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(lw.listCalls).hasSize(4))
                .thenAwait(Duration.ofSeconds(3))
                .expectNext(replace("10"))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);

        assertThat(hook).hasSize(4).allMatch(e -> e instanceof InternalErrorException);
    }

    @Test
    void backoffStartsOverAfterTwoHealthyMinutes() {
        Sinks.Many<io.kreactor.core.api.WatchEvent<JsonNode>> watch = Sinks.many().unicast().onBackpressureBuffer();
        lw.listError(httpError(500, "InternalError")).listError(httpError(500, "InternalError"))
                .page("10", null).watch(watch.asFlux()).watchError(httpError(500, "InternalError")).watch(Flux.never());

        verify(reflector())
                .thenAwait(Duration.ofMillis(800 + 1600))
                .expectNext(replace("10"))
                .then(() -> assertThat(lw.watchCalls).hasSize(1))
                .thenAwait(Duration.ofMinutes(3))
                .then(() -> watch.tryEmitError(httpError(500, "InternalError")))
                // Healthy for more than 2 minutes: the next delay is 800 ms again, not 3.2 s.
                .thenAwait(Duration.ofMillis(799))
                .then(() -> assertThat(lw.watchCalls).hasSize(1))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(lw.watchCalls).hasSize(2))
                // The next failure follows at once: the backoff grows again.
                .thenAwait(Duration.ofMillis(1599))
                .then(() -> assertThat(lw.watchCalls).hasSize(2))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(lw.watchCalls).hasSize(3))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void backoffAddsJitterOfUpToTheDelayItself() {
        ReflectorConfig c = ReflectorConfig.DEFAULT.withRandom(() -> 0.5);
        Backoff.Decision first = Backoff.initial(c).next(0, c);
        Backoff.Decision second = first.next().next(100, c);

        assertThat(first.delay()).isEqualTo(Duration.ofMillis(1200));
        assertThat(second.delay()).isEqualTo(Duration.ofMillis(2400));
        assertThat(second.next().next(100 + Duration.ofMinutes(2).toMillis(), c).delay()).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void watchdogRestartsASilentWatchFromTheLastResourceVersion() {
        config = config.withWatchdogTimeout(Duration.ofMinutes(1));
        AtomicBoolean firstWatchCancelled = new AtomicBoolean();
        lw.page("10", null)
                .watch(Flux.concat(Flux.just(bookmark("12")), Flux.<io.kreactor.core.api.WatchEvent<JsonNode>>never())
                        .doOnCancel(() -> firstWatchCancelled.set(true)))
                .watch(Flux.never());

        verify(reflector())
                .expectNext(replace("10"))
                .expectNext(new ReflectorEvent.Bookmark<>("12"))
                .thenAwait(Duration.ofSeconds(59))
                .then(() -> assertThat(lw.watchCalls).hasSize(1))
                .thenAwait(Duration.ofSeconds(1))
                .then(() -> assertThat(lw.watchCalls).hasSize(2))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);

        assertThat(firstWatchCancelled).isTrue();
        assertThat(lw.watchCalls.get(1).resourceVersion()).isEqualTo("12");
        assertThat(hook).singleElement().isInstanceOf(WatchStalledException.class);
    }

    @Test
    void theWatchdogIgnoresSilenceWhileTheConsumerRequestsNothing() {
        config = config.withWatchdogTimeout(Duration.ofMinutes(1));
        lw.page("10", null).watch(Flux.concat(Flux.just(bookmark("12")), Flux.never())).watch(Flux.never());

        StepVerifier.withVirtualTime(reflector()::events, () -> clock, 2)
                .expectNext(replace("10"))
                .expectNext(new ReflectorEvent.Bookmark<>("12"))
                .thenAwait(Duration.ofMinutes(5))
                .then(() -> assertThat(lw.watchCalls).hasSize(1))
                .thenRequest(1)
                .thenAwait(Duration.ofMinutes(1))
                .then(() -> assertThat(lw.watchCalls).hasSize(2))
                .thenCancel()
                .verify(WAIT);

        assertThat(hook).singleElement().isInstanceOf(WatchStalledException.class);
    }

    @Test
    void watchListDeliversTheInitialEventsAsOneReplace() {
        config = config.withWatchList(true);
        JsonNode a = obj("ns", "a", "1");
        JsonNode b = obj("ns", "b", "2");
        JsonNode a2 = obj("ns", "a", "21");
        lw.watch(Flux.concat(Flux.just(event(WatchEventType.ADDED, a), bookmark("15"), event(WatchEventType.ADDED, b),
                initialEventsEnd("20"), event(WatchEventType.MODIFIED, a2)), Flux.never()));

        verify(reflector())
                .expectNext(replace("20", a, b))
                .expectNext(new ReflectorEvent.Modified<>(a2))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);

        assertThat(lw.listCalls).isEmpty();
        assertThat(lw.watchCalls.get(0).sendInitialEvents()).isTrue();
        assertThat(lw.watchCalls.get(0).resourceVersionMatch()).isEqualTo(ResourceVersionMatch.NOT_OLDER_THAN);
        assertThat(lw.watchCalls.get(0).allowWatchBookmarks()).isTrue();
    }

    @Test
    void watchListResumesWithAPlainWatchFromTheLastResourceVersion() {
        config = config.withWatchList(true);
        JsonNode a = obj("ns", "a", "1");
        lw.watchEvents(event(WatchEventType.ADDED, a), initialEventsEnd("20"), bookmark("25")).watch(Flux.never());

        verify(reflector()).expectNext(replace("20", a)).expectNext(new ReflectorEvent.Bookmark<>("25")).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.watchCalls.get(1).resourceVersion()).isEqualTo("25");
        assertThat(lw.watchCalls.get(1).sendInitialEvents()).isNull();
    }

    @Test
    void watchListRejectedByTheServerFallsBackToListAndWatchForGood() {
        config = config.withWatchList(true);
        JsonNode a = obj("ns", "a", "1");
        lw.watchError(httpError(400, "BadRequest")).page("10", null, a).watchEvents(goneEvent()).page("20", null, a).watch(Flux.never());

        verify(reflector()).expectNext(replace("10", a)).expectNext(replace("20", a)).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.listCalls).hasSize(2);
        assertThat(lw.watchCalls).extracting(o -> o.sendInitialEvents()).containsExactly(true, null, null);
    }

    @Test
    void watchListIgnoredByTheServerFallsBackToList() {
        config = config.withWatchList(true);
        JsonNode a = obj("ns", "a", "1");
        lw.watchEvents(event(WatchEventType.MODIFIED, a)).page("10", null, a).watch(Flux.never());

        verify(reflector()).expectNext(replace("10", a)).thenAwait().thenCancel().verify(WAIT);

        assertThat(hook).singleElement().isInstanceOf(ReflectorException.class);
        assertThat(lw.watchCalls).extracting(o -> o.resourceVersion()).containsExactly("", "10");
    }

    @Test
    void watchListFailingTransientlyListsThisTimeButTriesWatchListOnTheNextRelist() {
        config = config.withWatchList(true);
        JsonNode a = obj("ns", "a", "1");
        lw.watchError(httpError(503, "ServiceUnavailable")).page("10", null, a).watchEvents(goneEvent())
                .watchEvents(event(WatchEventType.ADDED, a), initialEventsEnd("30")).watch(Flux.never());

        verify(reflector()).expectNext(replace("10", a)).expectNext(replace("30", a)).thenAwait().thenCancel().verify(WAIT);

        assertThat(lw.watchCalls).extracting(o -> o.sendInitialEvents()).containsExactly(true, null, true, null);
    }

    @Test
    void errorsReachTheHookAndTheErrorFluxWhileEventsContinue() {
        JsonNode a = obj("ns", "a", "1");
        lw.listError(httpError(500, "InternalError")).page("10", null, a).watch(Flux.never());
        Reflector<JsonNode> reflector = reflector();
        List<Throwable> observed = new CopyOnWriteArrayList<>();
        reflector.errors().subscribe(observed::add);

        verify(reflector).thenAwait(Duration.ofSeconds(1)).expectNext(replace("10", a)).thenAwait().thenCancel().verify(WAIT);

        assertThat(hook).singleElement().isInstanceOf(InternalErrorException.class);
        assertThat(observed).containsExactlyElementsOf(hook);
    }

    @Test
    void aWatchEndingAtOnceWithoutEventsBacksOff() {
        lw.page("10", null).watch(Flux.empty()).watch(Flux.never());

        verify(reflector())
                .expectNext(replace("10"))
                .then(() -> assertThat(lw.watchCalls).hasSize(1))
                .thenAwait(Duration.ofMillis(800))
                .then(() -> assertThat(lw.watchCalls).hasSize(2))
                .thenAwait()
                .thenCancel()
                .verify(WAIT);

        assertThat(hook).singleElement().isInstanceOf(ReflectorException.class);
    }

    @Test
    void cancellingClosesTheWatch() {
        AtomicBoolean cancelled = new AtomicBoolean();
        lw.page("10", null).watch(Flux.<io.kreactor.core.api.WatchEvent<JsonNode>>never().doOnCancel(() -> cancelled.set(true)));

        verify(reflector()).expectNext(replace("10")).thenAwait().thenCancel().verify(WAIT);

        assertThat(cancelled).isTrue();
    }
}
