package io.kreactor.rest.codec;

import static io.kreactor.rest.codec.ChunkSource.randomSplit;
import static io.kreactor.rest.codec.ChunkSource.splitAt;
import static io.kreactor.rest.codec.ChunkSource.utf8;
import static io.kreactor.rest.codec.ChunkSource.whole;
import static io.kreactor.rest.codec.TestObjects.MAPPER;
import static io.kreactor.rest.codec.TestObjects.OBJ;
import static io.kreactor.rest.codec.TestObjects.SMALL_LIST;
import static io.kreactor.rest.codec.TestObjects.TIMEOUT;
import static io.kreactor.rest.codec.TestObjects.expectedList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.ListElement;
import io.kreactor.rest.codec.TestObjects.Obj;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * {@link JsonStreamDecoder#withParallelBinding}: values are bound by scheduled tasks while later chunks are read,
 * yet emitted in body order, with demand still bounding what is read.
 */
class JsonStreamDecoderParallelBindingTest {

    private final Scheduler reader = Schedulers.newSingle("reader");
    private final Scheduler binders = Schedulers.newParallel("binder", 4);
    private final JsonStreamDecoder sequential = new JsonStreamDecoder(MAPPER, 1 << 20);

    @AfterEach
    void dispose() {
        reader.dispose();
        binders.dispose();
    }

    private static String event(int i) {
        return "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"p" + i + "\",\"resourceVersion\":\"" + i
                + "\"}}}\n";
    }

    /** {@code count} watch events, one per chunk. */
    private static List<byte[]> eventPerChunk(int count) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(utf8(event(i)));
        }
        return chunks;
    }

    @Test
    void aLargeListSplitAtRandomPositionsDecodesInBodyOrderAtEveryParallelism() {
        byte[] body = TestObjects.podLikeList(300);
        List<ListElement<Obj>> expected = expectedList(new String(body, StandardCharsets.UTF_8));
        Random random = new Random(20261124L);
        for (int parallelism : new int[] {1, 2, 4}) {
            JsonStreamDecoder decoder = sequential.withParallelBinding(parallelism, binders);
            for (int round = 0; round < 6; round++) {
                ChunkSource source = ChunkSource.pooledOn(randomSplit(body, random, round % 2 == 0 ? 256 : 8192), reader);
                StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                        .expectNextSequence(expected)
                        .expectComplete()
                        .verify(TIMEOUT);
                source.assertAllReleased();
            }
        }
    }

    /**
     * fabric8's Quantity binds through the mapper's readTree; the first such call builds the tree deserializer
     * under Jackson's lock, which two binding tasks meeting their first Quantity at once would contend for (a
     * BlockHound failure in the benchmarks' quick mode). Every mapper a decoder binds with has it built already.
     */
    @Test
    void theMappersADecoderBindsWithHaveTheirTreeDeserializerBuiltBeforeAnyTaskBinds() throws Exception {
        ObjectMapper fresh = KubernetesJson.newMapper();
        JavaType tree = fresh.constructType(JsonNode.class);
        assertThat(rootDeserializers(fresh)).doesNotContainKey(tree);

        JsonStreamDecoder decoder = new JsonStreamDecoder(fresh, 1 << 20).withParallelBinding(2, binders);

        assertThat(rootDeserializers(fresh)).containsKey(tree);
        assertThat(rootDeserializers(decoder.sharingMapper())).containsKey(tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<JavaType, Object> rootDeserializers(ObjectMapper mapper) throws ReflectiveOperationException {
        Field field = ObjectMapper.class.getDeclaredField("_rootDeserializers");
        field.setAccessible(true);
        return (Map<JavaType, Object>) field.get(mapper);
    }

    @Test
    void aSmallListDecodesTheSameWhenSplitAtEveryBytePosition() {
        JsonStreamDecoder decoder = sequential.withParallelBinding(2, binders);
        byte[] body = utf8(SMALL_LIST);
        List<ListElement<Obj>> expected = expectedList(SMALL_LIST);
        for (int position = 1; position < body.length; position++) {
            ChunkSource source = ChunkSource.pooled(splitAt(body, position));
            StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                    .expectNextSequence(expected)
                    .expectComplete()
                    .verify(TIMEOUT);
            source.assertAllReleased();
        }
    }

    /** Records the thread that binds it. */
    static final class ThreadRecording {
        static final List<String> BINDING_THREADS = new CopyOnWriteArrayList<>();
        final String name;

        @JsonCreator
        ThreadRecording(@JsonProperty("metadata") java.util.Map<String, String> metadata) {
            BINDING_THREADS.add(Thread.currentThread().getName());
            this.name = metadata.get("name");
        }
    }

    @Test
    void watchEventsArriveInOrderAndAreBoundOnTheSchedulerNotOnTheReadingThread() {
        JsonStreamDecoder decoder = sequential.withParallelBinding(4, binders);
        ChunkSource source = ChunkSource.pooledOn(eventPerChunk(2000), reader);
        ThreadRecording.BINDING_THREADS.clear();
        List<String> names = new ArrayList<>();

        StepVerifier.create(decoder.<ThreadRecording>decodeWatch(source.flux(), MAPPER.constructType(ThreadRecording.class))
                        .map(event -> event.object().name))
                .recordWith(() -> names)
                .expectNextCount(2000)
                .expectComplete()
                .verify(TIMEOUT);

        for (int i = 0; i < 2000; i++) {
            assertThat(names.get(i)).isEqualTo("p" + i);
        }
        assertThat(ThreadRecording.BINDING_THREADS).hasSize(2000)
                .allSatisfy(thread -> assertThat(thread).startsWith("binder-"));
        source.assertAllReleased();
    }

    /** Binding "slow" waits until "fast", which comes after it, has been bound. */
    static final class Gated {
        static volatile CountDownLatch fastBound = new CountDownLatch(1);
        final String name;

        @JsonCreator
        Gated(@JsonProperty("name") String name) throws InterruptedException {
            if (name.equals("slow")) {
                assertThat(fastBound.await(10, TimeUnit.SECONDS)).as("fast bound while slow waits").isTrue();
            } else if (name.equals("fast")) {
                fastBound.countDown();
            }
            this.name = name;
        }
    }

    @Test
    void anItemBoundBeforeAnEarlierOneIsHeldBackUntilTheEarlierOneIsEmitted() {
        // plain threads: the gate blocks one binder on purpose, which BlockHound forbids on Reactor's own threads
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Gated.fastBound = new CountDownLatch(1);
            JsonStreamDecoder decoder = sequential.withParallelBinding(2, Schedulers.fromExecutorService(pool));
            JavaType gated = MAPPER.constructType(Gated.class);
            byte[] body = utf8("{\"items\":[{\"name\":\"slow\"},{\"name\":\"fast\"},{\"name\":\"last\"}]}");

            StepVerifier.create(decoder.<Gated>decodeList(ChunkSource.pooled(whole(body)).flux(), gated)
                            .map(e -> ((ListElement.Item<Gated>) e).item().name))
                    .expectNext("slow", "fast", "last")
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(Gated.fastBound.getCount()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestingOneEventReadsOnlyTheChunksThatCompleteIt() {
        JsonStreamDecoder decoder = sequential.withParallelBinding(2, binders);
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] event = utf8(event(i));
            chunks.addAll(splitAt(event, 5, event.length / 2));
        }
        ChunkSource source = ChunkSource.pooled(chunks);

        StepVerifier.create(decoder.<Obj>decodeWatch(source.flux(), OBJ), 1)
                .assertNext(event -> assertThat(event.object().metadata().name()).isEqualTo("p0"))
                .then(() -> assertThat(source.delivered()).isEqualTo(3))
                .thenRequest(2)
                .expectNextCount(2)
                .then(() -> assertThat(source.delivered()).isEqualTo(9))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(source.cancelled()).isTrue();
        source.assertAllReleased();
    }

    @Test
    void withUnboundedDemandReadingStopsAtTheReadAheadUntilValuesAreBound() {
        ManualScheduler manual = new ManualScheduler();
        JsonStreamDecoder decoder = sequential.withParallelBinding(2, manual);
        int readAhead = ParallelBinding.on(manual, 2).readAhead();
        ChunkSource source = ChunkSource.pooled(eventPerChunk(200));
        List<String> names = new CopyOnWriteArrayList<>();

        decoder.<Obj>decodeWatch(source.flux(), OBJ).subscribe(event -> names.add(event.object().metadata().name()));

        assertThat(readAhead).isEqualTo(64);
        assertThat(source.delivered()).isEqualTo(readAhead);
        assertThat(names).isEmpty();
        assertThat(manual.pending()).isEqualTo(2);

        manual.runUntilIdle();

        assertThat(names).hasSize(200).startsWith("p0", "p1").endsWith("p199");
        source.assertAllReleased();
    }

    @Test
    void aBindingTaskYieldsItsWorkerAfterABatchOfValues() {
        ManualScheduler manual = new ManualScheduler();
        JsonStreamDecoder decoder = sequential.withParallelBinding(1, manual);
        ChunkSource source = ChunkSource.pooled(eventPerChunk(200));
        List<String> names = new CopyOnWriteArrayList<>();
        decoder.<Obj>decodeWatch(source.flux(), OBJ).subscribe(event -> names.add(event.object().metadata().name()));
        assertThat(manual.pending()).isEqualTo(1);

        manual.runOne();

        // the task kept binding what arrived while it ran, up to its batch, then queued itself again
        assertThat(names).hasSize(ParallelBinding.VALUES_PER_TASK);
        assertThat(manual.pending()).isEqualTo(1);
        manual.runUntilIdle();
        assertThat(names).hasSize(200).startsWith("p0", "p1").endsWith("p199");
        assertThat(manual.ran()).isEqualTo(4);
        source.assertAllReleased();
    }

    @Test
    void aValueThatDoesNotBindFailsTheStreamAfterTheValuesBeforeIt() {
        JsonStreamDecoder decoder = sequential.withParallelBinding(2, binders);
        String body = "{\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[{\"metadata\":{\"name\":\"a\"}},"
                + "{\"metadata\":{\"name\":\"b\"}},{\"metadata\":5},{\"metadata\":{\"name\":\"d\"}}]}";
        // delivered while subscribing, so every chunk has been released before the error can be seen
        ChunkSource source = ChunkSource.pooled(splitAt(utf8(body), 50, 90));

        StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                .expectNextCount(3)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageContaining("Cannot decode the list item at byte"))
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    /** Binding "broken" fails as a class whose generated accessor cannot be linked would. */
    static final class Unlinkable {
        final String name;

        @JsonCreator
        Unlinkable(@JsonProperty("name") String name) {
            if (name.equals("broken")) {
                throw new NoClassDefFoundError("io/kreactor/generated/Accessor");
            }
            this.name = name;
        }
    }

    @Test
    void anErrorReactorCountsAsJvmFatalFailsTheStreamInsteadOfStrandingIt() {
        // Reactor's throwIfJvmFatal rethrows LinkageErrors: from a binding task that ended the task with the value
        // never marked bound, and from the drain loop it left the loop locked; either way the stream never ended
        JavaType unlinkable = MAPPER.constructType(Unlinkable.class);
        byte[] body = utf8("{\"items\":[{\"name\":\"a\"},{\"name\":\"broken\"},{\"name\":\"c\"}]}");
        for (JsonStreamDecoder decoder : List.of(sequential, sequential.withParallelBinding(2, binders))) {
            ChunkSource source = ChunkSource.pooled(splitAt(body, 20));

            StepVerifier.create(decoder.<Unlinkable>decodeList(source.flux(), unlinkable)
                            .map(e -> ((ListElement.Item<Unlinkable>) e).item().name))
                    .as(decoder.toString())
                    .expectNext("a")
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NoClassDefFoundError.class)
                            .hasMessage("io/kreactor/generated/Accessor"))
                    .verify(TIMEOUT);
            source.assertAllReleased();
        }
    }

    @Test
    void cancellingDropsTheValuesNotYetBound() {
        ManualScheduler manual = new ManualScheduler();
        JsonStreamDecoder decoder = sequential.withParallelBinding(2, manual);
        ChunkSource source = ChunkSource.pooled(eventPerChunk(10));
        List<String> names = new CopyOnWriteArrayList<>();

        decoder.<Obj>decodeWatch(source.flux(), OBJ)
                .subscribe(event -> names.add(event.object().metadata().name()))
                .dispose();
        manual.runUntilIdle();

        assertThat(source.cancelled()).isTrue();
        assertThat(names).isEmpty();
        source.assertAllReleased();
    }

    @Test
    void aSchedulerThatRejectsTasksFailsTheStreamAndCancelsTheBody() {
        // the rejection fails each value no task can bind, in its turn
        Scheduler disposed = Schedulers.newParallel("disposed", 1);
        disposed.dispose();
        JsonStreamDecoder decoder = sequential.withParallelBinding(2, disposed);
        ChunkSource source = ChunkSource.pooled(eventPerChunk(5));

        StepVerifier.create(decoder.<Obj>decodeWatch(source.flux(), OBJ))
                .expectError(RejectedExecutionException.class)
                .verify(TIMEOUT);
        assertThat(source.cancelled()).isTrue();
        source.assertAllReleased();
    }

    @Test
    void sharedStringsAndSingleValuesWorkAsWithoutParallelBinding() {
        JsonStreamDecoder decoder = sequential.withParallelBinding(2, binders);
        byte[] body = utf8("{\"items\":[{\"metadata\":{\"name\":\"a\",\"namespace\":\"team-x\"}},"
                + "{\"metadata\":{\"name\":\"b\",\"namespace\":\"team-x\"}}]}");
        List<Obj> shared = decoder.<Obj>decodeList(ChunkSource.pooled(splitAt(body, 40)).flux(), OBJ)
                .map(e -> ((ListElement.Item<Obj>) e).item())
                .contextWrite(JsonStreamDecoder.sharingStrings())
                .collectList().block(TIMEOUT);
        assertThat(shared.get(1).metadata().namespace()).isSameAs(shared.get(0).metadata().namespace());

        List<String> threads = new CopyOnWriteArrayList<>();
        ChunkSource one = ChunkSource.pooledOn(whole(utf8("{\"metadata\":{\"name\":\"solo\"}}")), reader);
        StepVerifier.create(decoder.<Obj>decodeValue(one.flux(), OBJ)
                        .doOnNext(o -> threads.add(Thread.currentThread().getName())))
                .assertNext(o -> assertThat(o.metadata().name()).isEqualTo("solo"))
                .expectComplete()
                .verify(TIMEOUT);
        // bound as requested, by the reading thread or the requesting one, never handed to a binding task
        assertThat(threads).singleElement().asString().doesNotStartWith("binder-");
    }

    @Test
    void parallelismBelowOneIsRejectedAndShownByToString() {
        assertThatThrownBy(() -> sequential.withParallelBinding(0, binders))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism must be at least 1, was 0");
        assertThat(sequential.withParallelBinding(3, binders).toString()).contains("parallelBinding=3");
        assertThat(sequential.toString()).doesNotContain("parallelBinding");
    }
}
