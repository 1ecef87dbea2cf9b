package io.kreactor.rest.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueSpan} on generated JSON values whose length is known, followed by more JSON: strings with escapes,
 * brackets and multi-byte characters inside them, deep and shallow nesting, every kind of scalar, cut into random
 * chunks, so that escapes, words of the eight-byte string loop and value ends fall at every position relative to
 * chunk edges.
 */
class ValueSpanTest {

    private static final String[] STRING_PARTS = {"a", "name", "kube-system", "{", "}", "[", "]", "\\\"", "\\\\",
        "\\/", "\\u00e9", "\\n", "ü", "日本", "😀", ",", ":", " ", "\\\\\\\"", "x\\\\"};

    @Test
    void findsTheEndOfRandomValuesCutIntoRandomChunks() {
        Random random = new Random(42);
        for (int n = 0; n < 4_000; n++) {
            byte[] value = value(random, random.nextInt(6)).getBytes(StandardCharsets.UTF_8);
            byte[] body = concat(value, ",{\"after\":[1]}]".getBytes(StandardCharsets.UTF_8));
            Scanned scanned = scan(body, chunks(random, body.length));

            assertThat(scanned.end).as("end of %s", new String(value, StandardCharsets.UTF_8)).isEqualTo(value.length);
            assertThat(scanned.bytes).isEqualTo(value);
            assertThat(scanned.mismatched).isFalse();
        }
    }

    @Test
    void aContainerClosedByTheOtherBracketIsReported() {
        List<String> mismatched = List.of("{\"a\":[1,{\"b\":\"]}\"}]]", "[\"}\",{\"c\":[]}}",
                "{\"long string, long string\":1]");
        for (String json : mismatched) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            Scanned scanned = scan(body, List.of(body.length));

            assertThat(scanned.end).isEqualTo(body.length);
            assertThat(scanned.mismatched).as(json).isTrue();
        }
    }

    @Test
    void aTopLevelStringEndsAtItsClosingQuoteInAnyChunking() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            byte[] value = string(random, 1 + random.nextInt(40)).getBytes(StandardCharsets.UTF_8);
            byte[] body = concat(value, ":\"next\"".getBytes(StandardCharsets.UTF_8));
            Scanned scanned = scan(body, chunks(random, body.length));

            assertThat(scanned.end).isEqualTo(value.length);
            assertThat(scanned.bytes).isEqualTo(value);
        }
    }

    /** What one value's scan found: where it ended in the body, its kept bytes, whether brackets mismatched. */
    private record Scanned(long end, byte[] bytes, boolean mismatched) {
    }

    private static Scanned scan(byte[] body, List<Integer> chunkSizes) {
        ValueSpan span = new ValueSpan();
        long chunkStart = 0;
        boolean begun = false;
        for (int size : chunkSizes) {
            byte[] chunk = Arrays.copyOfRange(body, (int) chunkStart, (int) chunkStart + size);
            int from = 0;
            if (!begun) {
                span.begin(JsonValueKind.startingWith(chunk[0]), 0, true, chunk, 0);
                begun = true;
                from = 1;
            }
            int end = span.scan(chunk, from, chunk.length);
            if (end >= 0) {
                byte[] kept = Arrays.copyOfRange(span.array(), span.offset(), span.offset() + span.length());
                return new Scanned(chunkStart + end, kept, span.mismatched());
            }
            chunkStart += size;
        }
        throw new AssertionError("the value did not end in " + new String(body, StandardCharsets.UTF_8));
    }

    /** Chunk sizes adding up to {@code length}: mostly small, so edges fall everywhere, sometimes large. */
    private static List<Integer> chunks(Random random, int length) {
        List<Integer> sizes = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int size = Math.min(left, random.nextInt(4) == 0 ? 1 + random.nextInt(200) : 1 + random.nextInt(12));
            sizes.add(size);
            left -= size;
        }
        return sizes;
    }

    private static String value(Random random, int depth) {
        int pick = depth == 0 ? 2 + random.nextInt(4) : random.nextInt(6);
        switch (pick) {
            case 0: {
                StringBuilder object = new StringBuilder("{");
                int fields = random.nextInt(6);
                for (int f = 0; f < fields; f++) {
                    object.append(f == 0 ? "" : ",").append(random.nextBoolean() ? " " : "")
                            .append(string(random, random.nextInt(12))).append(':').append(value(random, depth - 1));
                }
                return object.append('}').toString();
            }
            case 1: {
                StringBuilder array = new StringBuilder("[");
                int items = random.nextInt(6);
                for (int v = 0; v < items; v++) {
                    array.append(v == 0 ? "" : ",").append(value(random, depth - 1));
                }
                return array.append(']').toString();
            }
            case 2:
            case 3:
                return string(random, random.nextInt(30));
            case 4:
                return random.nextBoolean() ? "-12.5e3" : Integer.toString(random.nextInt(100_000));
            default:
                return random.nextBoolean() ? "true" : "null";
        }
    }

    private static String string(Random random, int parts) {
        StringBuilder string = new StringBuilder("\"");
        for (int p = 0; p < parts; p++) {
            string.append(STRING_PARTS[random.nextInt(STRING_PARTS.length)]);
        }
        return string.append('"').toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
