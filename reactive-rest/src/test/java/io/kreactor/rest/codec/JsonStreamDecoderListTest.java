package io.kreactor.rest.codec;

import static io.kreactor.rest.codec.ChunkSource.bytewise;
import static io.kreactor.rest.codec.ChunkSource.randomSplit;
import static io.kreactor.rest.codec.ChunkSource.splitAt;
import static io.kreactor.rest.codec.ChunkSource.utf8;
import static io.kreactor.rest.codec.ChunkSource.whole;
import static io.kreactor.rest.codec.TestObjects.MAPPER;
import static io.kreactor.rest.codec.TestObjects.MODEL;
import static io.kreactor.rest.codec.TestObjects.OBJ;
import static io.kreactor.rest.codec.TestObjects.SMALL_LIST;
import static io.kreactor.rest.codec.TestObjects.TIMEOUT;
import static io.kreactor.rest.codec.TestObjects.expectedList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.ListElement;
import io.kreactor.rest.codec.TestObjects.Model;
import io.kreactor.rest.codec.TestObjects.Obj;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

class JsonStreamDecoderListTest {

    private final JsonStreamDecoder decoder = new JsonStreamDecoder(MAPPER, 1 << 20);

    private void assertDecodes(ChunkSource source, List<ListElement<Obj>> expected) {
        StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                .expectNextSequence(expected)
                .expectComplete()
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    private void assertFails(ChunkSource source, String... messageParts) {
        StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                .thenConsumeWhile(element -> true)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .message().contains(messageParts))
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    @Test
    void emitsMetadataThenEveryItemInBodyOrder() {
        List<ListElement<Obj>> expected = expectedList(SMALL_LIST);
        assertThat(expected).hasSize(3);
        assertThat(expected.get(0)).isEqualTo(new ListElement.Metadata<Obj>(new ListMeta("42", "c-ü", null)));

        assertDecodes(ChunkSource.pooled(whole(utf8(SMALL_LIST))), expected);
    }

    @Test
    void decodesTheSameWhenSplitAtEveryBytePosition() {
        byte[] body = utf8(SMALL_LIST);
        List<ListElement<Obj>> expected = expectedList(SMALL_LIST);
        for (int position = 1; position < body.length; position++) {
            assertDecodes(ChunkSource.pooled(splitAt(body, position)), expected);
        }
    }

    @Test
    void decodesTheSameWhenEveryByteArrivesAlone() {
        assertDecodes(ChunkSource.unpooled(bytewise(utf8(SMALL_LIST))), expectedList(SMALL_LIST));
    }

    @Test
    void decodesTheSameWhenSplitAtTwoPositionsInsideMultiByteCharacters() {
        byte[] body = utf8(SMALL_LIST);
        List<ListElement<Obj>> expected = expectedList(SMALL_LIST);
        // every split pair that cuts a multi-byte character (bytes >= 0x80) somewhere
        for (int first = 1; first < body.length; first++) {
            if (body[first] >= 0) {
                continue;
            }
            for (int second = first + 1; second < body.length; second += 7) {
                assertDecodes(ChunkSource.pooled(splitAt(body, first, second)), expected);
            }
        }
    }

    @Test
    void decodesALargeListOfPodSizedItemsSplitAtRandomPositions() {
        byte[] body = TestObjects.podLikeList(300);
        List<ListElement<Obj>> expected = expectedList(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        Random random = new Random(20240601L);
        for (int round = 0; round < 20; round++) {
            int maxChunk = round % 2 == 0 ? 64 : 8192;
            assertDecodes(ChunkSource.pooled(randomSplit(body, random, maxChunk)), expected);
        }
    }

    @Test
    void decodesScalarItemsIncludingANumberThatEndsAChunk() {
        String body = "{\"items\":[\"ü\",12,\"😀\",3.5]}";
        byte[] bytes = utf8(body);
        var type = MAPPER.constructType(Object.class);
        for (int position = 1; position < bytes.length; position++) {
            ChunkSource source = ChunkSource.pooled(splitAt(bytes, position));
            StepVerifier.create(decoder.<Object>decodeList(source.flux(), type))
                    .expectNext(new ListElement.Item<>("ü"), new ListElement.Item<>(12), new ListElement.Item<>("😀"),
                            new ListElement.Item<>(3.5))
                    .expectComplete()
                    .verify(TIMEOUT);
            source.assertAllReleased();
        }
    }

    /** Reads its value through the parser's codec, as fabric8's {@code Quantity} deserializer does. */
    static final class CodecReadingDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.getCodec().readTree(parser);
            return "amount=" + node.get("amount").asText();
        }
    }

    /** An item with a field bound by {@link CodecReadingDeserializer}. */
    record Limits(@JsonDeserialize(using = CodecReadingDeserializer.class) String memory) {
    }

