package io.kreactor.rest.codec;

import static io.kreactor.rest.codec.ChunkSource.bytewise;
import static io.kreactor.rest.codec.ChunkSource.randomSplit;
import static io.kreactor.rest.codec.ChunkSource.splitAt;
import static io.kreactor.rest.codec.ChunkSource.utf8;
import static io.kreactor.rest.codec.ChunkSource.whole;
import static io.kreactor.rest.codec.TestObjects.MAPPER;
import static io.kreactor.rest.codec.TestObjects.OBJ;
import static io.kreactor.rest.codec.TestObjects.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.Status;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.codec.TestObjects.Meta;
import io.kreactor.rest.codec.TestObjects.Obj;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class JsonStreamDecoderWatchTest {

    private static final String ADDED = """
            {"type":"ADDED","object":{"metadata":{"name":"ü-日本","resourceVersion":"10","labels":{"e":"😀"}},\
            "spec":{"n":1}}}""";
    private static final String MODIFIED = """
            {"type":"MODIFIED","object":{"metadata":{"name":"ü-日本","resourceVersion":"11"},"spec":{"n":2.5}}}""";
    private static final String BOOKMARK = """
            {"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"12",\
            "annotations":{"k8s.io/initial-events-end":"true"}}}}""";
    private static final String EXPIRED = """
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
            "message":"too old resource version: 5 (12)","reason":"Expired","code":410}}""";
    private static final String DELETED = """
            {"object":{"metadata":{"name":"ü-日本","resourceVersion":"13"}},"type":"DELETED"}""";

    /** The stream as the API server writes it, with \r\n, blank lines and stray spaces mixed in. */
    private static final String STREAM = ADDED + "\n" + MODIFIED + "\r\n" + BOOKMARK + "\n\n  " + EXPIRED
            + "\r\n \t" + DELETED + "\n";

    private final JsonStreamDecoder decoder = new JsonStreamDecoder(MAPPER, 1 << 20);

    private static List<WatchEvent<Obj>> expectedStream() {
        return List.of(
                WatchEvent.of(WatchEventType.ADDED, new Obj(
                        new Meta("ü-日本", null, "10", Map.of("e", "😀"), null), Map.of("n", 1))),
                WatchEvent.of(WatchEventType.MODIFIED, new Obj(
                        new Meta("ü-日本", null, "11", null, null), Map.of("n", 2.5))),
                WatchEvent.of(WatchEventType.BOOKMARK, new Obj(
                        new Meta(null, null, "12", null, Map.of(WatchOptions.INITIAL_EVENTS_END_ANNOTATION, "true")),
                        null)),
                WatchEvent.error(new Status("Status", "v1", "Failure", "too old resource version: 5 (12)",
                        "Expired", null, 410)),
                WatchEvent.of(WatchEventType.DELETED, new Obj(
                        new Meta("ü-日本", null, "13", null, null), null)));
    }

    private void assertDecodes(ChunkSource source, List<WatchEvent<Obj>> expected) {
        StepVerifier.create(decoder.<Obj>decodeWatch(source.flux(), OBJ))
                .expectNextSequence(expected)
                .expectComplete()
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    private void assertFails(ChunkSource source, int eventsFirst, String... messageParts) {
        StepVerifier.create(decoder.<Obj>decodeWatch(source.flux(), OBJ))
                .expectNextCount(eventsFirst)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .message().contains(messageParts))
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    @Test
    void decodesEveryEventTypeOfAStream() {
        assertDecodes(ChunkSource.pooled(whole(utf8(STREAM))), expectedStream());
    }

    @Test
    void anErrorEventCarriesTheDecodedStatusAndNoObject() {
        StepVerifier.create(decoder.<Obj>decodeWatch(ChunkSource.pooled(whole(utf8(EXPIRED + "\n"))).flux(), OBJ))
                .assertNext(event -> {
                    assertThat(event.isError()).isTrue();
                    assertThat(event.object()).isNull();
                    assertThat(event.status().code()).isEqualTo(410);
                    assertThat(event.status().reason()).isEqualTo("Expired");
                })
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void decodesTheSameWhenSplitAtEveryBytePosition() {
        byte[] body = utf8(STREAM);
        for (int position = 1; position < body.length; position++) {
            assertDecodes(ChunkSource.pooled(splitAt(body, position)), expectedStream());
        }
    }

    @Test
    void decodesTheSameWhenEveryByteArrivesAlone() {
        assertDecodes(ChunkSource.unpooled(bytewise(utf8(STREAM))), expectedStream());
    }

    @Test
    void decodesManyPodSizedEventsSplitAtRandomPositions() throws Exception {
        StringBuilder stream = new StringBuilder();
        List<WatchEvent<Obj>> expected = new ArrayList<>();
        WatchEventType[] types = {WatchEventType.ADDED, WatchEventType.MODIFIED, WatchEventType.DELETED};
        for (int i = 0; i < 200; i++) {
            ObjectNode pod = TestObjects.podLike(i);
            WatchEventType type = types[i % types.length];
            ObjectNode event = MAPPER.createObjectNode().put("type", type.name());
            event.set("object", pod);
            stream.append(MAPPER.writeValueAsString(event)).append(i % 2 == 0 ? "\n" : "\r\n");
            expected.add(WatchEvent.of(type, MAPPER.readValue(MAPPER.writeValueAsString(pod), Obj.class)));
        }
        byte[] body = utf8(stream.toString());
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            assertDecodes(ChunkSource.pooled(randomSplit(body, random, round % 2 == 0 ? 50 : 6000)), expected);
        }
    }

    @Test
    void anEmptyStreamCompletesWithoutEvents() {
        assertDecodes(ChunkSource.pooled(List.of()), List.of());
        assertDecodes(ChunkSource.pooled(whole(utf8("\r\n\n  "))), List.of());
    }

    @Test
    void aStreamCutInsideAnEventFailsAsTruncatedAfterTheEarlierEvents() {
        byte[] body = utf8(ADDED + "\n" + MODIFIED);
        int firstEnd = utf8(ADDED).length;
        for (int length = firstEnd + 2; length < body.length; length++) {
            assertFails(ChunkSource.pooled(bytewise(Arrays.copyOf(body, length))), 1,
                    "The watch stream ended at byte " + length, "watch event that started at byte "
                            + (firstEnd + 1), "truncated");
        }
    }

    @Test
    void aMalformedEventFailsAfterTheEventsBeforeIt() {
        assertFails(ChunkSource.pooled(whole(utf8(ADDED + "\n{\"type\":\"ADDED\",\"object\":{]}\n" + MODIFIED))), 1,
                "Malformed JSON in the watch stream at byte");
    }

    @Test
    void somethingOtherThanAnObjectBetweenEventsFails() {
        assertFails(ChunkSource.pooled(whole(utf8(ADDED + "\n\"hello\"\n"))), 1, "expected a watch event object");
    }

    @Test
    void anUnknownEventTypeFails() {
        assertFails(ChunkSource.pooled(whole(utf8("{\"type\":\"RENAMED\",\"object\":{}}"))), 0,
                "unknown type 'RENAMED'", "byte 0");
    }

    @Test
    void anEventWithoutTypeOrObjectFails() {
        assertFails(ChunkSource.pooled(whole(utf8("{\"object\":{}}"))), 0, "has no 'type'");
        assertFails(ChunkSource.pooled(whole(utf8("{\"type\":\"ADDED\"}"))), 0, "ADDED watch event", "no 'object'");
        assertFails(ChunkSource.pooled(whole(utf8("{\"type\":7,\"object\":{}}"))), 0, "a string for the watch event 'type'");
        assertFails(ChunkSource.pooled(whole(utf8("{\"type\":\"ADDED\",\"object\":null}"))), 0, "is null");
    }

    @Test
    void unknownEnvelopeFieldsAreSkipped() {
        String event = "{\"type\":\"ADDED\",\"extra\":{\"a\":[1,{\"b\":2}]},\"object\":{\"metadata\":{\"name\":\"x\"}},\"more\":3}";
        assertDecodes(ChunkSource.pooled(bytewise(utf8(event))), List.of(
                WatchEvent.of(WatchEventType.ADDED, new Obj(new Meta("x", null, null, null, null), null))));
    }

    @Test
    void anEventLargerThanTheCapFailsAndTheCapCountsTheWholeEnvelope() {
        byte[] event = utf8(MODIFIED);
        JsonStreamDecoder exact = new JsonStreamDecoder(MAPPER, event.length);
        JsonStreamDecoder tooSmall = new JsonStreamDecoder(MAPPER, event.length - 1);
        byte[] body = utf8(MODIFIED + "\n" + MODIFIED + "\n");
        for (int position = 1; position < body.length; position += 5) {
            StepVerifier.create(exact.<Obj>decodeWatch(ChunkSource.pooled(splitAt(body, position)).flux(), OBJ))
                    .expectNextCount(2)
                    .expectComplete()
                    .verify(TIMEOUT);
            ChunkSource source = ChunkSource.pooled(splitAt(body, position));
            StepVerifier.create(tooSmall.<Obj>decodeWatch(source.flux(), OBJ))
                    .expectErrorMessage("The watch event starting at byte 0 of the watch stream exceeds the maximum "
                            + "object size of " + (event.length - 1) + " bytes")
                    .verify(TIMEOUT);
            source.assertAllReleased();
        }
    }

    @Test
    void anObjectThatDoesNotBindFailsNamingTheEvent() {
        String bad = "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":[1]}}";
        assertFails(ChunkSource.pooled(whole(utf8(ADDED + "\n" + bad))), 1,
                "Cannot decode the MODIFIED watch event's object at byte " + (utf8(ADDED).length + 1));
    }
}
