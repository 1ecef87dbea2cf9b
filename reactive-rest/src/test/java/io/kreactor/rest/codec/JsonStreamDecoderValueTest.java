package io.kreactor.rest.codec;

import static io.kreactor.rest.codec.ChunkSource.bytewise;
import static io.kreactor.rest.codec.ChunkSource.splitAt;
import static io.kreactor.rest.codec.ChunkSource.utf8;
import static io.kreactor.rest.codec.ChunkSource.whole;
import static io.kreactor.rest.codec.TestObjects.MAPPER;
import static io.kreactor.rest.codec.TestObjects.OBJ;
import static io.kreactor.rest.codec.TestObjects.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.Status;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.codec.TestObjects.Obj;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class JsonStreamDecoderValueTest {

    private static final String STATUS = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
            "message":"pods \\"ü-日本-😀\\" not found","reason":"NotFound",\
            "details":{"name":"ü-日本-😀","kind":"pods"},"code":404}
            """;

    private final JsonStreamDecoder decoder = new JsonStreamDecoder(MAPPER, 1 << 20);
    private final JavaType statusType = MAPPER.constructType(Status.class);

    @Test
    void decodesAValueSplitAtEveryBytePosition() throws Exception {
        Status expected = MAPPER.readValue(STATUS, Status.class);
        assertThat(expected.details().name()).isEqualTo("ü-日本-😀");
        byte[] body = utf8(STATUS);
        for (int position = 1; position < body.length; position++) {
            ChunkSource source = ChunkSource.pooled(splitAt(body, position));
            StepVerifier.create(decoder.<Status>decodeValue(source.flux(), statusType))
                    .expectNext(expected)
                    .expectComplete()
                    .verify(TIMEOUT);
            source.assertAllReleased();
        }
    }

    @Test
    void decodesATopLevelNumberThatOnlyTheEndOfTheBodyCompletes() {
        ChunkSource source = ChunkSource.pooled(bytewise(utf8("12345")));
        StepVerifier.create(decoder.<Integer>decodeValue(source.flux(), MAPPER.constructType(Integer.class)))
                .expectNext(12345)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void decodesTopLevelArraysAndStrings() {
        JavaType listOfMaps = MAPPER.getTypeFactory().constructCollectionType(List.class, Map.class);
        StepVerifier.create(decoder.<List<Map<String, Object>>>decodeValue(
                        ChunkSource.pooled(bytewise(utf8(" [{\"a\":\"ü\"},{}] "))).flux(), listOfMaps))
                .expectNext(List.of(Map.of("a", "ü"), Map.of()))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(decoder.<String>decodeValue(
                        ChunkSource.pooled(bytewise(utf8("\"日本\""))).flux(), MAPPER.constructType(String.class)))
                .expectNext("日本")
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anEmptyBodyCompletesEmpty() {
        StepVerifier.create(decoder.<Obj>decodeValue(ChunkSource.pooled(List.of()).flux(), OBJ))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(decoder.<Obj>decodeValue(ChunkSource.pooled(whole(utf8(" \r\n"))).flux(), OBJ))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void contentAfterTheValueFails() {
        ChunkSource source = ChunkSource.pooled(whole(utf8("{\"metadata\":{}} {\"metadata\":{}}")));
        StepVerifier.create(decoder.<Obj>decodeValue(source.flux(), OBJ))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageContaining("expected the end of the body after the JSON value but found an object"))
                .verify(TIMEOUT);
        source.assertAllReleased();
    }

    @Test
    void aNullValueFails() {
        StepVerifier.create(decoder.<Obj>decodeValue(ChunkSource.pooled(whole(utf8("null"))).flux(), OBJ))
                .expectErrorMessage("The response body value at byte 0 is null")
                .verify(TIMEOUT);
    }

    @Test
    void aValueOverTheCapFailsWithoutReadingTheRestOfTheBody() {
        String big = "{\"metadata\":{\"name\":\"" + "x".repeat(10_000) + "\"}}";
        JsonStreamDecoder capped = new JsonStreamDecoder(MAPPER, 1000);
        ChunkSource source = ChunkSource.pooled(ChunkSource.randomSplit(utf8(big), new java.util.Random(5), 100));

        StepVerifier.create(capped.<Obj>decodeValue(source.flux(), OBJ))
                .expectErrorMessage("The JSON value starting at byte 0 of the response body exceeds the maximum "
                        + "object size of 1000 bytes")
                .verify(TIMEOUT);
        assertThat(source.deliveredBytes()).isLessThanOrEqualTo(1100);
        assertThat(source.cancelled()).isTrue();
        source.assertAllReleased();
    }

    @Test
    void aTruncatedValueFailsNamingWhereItEnded() {
        byte[] body = utf8(STATUS.strip());
        for (int length = 1; length < body.length; length++) {
            ChunkSource source = ChunkSource.pooled(whole(Arrays.copyOf(body, length)));
            int cut = length;
            StepVerifier.create(decoder.<Status>decodeValue(source.flux(), statusType))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                            .hasMessageStartingWith("The response body ended at byte " + cut)
                            .hasMessageContaining("truncated"))
                    .verify(TIMEOUT);
            source.assertAllReleased();
        }
    }

    @Test
    void aNonPositiveCapIsRejected() {
        assertThatThrownBy(() -> new JsonStreamDecoder(MAPPER, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxObjectSizeBytes must be positive, was 0");
    }
}
