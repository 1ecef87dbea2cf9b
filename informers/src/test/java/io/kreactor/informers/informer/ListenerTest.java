package io.kreactor.informers.informer;

import static io.kreactor.informers.TestObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.MetadataAccessors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final AtomicInteger deregistered = new AtomicInteger();

    private Flux<InformerEvent<JsonNode>> listener(SubscriberOptions options, List<JsonNode> snapshot, List<InformerEvent<JsonNode>> offered) {
        return Flux.from(subscriber -> {
            Listener<JsonNode> l = new Listener<>(Operators.toCoreSubscriber(subscriber), options,
                    MetadataAccessors.forType(JsonNode.class)::key, deregistered::incrementAndGet);
            subscriber.onSubscribe(l);
            l.start(snapshot);
            offered.forEach(l::offer);
            l.complete();
        });
    }

    @Test
    void latestPerKeyTurnsADeleteAndRecreateIntoAnUpdateFromTheDeletedState() {
        JsonNode a1 = obj("ns", "a", "1");
        JsonNode a2 = obj("ns", "a", "2");
        JsonNode b1 = obj("ns", "b", "3");
        JsonNode b2 = obj("ns", "b", "4");
        SubscriberOptions latest = SubscriberOptions.DEFAULT.withScheduler(Schedulers.immediate()).withLatestPerKey(true);

        List<InformerEvent<JsonNode>> received = new CopyOnWriteArrayList<>();
        BaseSubscriber<InformerEvent<JsonNode>> idle = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // Request nothing yet, so that the events pile up and coalesce.
            }

            @Override
            protected void hookOnNext(InformerEvent<JsonNode> event) {
                received.add(event);
            }
        };
        Listener<JsonNode> listener = new Listener<>(idle, latest, MetadataAccessors.forType(JsonNode.class)::key, deregistered::incrementAndGet);
        idle.onSubscribe(listener);
        listener.start(List.of());
        listener.offer(new InformerEvent.Deleted<>(a1, false));
        listener.offer(new InformerEvent.Added<>(a2));
        listener.offer(new InformerEvent.Updated<>(b1, b2));
        listener.offer(new InformerEvent.Deleted<>(b2, true));

        idle.request(Long.MAX_VALUE);

        assertThat(received).containsExactly(new InformerEvent.Updated<>(a1, a2), new InformerEvent.Deleted<>(b2, true));
    }

    @Test
    void theInitialCacheContentsDoNotCountAgainstTheBuffer() {
        List<JsonNode> cache = List.of(obj("ns", "a", "1"), obj("ns", "b", "2"), obj("ns", "c", "3"));
        JsonNode d = obj("ns", "d", "4");
        SubscriberOptions tiny = SubscriberOptions.DEFAULT.withScheduler(Schedulers.immediate()).withBufferSize(1);
        List<InformerEvent<JsonNode>> received = new CopyOnWriteArrayList<>();
        BaseSubscriber<InformerEvent<JsonNode>> idle = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // Request nothing yet: the snapshot and the change stay buffered.
            }

            @Override
            protected void hookOnNext(InformerEvent<JsonNode> event) {
                received.add(event);
            }
        };
        Listener<JsonNode> listener = new Listener<>(idle, tiny, MetadataAccessors.forType(JsonNode.class)::key, deregistered::incrementAndGet);
        idle.onSubscribe(listener);
        listener.start(cache);
        listener.offer(new InformerEvent.Added<>(d));

        idle.request(Long.MAX_VALUE);

        assertThat(received).hasSize(4).endsWith(new InformerEvent.Added<>(d));
        assertThat(deregistered).hasValue(0);
    }

    @Test
    void anOverflowingSubscriberGetsAnErrorAndLeavesTheInformer() {
        SubscriberOptions tiny = SubscriberOptions.DEFAULT.withScheduler(Schedulers.immediate()).withBufferSize(2);
        List<InformerEvent<JsonNode>> three = List.of(new InformerEvent.Added<>(obj("ns", "a", "1")),
                new InformerEvent.Added<>(obj("ns", "b", "2")), new InformerEvent.Added<>(obj("ns", "c", "3")));

        StepVerifier.create(listener(tiny, List.of(), three), 0)
                .expectError(SubscriberOverflowException.class)
                .verify(WAIT);

        assertThat(deregistered).hasValue(1);
    }
}
