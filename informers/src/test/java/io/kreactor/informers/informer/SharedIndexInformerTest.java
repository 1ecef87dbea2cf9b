package io.kreactor.informers.informer;

import static io.kreactor.informers.TestObjects.event;
import static io.kreactor.informers.TestObjects.goneEvent;
import static io.kreactor.informers.TestObjects.name;
import static io.kreactor.informers.TestObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.informers.FakeListerWatcher;
import io.kreactor.informers.store.IndexFunction;
import io.kreactor.informers.store.Transforms;
import io.kreactor.rest.ListElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class SharedIndexInformerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final FakeListerWatcher lw = new FakeListerWatcher();
    private final Sinks.Many<WatchEvent<JsonNode>> watch = Sinks.many().unicast().onBackpressureBuffer();
    private final SubscriberOptions onClock = SubscriberOptions.DEFAULT.withScheduler(clock);
    private InformerConfig config = InformerConfig.DEFAULT.withScheduler(clock).withFifoCapacity(4);
    private Disposable running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.dispose();
        }
    }

    private SharedIndexInformer<JsonNode> informer() {
        return SharedIndexInformer.create(lw, MetadataAccessors.forType(JsonNode.class), config);
    }

    private void emit(WatchEventType type, JsonNode o) {
        watch.emitNext(event(type, o), Sinks.EmitFailureHandler.FAIL_FAST);
    }

    /** Collects everything a subscriber receives, requesting nothing until told to. */
    private static final class Recorder<T> extends BaseSubscriber<T> {
        final List<T> received = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final AtomicBoolean completed = new AtomicBoolean();
        private final long initialRequest;

        Recorder(long initialRequest) {
            this.initialRequest = initialRequest;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            if (initialRequest > 0) {
                subscription.request(initialRequest);
            }
        }

        @Override
        protected void hookOnNext(T value) {
            received.add(value);
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error.set(throwable);
        }

        @Override
        protected void hookOnComplete() {
            completed.set(true);
        }
    }

    @Test
    void hasSyncedOnlyAfterTheFirstCompleteListReachedTheCache() {
        Sinks.Many<ListElement<JsonNode>> page = Sinks.many().unicast().onBackpressureBuffer();
        lw.list(page.asFlux()).watch(watch.asFlux());
        SharedIndexInformer<JsonNode> informer = informer();

        running = informer.start();
        page.tryEmitNext(new ListElement.Metadata<>(new ListMeta("10", null, null)));
        page.tryEmitNext(new ListElement.Item<>(obj("ns", "a", "3")));

        assertThat(informer.hasSynced()).isFalse();
        assertThat(informer.indexer().list()).isEmpty();

        page.tryEmitComplete();

        assertThat(informer.hasSynced()).isTrue();
        assertThat(informer.indexer().listKeys()).containsExactly("ns/a");
        assertThat(informer.lastSyncResourceVersion()).isEqualTo("10");
        StepVerifier.create(informer.synced()).expectComplete().verify(WAIT);
    }

    @Test
    void aLateSubscriberFirstGetsTheCacheAsAddedThenChanges() {
        JsonNode a = obj("ns", "a", "3");
        JsonNode b = obj("ns", "b", "4");
        JsonNode c = obj("ns", "c", "11");
        JsonNode a2 = obj("ns", "a", "12");
        lw.page("10", null, a, b).watch(watch.asFlux());
        SharedIndexInformer<JsonNode> informer = informer();
        running = informer.start();
        emit(WatchEventType.ADDED, c);

        StepVerifier.create(informer.events(onClock))
                .recordWith(ArrayList::new)
                .expectNextCount(3)
                .consumeRecordedWith(initial -> {
                    assertThat(initial).allMatch(e -> e instanceof InformerEvent.Added<JsonNode>);
                    assertThat(initial).extracting(e -> name(e.object())).containsExactlyInAnyOrder("a", "b", "c");
                })
                .then(() -> emit(WatchEventType.MODIFIED, a2))
                .expectNext(new InformerEvent.Updated<>(a, a2))
                .then(() -> emit(WatchEventType.DELETED, b))
                .expectNext(new InformerEvent.Deleted<>(b, false))
                .thenCancel()
                .verify(WAIT);
        assertThat(informer.lastSyncResourceVersion()).isEqualTo("4");
    }

    @Test
    void relistDeliversTombstoneForObjectDeletedDuringGap() {
        JsonNode a = obj("ns", "a", "3");
        JsonNode b = obj("ns", "b", "4");
        JsonNode c = obj("ns", "c", "15");
        lw.page("10", null, a, b).watchEvents(goneEvent()).page("20", null, a, c).watch(Flux.never());
        SharedIndexInformer<JsonNode> informer = informer();

        StepVerifier.create(informer.events(onClock))
                .then(() -> running = informer.start())
                .expectNext(new InformerEvent.Added<>(a), new InformerEvent.Added<>(b))
                .expectNext(new InformerEvent.Deleted<>(b, true))
                .expectNext(new InformerEvent.Added<>(c))
                .then(() -> assertThat(informer.indexer().listKeys()).containsExactlyInAnyOrder("ns/a", "ns/c"))
                .then(() -> running.dispose())
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aSlowSubscriberNeitherStallsAFastOneNorTheWatch() {
        JsonNode a = obj("ns", "a", "3");
        lw.page("10", null, a).watch(watch.asFlux());
        SharedIndexInformer<JsonNode> informer = informer();
        Recorder<InformerEvent<JsonNode>> slow = new Recorder<>(0);
        Recorder<InformerEvent<JsonNode>> fast = new Recorder<>(Long.MAX_VALUE);
        informer.events(onClock.withBufferSize(2)).subscribe(slow);
        informer.events(onClock).subscribe(fast);
        running = informer.start();

        for (int i = 0; i < 20; i++) {
            emit(WatchEventType.ADDED, obj("ns", "o" + i, "" + (20 + i)));
        }

        assertThat(fast.received).hasSize(21);
        assertThat(informer.indexer().size()).isEqualTo(21);
        assertThat(slow.received).isEmpty();
        assertThat(slow.error.get()).isInstanceOf(SubscriberOverflowException.class);
    }

    @Test
    void aLatestPerKeySubscriberGetsOnlyTheLatestStateOfEachKey() {
        JsonNode a1 = obj("ns", "a", "3");
        JsonNode a2 = obj("ns", "a", "21");
        JsonNode a3 = obj("ns", "a", "30");
        JsonNode x2 = obj("ns", "x", "23");
        lw.page("10", null, a1).watch(watch.asFlux());
        SharedIndexInformer<JsonNode> informer = informer();
        running = informer.start();

        StepVerifier.create(informer.events(onClock.withLatestPerKey(true).withBufferSize(1)), 0)
                .then(() -> {
                    emit(WatchEventType.MODIFIED, a2);
                    emit(WatchEventType.ADDED, obj("ns", "x", "22"));
                    emit(WatchEventType.MODIFIED, x2);
                    emit(WatchEventType.ADDED, obj("ns", "y", "24"));
                    emit(WatchEventType.DELETED, obj("ns", "y", "25"));
                })
                .thenRequest(Long.MAX_VALUE)
                .expectNext(new InformerEvent.Added<>(a2), new InformerEvent.Added<>(x2))
                .then(() -> emit(WatchEventType.MODIFIED, a3))
                .expectNext(new InformerEvent.Updated<>(a2, a3))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void resyncRedeliversCachedObjectsAsUpdatesToSubscribersThatWantIt() {
        config = config.withResyncPeriod(Duration.ofMinutes(1));
        JsonNode a = obj("ns", "a", "3");
        lw.page("10", null, a).watch(Flux.never());
        SharedIndexInformer<JsonNode> informer = informer();
        Recorder<InformerEvent<JsonNode>> wants = new Recorder<>(Long.MAX_VALUE);
        Recorder<InformerEvent<JsonNode>> doesNot = new Recorder<>(Long.MAX_VALUE);
        informer.events(onClock).subscribe(wants);
        informer.events(onClock.withResync(false)).subscribe(doesNot);
        running = informer.start();

        clock.advanceTimeBy(Duration.ofSeconds(59));
        assertThat(wants.received).containsExactly(new InformerEvent.Added<>(a));

        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(wants.received).containsExactly(new InformerEvent.Added<>(a), new InformerEvent.Updated<>(a, a));
        assertThat(((InformerEvent.Updated<JsonNode>) wants.received.get(1)).isResync()).isTrue();

        clock.advanceTimeBy(Duration.ofMinutes(1));
        assertThat(wants.received).hasSize(3);
        assertThat(doesNot.received).containsExactly(new InformerEvent.Added<>(a));
    }

    @Test
    void theTransformDropsManagedFieldsBeforeObjectsAreCached() {
        ObjectNode a = obj("ns", "a", "3");
        a.withObject("/metadata").putArray("managedFields").addObject().put("manager", "kubectl");
        lw.page("10", null, a).watch(Flux.never());
        SharedIndexInformer<JsonNode> informer = informer().setTransform(Transforms.dropManagedFields(JsonNode.class));

        running = informer.start();

        assertThat(informer.indexer().getByKey("ns/a")).hasValueSatisfying(o -> {
            assertThat(o.path("metadata").has("managedFields")).isFalse();
            assertThat(o.path("metadata").path("resourceVersion").asText()).isEqualTo("3");
        });
    }

    @Test
    void indexersAreAddedBeforeStartAndServeQueries() {
        IndexFunction<JsonNode> byApp = o -> List.of(o.path("metadata").path("labels").path("app").asText());
        lw.page("10", null, obj("ns", "a", "3", Map.of("app", "web")), obj("ns", "b", "4", Map.of("app", "db"))).watch(Flux.never());
        SharedIndexInformer<JsonNode> informer = informer().addIndexers(Map.of("app", byApp));

        running = informer.start();

        assertThat(informer.indexer().indexKeys("app", "web")).containsExactly("ns/a");
        assertThatThrownBy(() -> informer.addIndexers(Map.of("other", byApp))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(informer::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stoppingClosesTheWatchAndCompletesSubscribers() {
        AtomicBoolean watchCancelled = new AtomicBoolean();
        lw.page("10", null).watch(Flux.<WatchEvent<JsonNode>>never().doOnCancel(() -> watchCancelled.set(true)));
        SharedIndexInformer<JsonNode> informer = informer();
        Recorder<InformerEvent<JsonNode>> subscriber = new Recorder<>(Long.MAX_VALUE);
        informer.events(onClock).subscribe(subscriber);
        Disposable stop = informer.start();

        stop.dispose();

        assertThat(watchCancelled).isTrue();
        assertThat(subscriber.completed).isTrue();
        StepVerifier.create(informer.events(onClock)).expectComplete().verify(WAIT);
    }

    @Test
    void syncedFailsWhenStoppedBeforeTheFirstList() {
        SharedIndexInformer<JsonNode> informer = informer();
        Disposable stop = informer.start();

        stop.dispose();

        StepVerifier.create(informer.synced()).expectError(IllegalStateException.class).verify(WAIT);
    }

    @Test
    void callbacksRunOnTheSchedulerTheSubscriberChose() {
        Scheduler callbacks = Schedulers.newSingle("user-callbacks");
        try {
            lw.page("10", null, obj("ns", "a", "3")).watch(Flux.never());
            SharedIndexInformer<JsonNode> informer = informer();
            running = informer.start();

            StepVerifier.create(informer.events(SubscriberOptions.DEFAULT.withScheduler(callbacks))
                            .map(e -> Thread.currentThread().getName()))
                    .assertNext(thread -> assertThat(thread).startsWith("user-callbacks"))
                    .thenCancel()
                    .verify(WAIT);
        } finally {
            callbacks.dispose();
        }
    }

    @Test
    void reflectorErrorsAreObservableAndTheInformerRecovers() {
        JsonNode a = obj("ns", "a", "3");
        lw.listError(io.kreactor.informers.TestObjects.httpError(500, "InternalError")).page("10", null, a).watch(Flux.never());
        SharedIndexInformer<JsonNode> informer = informer();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        informer.errors().subscribe(errors::add);

        running = informer.start();
        assertThat(informer.hasSynced()).isFalse();
        clock.advanceTimeBy(Duration.ofSeconds(2));

        assertThat(errors).hasSize(1);
        assertThat(informer.hasSynced()).isTrue();
    }
}