    @Test
    void deserializersThatReadThroughTheParsersCodecWork() {
        String body = "{\"items\":[{\"memory\":{\"amount\":\"512Mi\"}}]}";
        StepVerifier.create(decoder.<Limits>decodeList(ChunkSource.pooled(bytewise(utf8(body))).flux(),
                        MAPPER.constructType(Limits.class)))
                .expectNext(new ListElement.Item<>(new Limits("amount=512Mi")))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void emitsMetadataAfterTheItemsWhenTheBodyPutsItLast() {
        String body = """
                {"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}],"kind":"List",\
                "metadata":{"resourceVersion":"7","remainingItemCount":3}}""";
        List<ListElement<Obj>> expected = expectedList(body);
        assertThat(expected.get(2)).isInstanceOf(ListElement.Metadata.class);
        assertThat(((ListElement.Metadata<Obj>) expected.get(2)).meta().remainingItemCount()).isEqualTo(3L);

        assertDecodes(ChunkSource.pooled(bytewise(utf8(body))), expected);
    }

    @Test
    void anEmptyItemsArrayEmitsOnlyTheMetadata() {
        String body = "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"5\"},\"items\":[]}";
        assertDecodes(ChunkSource.pooled(whole(utf8(body))),
                List.of(new ListElement.Metadata<>(new ListMeta("5", null, null))));
    }

    @Test
    void nullItemsIsAnEmptyList() {
        String body = "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"5\"},\"items\":null}";
        assertDecodes(ChunkSource.pooled(whole(utf8(body))),
                List.of(new ListElement.Metadata<>(new ListMeta("5", null, null))));
    }

    @Test
    void aListWithoutMetadataOrItemsCompletesEmpty() {
        assertDecodes(ChunkSource.pooled(whole(utf8("{\"kind\":\"PodList\",\"metadata\":null} \n"))), List.of());
    }

    @Test
    void anEmptyBodyFails() {
        assertFails(ChunkSource.pooled(List.of()), "list response body", "empty");
        assertFails(ChunkSource.pooled(whole(utf8("  \r\n"))), "list response body", "empty");
    }

    @Test
    void aBodyThatIsNotAnObjectFails() {
        assertFails(ChunkSource.pooled(whole(utf8("[{\"metadata\":{}}]"))), "expected a JSON object", "an array");
    }

    @Test
    void itemsThatAreNotAnArrayFail() {
        assertFails(ChunkSource.pooled(whole(utf8("{\"items\":{\"a\":1}}"))), "'items'", "byte 9");
    }

    @Test
    void malformedJsonFailsWithTheByteOffsetAndAShortExcerptAfterTheItemsBeforeIt() {
        String good = "{\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[{\"metadata\":{\"name\":\"a\"}},";
        String secret = "x".repeat(500);
        String body = good + "{\"metadata\":{\"name\":\"b\"},,\"data\":\"" + secret + "\"}]}";
        ChunkSource source = ChunkSource.pooled(whole(utf8(body)));

        StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                .expectNextCount(2)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TransportException.class);
                    assertThat(e.getMessage())
                            .contains("Malformed JSON in the list response body at byte")
                            .contains("near '")
                            .doesNotContain("x".repeat(Excerpts.RADIUS * 2 + 1))
                            .hasSizeLessThan(400);
                })
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    @Test
    void theEnvelopeIsCheckedAgainstJsonGrammarAtEverySplit() {
        String[][] cases = {
                {"{\"items\" []}", "an array where ':' was expected"},
                {"{\"items\":[],}", "'}' where a field name was expected"},
                {"{\"items\":[{},,{}]}", "',' where a value was expected"},
                {"{\"kind\":\"List\" \"items\":[]}", "a string where ',' or the end"},
                {"{\"items\":[{}]]", "']' where"},
                {"{\"kind\":{\"a\":[1}],\"items\":[]}", "closing bracket that does not match the one at byte 8"},
                {"{\"items\":[{}] @}", "unexpected character '@'"},
        };
        for (String[] c : cases) {
            byte[] body = utf8(c[0]);
            for (int position = 1; position < body.length; position++) {
                assertFails(ChunkSource.pooled(splitAt(body, position)), "Malformed JSON in the list response body",
                        c[1]);
            }
        }
    }

    @Test
    void escapedFieldNamesOfTheEnvelopeAreDecoded() {
        String body = "{\"\\u006detadata\":{\"resourceVersion\":\"9\"},\"it\\u0065ms\":[{\"metadata\":{\"name\":\"a\"}}]}";
        byte[] bytes = utf8(body);
        for (int position = 1; position < bytes.length; position++) {
            StepVerifier.create(decoder.<Obj>decodeList(ChunkSource.pooled(splitAt(bytes, position)).flux(), OBJ))
                    .expectNext(new ListElement.Metadata<>(new ListMeta("9", null, null)))
                    .assertNext(e -> assertThat(((ListElement.Item<Obj>) e).item().metadata().name()).isEqualTo("a"))
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aSubscriberContextAskingForSharedStringsGetsOneInstancePerRepeatedValue() {
        byte[] body = utf8("{\"items\":[{\"metadata\":{\"name\":\"a\",\"namespace\":\"team-x\",\"labels\":{\"app\":\"web\"}}},"
                + "{\"metadata\":{\"name\":\"b\",\"namespace\":\"team-x\",\"labels\":{\"app\":\"web\"}}}]}");

        List<Obj> shared = decoder.<Obj>decodeList(ChunkSource.pooled(splitAt(body, 40)).flux(), OBJ)
                .map(e -> ((ListElement.Item<Obj>) e).item())
                .contextWrite(JsonStreamDecoder.sharingStrings())
                .collectList().block(TIMEOUT);
        assertThat(shared).extracting(o -> o.metadata().name()).containsExactly("a", "b");
        assertThat(shared.get(1).metadata().namespace()).isEqualTo("team-x").isSameAs(shared.get(0).metadata().namespace());
        assertThat(shared.get(1).metadata().labels().get("app")).isSameAs(shared.get(0).metadata().labels().get("app"));

        List<Obj> plain = decoder.<Obj>decodeList(ChunkSource.pooled(whole(body)).flux(), OBJ)
                .map(e -> ((ListElement.Item<Obj>) e).item())
                .collectList().block(TIMEOUT);
        assertThat(plain.get(1).metadata().namespace()).isEqualTo("team-x").isNotSameAs(plain.get(0).metadata().namespace());
    }

    private List<Model> decodeModels(byte[] body, Function<Context, Context> context) {
        List<Model> models = new ArrayList<>();
        ChunkSource source = ChunkSource.pooled(splitAt(body, 40));
        StepVerifier.create(decoder.<Model>decodeList(source.flux(), MODEL)
                        .map(e -> ((ListElement.Item<Model>) e).item())
                        .contextWrite(context))
                .recordWith(() -> models)
                .expectNextCount(3)
                .expectComplete()
                .verify(TIMEOUT);
        source.assertAllReleased();
        return models;
    }

    @Test
    void aSubscriberContextAskingForSharingGivesEveryEmptyAdditionalPropertiesTheOneSharedMap() {
        byte[] body = utf8("{\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}},"
                + "{\"metadata\":{\"name\":\"c\",\"fromTheFuture\":1}}]}");

        List<Model> shared = decodeModels(body, JsonStreamDecoder.sharingStrings());
        assertThat(shared).extracting(m -> m.getMetadata().getName()).containsExactly("a", "b", "c");
        Map<String, Object> one = shared.get(0).getAdditionalProperties();
        assertThat(one).isEmpty();
        assertThat(shared.get(0).getMetadata().getAdditionalProperties()).isSameAs(one);
        assertThat(shared.get(1).getAdditionalProperties()).isSameAs(one);
        assertThat(shared.get(1).getMetadata().getAdditionalProperties()).isSameAs(one);
        assertThat(shared.get(2).getAdditionalProperties()).isSameAs(one);
        assertThat(shared.get(2).getMetadata().getAdditionalProperties()).isInstanceOf(LinkedHashMap.class)
                .containsExactly(Map.entry("fromTheFuture", 1));

        List<Model> plain = decodeModels(body, Function.identity());
        assertThat(plain).extracting(m -> m.getMetadata().getName()).containsExactly("a", "b", "c");
        Set<Map<String, Object>> plainMaps = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Model m : plain) {
            plainMaps.add(m.getAdditionalProperties());
            plainMaps.add(m.getMetadata().getAdditionalProperties());
        }
        assertThat(plainMaps).hasSize(6).allSatisfy(map -> assertThat(map).isInstanceOf(LinkedHashMap.class));
    }

    @Test
    void decodersOverOneMapperShareOneStringSharingMapper() {
        // Two clients, two decoders: the string-sharing mapper (and the deserializers it has built) is made once
        // per base mapper, not once per client, so a new client's first informer does not build them again.
        byte[] body = utf8("{\"items\":[{\"metadata\":{\"name\":\"a\",\"namespace\":\"team-y\",\"labels\":{\"tier\":\"db\"}}}]}");
        JsonStreamDecoder other = new JsonStreamDecoder(MAPPER, 1 << 20);

        Obj first = decoder.<Obj>decodeList(ChunkSource.pooled(whole(body)).flux(), OBJ)
                .map(e -> ((ListElement.Item<Obj>) e).item())
                .contextWrite(JsonStreamDecoder.sharingStrings())
                .blockLast(TIMEOUT);
        Obj second = other.<Obj>decodeList(ChunkSource.pooled(whole(body)).flux(), OBJ)
                .map(e -> ((ListElement.Item<Obj>) e).item())
                .contextWrite(JsonStreamDecoder.sharingStrings())
                .blockLast(TIMEOUT);

        assertThat(second.metadata().namespace()).isEqualTo("team-y").isSameAs(first.metadata().namespace());
        assertThat(second.metadata().labels().get("tier")).isSameAs(first.metadata().labels().get("tier"));
    }

    @Test
    void aBodyCutOffAtAnyPositionFailsAsTruncated() {
        byte[] body = utf8(SMALL_LIST.strip());
        for (int length = 1; length < body.length; length++) {
            byte[] prefix = java.util.Arrays.copyOf(body, length);
            assertFails(ChunkSource.pooled(bytewise(prefix)), "ended at byte " + length, "truncated");
        }
    }

    @Test
    void contentAfterTheListObjectFails() {
        assertFails(ChunkSource.pooled(whole(utf8("{\"items\":[]} {}"))), "after the list object");
    }

    @Test
    void anItemLargerThanTheCapFailsNamingTheCapAndOffset() {
        String item = "{\"metadata\":{\"name\":\"" + "n".repeat(100) + "\"}}";
        String body = "{\"items\":[" + item + "]}";
        JsonStreamDecoder small = new JsonStreamDecoder(MAPPER, item.length() - 1);
        byte[] bytes = utf8(body);
        for (int position = 1; position < bytes.length; position += 3) {
            ChunkSource source = ChunkSource.pooled(splitAt(bytes, position));
            StepVerifier.create(small.<Obj>decodeList(source.flux(), OBJ))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class).hasMessage(
                            "The list item starting at byte 10 of the list response body exceeds the maximum "
                                    + "object size of " + (item.length() - 1) + " bytes"))
                    .verify(TIMEOUT);
            source.assertAllReleased();
        }
    }

    @Test
    void anItemOfExactlyTheCapPasses() {
        String item = "{\"metadata\":{\"name\":\"" + "n".repeat(100) + "\"}}";
        String body = "{\"items\":[" + item + "," + item + "]}";
        JsonStreamDecoder exact = new JsonStreamDecoder(MAPPER, item.length());
        byte[] bytes = utf8(body);
        for (int position = 1; position < bytes.length; position += 3) {
            ChunkSource source = ChunkSource.pooled(splitAt(bytes, position));
            StepVerifier.create(exact.<Obj>decodeList(source.flux(), OBJ))
                    .expectNextCount(2)
                    .expectComplete()
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aHugeItemFailsBeforeItIsFullyReceived() {
        byte[] body = TestObjects.podLikeList(50);
        JsonStreamDecoder small = new JsonStreamDecoder(MAPPER, 64);
        ChunkSource source = ChunkSource.pooled(ChunkSource.randomSplit(body, new Random(1), 32));

        int firstItem = new String(body, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"items\":[") + 9;

        StepVerifier.create(small.<Obj>decodeList(source.flux(), OBJ))
                .expectNextCount(1)
                .expectErrorMessage("The list item starting at byte " + firstItem + " of the list response body "
                        + "exceeds the maximum object size of 64 bytes")
                .verify(TIMEOUT);
        assertThat(source.deliveredBytes()).as("bytes read before failing: the item's start, the cap, one chunk")
                .isLessThanOrEqualTo(firstItem + 64 + 32);
        assertThat(source.cancelled()).isTrue();
        source.assertAllReleased();
    }

    @Test
    void anItemThatDoesNotBindFailsNamingTheTypeAndOffset() {
        String body = "{\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":{\"x\":1}}}]}";
        ChunkSource source = ChunkSource.pooled(whole(utf8(body)));

        StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                .expectNextCount(1)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageStartingWith("Cannot decode the list item at byte 36 as [simple type, class "
                                + Obj.class.getName() + "]"))
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    @Test
    void anUpstreamErrorArrivesAfterTheItemsCompletedBeforeIt() {
        String body = "{\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":";
        IOException reset = new IOException("connection reset");
        ChunkSource source = ChunkSource.failingAfter(whole(utf8(body)), reset);

        StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                .expectNextCount(1)
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(reset))
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    @Test
    void everySubscriptionDecodesAfresh() throws IOException {
        byte[] body = utf8(SMALL_LIST);
        ChunkSource source = ChunkSource.pooled(splitAt(body, 50, 100));
        var list = decoder.<Obj>decodeList(source.flux(), OBJ);
        StepVerifier.create(list).expectNextCount(3).expectComplete().verify(TIMEOUT);
        StepVerifier.create(list).expectNextCount(3).expectComplete().verify(TIMEOUT);
        source.assertAllReleased();
        assertThat(MAPPER.readTree(body).get("items")).hasSize(2);
    }
}
