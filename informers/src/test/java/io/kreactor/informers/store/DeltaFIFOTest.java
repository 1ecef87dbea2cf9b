package io.kreactor.informers.store;

import static io.kreactor.informers.TestObjects.event;
import static io.kreactor.informers.TestObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.informers.FakeListerWatcher;
import io.kreactor.informers.reflector.Reflector;
import io.kreactor.informers.reflector.ReflectorConfig;
import io.kreactor.informers.reflector.ReflectorEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.scheduler.VirtualTimeScheduler;

class DeltaFIFOTest {

    private static List<FifoItem<JsonNode>> drain(DeltaFIFO<JsonNode> fifo) {
        List<FifoItem<JsonNode>> items = new ArrayList<>();
        FifoItem<JsonNode> item;
        while ((item = fifo.poll()) != null) {
            items.add(item);
        }
        return items;
    }

    @Test
    void deltasLeaveInTheOrderTheReflectorProducedThem() {
        JsonNode a1 = obj("ns", "a", "1");
        JsonNode a2 = obj("ns", "a", "2");
        JsonNode b = obj("ns", "b", "3");
        DeltaFIFO<JsonNode> fifo = new DeltaFIFO<>(10, UnaryOperator.identity(), () -> { });
        fifo.consume(Flux.just(new ReflectorEvent.Replace<>(List.of(a1), "1"), new ReflectorEvent.Added<>(b),
                new ReflectorEvent.Bookmark<>("3"), new ReflectorEvent.Modified<>(a2), new ReflectorEvent.Deleted<>(a2)));

        assertThat(drain(fifo)).containsExactly(
                new ReplaceAll<>(List.of(new Delta<>(DeltaType.REPLACED, a1)), "1"),
                new Delta<>(DeltaType.ADDED, b),
                new Delta<>(DeltaType.UPDATED, a2),
                new Delta<>(DeltaType.DELETED, a2));
    }

    @Test
    void requestsOnlyAsManyEventsAsItHasFreeSlots() {
        AtomicLong requested = new AtomicLong();
        AtomicInteger signals = new AtomicInteger();
        DeltaFIFO<JsonNode> fifo = new DeltaFIFO<>(3, UnaryOperator.identity(), signals::incrementAndGet);
        fifo.consume(Flux.range(0, 100).map(i -> (ReflectorEvent<JsonNode>) new ReflectorEvent.Added<JsonNode>(obj("ns", "o" + i, "" + i)))
                .doOnRequest(n -> requested.addAndGet(n)));

        assertThat(fifo.size()).isEqualTo(3);
        assertThat(fifo.isFull()).isTrue();
        assertThat(requested).hasValue(3);
        assertThat(signals).hasValue(3);

        fifo.poll();
        assertThat(requested).hasValue(4);
        assertThat(fifo.size()).isEqualTo(3);
    }

    @Test
    void freedSlotsAreRequestedAgainAQuarterOfTheCapacityAtATime() {
        List<Long> requests = new ArrayList<>();
        DeltaFIFO<JsonNode> fifo = new DeltaFIFO<>(100, UnaryOperator.identity(), () -> { });
        fifo.consume(Flux.range(0, 1_000).map(i -> (ReflectorEvent<JsonNode>) new ReflectorEvent.Added<JsonNode>(obj("ns", "o" + i, "" + i)))
                .doOnRequest(requests::add));

        for (int i = 0; i < 24; i++) {
            fifo.poll();
        }
        assertThat(requests).containsExactly(100L);
        assertThat(fifo.size()).isEqualTo(76);

        fifo.poll();
        assertThat(requests).containsExactly(100L, 25L);
        assertThat(fifo.size()).isEqualTo(100);
    }

    @Test
    void batchedRequestsNeverStallTheStream() {
        DeltaFIFO<JsonNode> fifo = new DeltaFIFO<>(7, UnaryOperator.identity(), () -> { });
        fifo.consume(Flux.range(0, 1_000).map(i -> (ReflectorEvent<JsonNode>) new ReflectorEvent.Added<JsonNode>(obj("ns", "o" + i, "" + i))));

        List<FifoItem<JsonNode>> items = drain(fifo);

        assertThat(items).hasSize(1_000);
        assertThat(((Delta<JsonNode>) items.get(999)).object().path("metadata").path("name").asText()).isEqualTo("o999");
    }

    @Test
    void whenFullTheReflectorStopsRequestingFromTheWatch() {
        AtomicLong watchDemand = new AtomicLong();
        FakeListerWatcher lw = new FakeListerWatcher();
        lw.page("10", null, obj("ns", "a", "1"))
                .watch(Flux.range(0, 1_000).map(i -> event(WatchEventType.ADDED, obj("ns", "o" + i, "" + (20 + i))))
                        .doOnRequest(n -> watchDemand.addAndGet(n))
                        .concatWith(Flux.<WatchEvent<JsonNode>>never()));
        ReflectorConfig config = ReflectorConfig.DEFAULT.withScheduler(VirtualTimeScheduler.create());
        DeltaFIFO<JsonNode> fifo = new DeltaFIFO<>(5, UnaryOperator.identity(), () -> { });

        fifo.consume(Reflector.create(lw, MetadataAccessors.forType(JsonNode.class), config).events());

        // One slot holds the relist; the watch was asked for exactly the four that remain.
        assertThat(fifo.size()).isEqualTo(5);
        assertThat(watchDemand).hasValue(4);
        assertThat(fifo.poll()).isInstanceOf(ReplaceAll.class);
        assertThat(fifo.poll()).isInstanceOf(Delta.class);
        assertThat(watchDemand).hasValue(6);
        assertThat(fifo.size()).isEqualTo(5);
        fifo.dispose();
    }

    @Test
    void transformRunsOnEveryObjectBeforeItIsQueued() {
        ObjectNode a = obj("ns", "a", "1");
        a.withObject("/metadata").putArray("managedFields").addObject().put("manager", "kubectl");
        ObjectNode b = obj("ns", "b", "2");
        b.withObject("/metadata").putArray("managedFields").addObject().put("manager", "kubectl");
        DeltaFIFO<JsonNode> fifo = new DeltaFIFO<>(10, Transforms.dropManagedFields(JsonNode.class), () -> { });
        fifo.consume(Flux.just(new ReflectorEvent.Replace<>(List.of(a), "1"), new ReflectorEvent.Added<>(b)));

        List<FifoItem<JsonNode>> items = drain(fifo);

        assertThat(((ReplaceAll<JsonNode>) items.get(0)).objects().get(0).path("metadata").has("managedFields")).isFalse();
        assertThat(((Delta<JsonNode>) items.get(1)).object().path("metadata").has("managedFields")).isFalse();
        assertThat(((Delta<JsonNode>) items.get(1)).object().path("metadata").path("name").asText()).isEqualTo("b");
    }

    @Test
    void disposeCancelsTheReflector() {
        AtomicInteger cancelled = new AtomicInteger();
        DeltaFIFO<JsonNode> fifo = new DeltaFIFO<>(2, UnaryOperator.identity(), () -> { });
        fifo.consume(Flux.<ReflectorEvent<JsonNode>>never().doOnCancel(cancelled::incrementAndGet));

        fifo.dispose();

        assertThat(cancelled).hasValue(1);
        assertThat(fifo.isDisposed()).isTrue();
    }
}
