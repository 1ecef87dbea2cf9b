package io.kreactor.rest.codec;

import static io.kreactor.rest.codec.ChunkSource.buffer;
import static io.kreactor.rest.codec.ChunkSource.randomSplit;
import static io.kreactor.rest.codec.ChunkSource.splitAt;
import static io.kreactor.rest.codec.ChunkSource.utf8;
import static io.kreactor.rest.codec.TestObjects.MAPPER;
import static io.kreactor.rest.codec.TestObjects.OBJ;
import static io.kreactor.rest.codec.TestObjects.TIMEOUT;
import static io.kreactor.rest.codec.TestObjects.expectedList;
import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.rest.ListElement;
import io.kreactor.rest.codec.TestObjects.Obj;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

/** Demand, cancellation and buffer ownership of the decoder, for every body shape. */
class JsonStreamDecoderBackpressureTest {

    private final JsonStreamDecoder decoder = new JsonStreamDecoder(MAPPER, 1 << 20);

    private static String event(int i) {
        return "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"p" + i + "\",\"resourceVersion\":\"" + i
                + "\"}}}\n";
    }

    /** Ten events, each cut into three chunks. */
    private static List<byte[]> tenEventsInThirtyChunks() {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] event = utf8(event(i));
            chunks.addAll(splitAt(event, 5, event.length / 2));
        }
        return chunks;
    }

    @Test
    void nothingIsReadUntilTheSubscriberRequests() {
        ChunkSource source = ChunkSource.pooled(tenEventsInThirtyChunks());

        StepVerifier.create(decoder.<Obj>decodeWatch(source.flux(), OBJ), 0)
                .expectSubscription()
                .then(() -> assertThat(source.requests()).isEmpty())
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(source.cancelled()).isTrue();
    }

    @Test
    void requestingOneEventReadsOnlyTheChunksThatCompleteIt() {
        ChunkSource source = ChunkSource.pooled(tenEventsInThirtyChunks());

        StepVerifier.create(decoder.<Obj>decodeWatch(source.flux(), OBJ), 1)
                .assertNext(event -> assertThat(event.object().metadata().name()).isEqualTo("p0"))
                .then(() -> {
                    assertThat(source.delivered()).isEqualTo(3);
                    assertThat(source.requests()).containsExactly(1L, 1L, 1L);
                })
                .thenRequest(2)
                .expectNextCount(2)
                .then(() -> assertThat(source.delivered()).isEqualTo(9))
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(source.cancelled()).isTrue();
        assertThat(source.delivered()).isEqualTo(9);
        source.assertAllReleased();
    }

    @Test
    void unboundedDownstreamDemandStillReadsOneChunkAtATime() {
        ChunkSource source = ChunkSource.pooled(tenEventsInThirtyChunks());

        StepVerifier.create(decoder.<Obj>decodeWatch(source.flux(), OBJ))
                .expectNextCount(10)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(source.requests()).hasSize(30).containsOnly(1L);
        source.assertAllReleased();
    }

    @Test
    void aTestPublisherIsNeverAskedForMoreThanOneChunkAhead() {
        TestPublisher<ByteBuf> body = TestPublisher.create();
        String first = event(1);
        String second = event(2);

        StepVerifier.create(decoder.<Obj>decodeWatch(body.flux(), OBJ), 1)
                .then(() -> {
                    body.assertMaxRequested(1);
                    emit(body, first.substring(0, 20));
                    body.assertMaxRequested(1);
                    emit(body, first.substring(20) + second.substring(0, 10));
                })
                .assertNext(event -> assertThat(event.object().metadata().name()).isEqualTo("p1"))
                .then(() -> body.assertMaxRequested(0))
                .thenRequest(5)
                .then(() -> {
                    body.assertMaxRequested(1);
                    emit(body, second.substring(10));
                })
                .assertNext(event -> assertThat(event.object().metadata().name()).isEqualTo("p2"))
                .then(() -> body.assertMaxRequested(1))
                .thenCancel()
                .verify(TIMEOUT);
        body.assertCancelled();
    }

    @Test
    void aWatchEventIsEmittedAsSoonAsItsLineIsCompleteWithoutWaitingForMore() {
        TestPublisher<ByteBuf> body = TestPublisher.create();
        AtomicInteger seen = new AtomicInteger();

        StepVerifier.create(decoder.<Obj>decodeWatch(body.flux(), OBJ).doOnNext(event -> seen.incrementAndGet()))
                .then(() -> emit(body, event(1)))
                .expectNextMatches(event -> event.object().metadata().name().equals("p1"))
                .then(() -> {
                    emit(body, event(2).substring(0, 30));
                    assertThat(seen).as("events after half a line").hasValue(1);
                    emit(body, event(2).substring(30));
                    assertThat(seen).as("events after the whole line").hasValue(2);
                })
                .expectNextMatches(event -> event.object().metadata().name().equals("p2"))
                .then(body::complete)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void cancellingAListMidwayCancelsTheBodyAtOnceAndLeaksNothing() {
        byte[] body = TestObjects.podLikeList(40);
        ChunkSource source = ChunkSource.pooled(randomSplit(body, new Random(3), 200));

        StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ), 5)
                .expectNextCount(5)
                .thenCancel()
                .verify(TIMEOUT);
        int deliveredAtCancel = source.delivered();
        assertThat(source.cancelled()).isTrue();
        assertThat(source.deliveredBytes()).isLessThan(body.length / 4);
        assertThat(source.delivered()).isEqualTo(deliveredAtCancel);
        source.assertAllReleased();
    }

    @Test
    void cancellingAPendingValueCancelsTheBody() {
        TestPublisher<ByteBuf> body = TestPublisher.create();

        StepVerifier.create(decoder.<Obj>decodeValue(body.flux(), OBJ))
                .then(() -> emit(body, "{\"metadata\":{\"name\""))
                .thenCancel()
                .verify(TIMEOUT);
        body.assertCancelled();
    }

    @Test
    void aTestPublisherBodyErrorIsPassedOnAndCancelsNothing() {
        TestPublisher<ByteBuf> body = TestPublisher.create();
        IllegalStateException closed = new IllegalStateException("closed");

        StepVerifier.create(decoder.<Obj>decodeList(body.flux(), OBJ))
                .then(() -> emit(body, "{\"items\":[{\"metadata\":{\"name\":\"a\"}}"))
                .expectNextCount(1)
                .then(() -> body.error(closed))
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(closed))
                .verify(TIMEOUT);
        body.assertNotCancelled();
    }

    @Test
    void decodesCorrectlyWhenChunksArriveOnOneThreadAndDemandComesFromAnother() {
        byte[] body = TestObjects.podLikeList(120);
        List<ListElement<Obj>> expected = expectedList(new String(body, StandardCharsets.UTF_8));
        Scheduler eventLoop = Schedulers.newSingle("fake-event-loop");
        try {
            Random random = new Random(11);
            for (int round = 0; round < 15; round++) {
                ChunkSource source = ChunkSource.pooledOn(randomSplit(body, random, 700), eventLoop);
                Flux<ListElement<Obj>> list = decoder.<Obj>decodeList(source.flux(), OBJ)
                        .publishOn(Schedulers.parallel(), 1 + round % 4);
                StepVerifier.create(list)
                        .expectNextSequence(expected)
                        .expectComplete()
                        .verify(TIMEOUT);
                source.assertAllReleased();
            }
        } finally {
            eventLoop.dispose();
        }
    }

    @Test
    void everyBufferIsReleasedOnCompleteErrorAndCancelForEveryBodyShape() {
        List<byte[]> watch = tenEventsInThirtyChunks();
        ChunkSource complete = ChunkSource.pooled(watch);
        StepVerifier.create(decoder.<Obj>decodeWatch(complete.flux(), OBJ)).expectNextCount(10).expectComplete()
                .verify(TIMEOUT);
        complete.assertAllReleased();

        List<byte[]> broken = new ArrayList<>(watch.subList(0, 3));
        broken.add(utf8("{]"));
        broken.addAll(watch.subList(3, 6));
        ChunkSource error = ChunkSource.pooled(broken);
        StepVerifier.create(decoder.<Obj>decodeWatch(error.flux(), OBJ)).expectNextCount(1).expectError()
                .verify(TIMEOUT);
        assertThat(error.cancelled()).isTrue();
        error.assertAllReleased();

        ChunkSource cancel = ChunkSource.pooled(watch);
        StepVerifier.create(decoder.<Obj>decodeValue(cancel.flux(), OBJ), 0).thenCancel()
                .verify(TIMEOUT);
        cancel.assertAllReleased();

        ChunkSource value = ChunkSource.unpooled(splitAt(utf8("{\"metadata\":{\"name\":\"v\"}}"), 3, 9));
        StepVerifier.create(decoder.<Obj>decodeValue(value.flux(), OBJ)).expectNextCount(1).expectComplete()
                .verify(TIMEOUT);
        value.assertAllReleased();
    }

    @Test
    void aChunkThatWasNotRequestedFailsTheStreamInsteadOfOverwritingUnemittedValues() {
        TestPublisher<ByteBuf> body = TestPublisher.createNoncompliant(TestPublisher.Violation.REQUEST_OVERFLOW);

        StepVerifier.create(decoder.<Obj>decodeWatch(body.flux(), OBJ), 1)
                .then(() -> emit(body, event(1) + event(2)))
                .assertNext(event -> assertThat(event.object().metadata().name()).isEqualTo("p1"))
                .then(() -> emit(body, event(3)))
                .thenRequest(5)
                .assertNext(event -> assertThat(event.object().metadata().name()).isEqualTo("p2"))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("not requested"))
                .verify(TIMEOUT);
        body.assertCancelled();
    }

    /** Delivers {@code text} and releases it once {@code onNext} has returned, as Reactor Netty does. */
    private static void emit(TestPublisher<ByteBuf> body, String text) {
        ByteBuf chunk = buffer(text);
        try {
            body.next(chunk);
        } finally {
            chunk.release();
        }
        assertThat(chunk.refCnt()).isZero();
    }
}
