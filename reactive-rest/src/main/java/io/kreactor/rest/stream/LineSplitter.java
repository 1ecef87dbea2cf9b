package io.kreactor.rest.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Splits a stream of byte chunks into UTF-8 lines. Splitting happens on the byte {@code '\n'}, which never occurs
 * inside a multi-byte UTF-8 sequence, and a line is decoded only once complete, so a character cut across two
 * chunks is decoded whole. The line terminator is dropped; a last line without one is emitted when the stream
 * ends. Demand flows through: one chunk is read per line requested, at most.
 */
final class LineSplitter {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private LineSplitter() {
    }

    /** The lines of {@code chunks}; each subscription splits with its own buffer. */
    static Flux<String> lines(Flux<byte[]> chunks) {
        return Flux.defer(() -> {
            LineSplitter splitter = new LineSplitter();
            return chunks.concatMapIterable(splitter::feed, 1)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(splitter.rest())));
        });
    }

    private List<String> feed(byte[] chunk) {
        List<String> lines = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                pending.write(chunk, start, i - start);
                lines.add(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
                start = i + 1;
            }
        }
        pending.write(chunk, start, chunk.length - start);
        return lines;
    }

    private List<String> rest() {
        return pending.size() == 0 ? List.of() : List.of(pending.toString(StandardCharsets.UTF_8));
    }
}
