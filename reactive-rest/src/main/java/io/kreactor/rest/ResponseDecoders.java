package io.kreactor.rest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.Status;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.transport.TransportRequest;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/** Decodes LIST and WATCH response bodies into {@link ListElement}s and {@link WatchEvent}s. */
final class ResponseDecoders {

    private ResponseDecoders() {
    }

    static <T> Flux<ListElement<T>> list(Flux<ByteBuf> body, JavaType itemType, ObjectMapper mapper, int maxBytes,
                                         TransportRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return body.doOnNext(buf -> {
            if (out.size() + buf.readableBytes() > maxBytes) {
                throw new TransportException(request.describe() + ": list response exceeds " + maxBytes + " bytes");
            }
            byte[] chunk = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), chunk);
            out.write(chunk, 0, chunk.length);
        }).thenMany(Flux.defer(() -> {
            List<ListElement<T>> elements = new ArrayList<>();
            try {
                JsonNode root = mapper.readTree(out.toByteArray());
                elements.add(new ListElement.Metadata<>(root.has("metadata")
                        ? mapper.treeToValue(root.get("metadata"), ListMeta.class) : new ListMeta(null, null, null)));
                for (JsonNode item : root.path("items")) {
                    T value = mapper.treeToValue(item, itemType);
                    elements.add(new ListElement.Item<>(value));
                }
            } catch (IOException | IllegalArgumentException e) {
                return Flux.error(new TransportException(request.describe() + ": cannot decode list: " + e.getMessage(), e));
            }
            return Flux.fromIterable(elements);
        }));
    }

    static <T> Flux<WatchEvent<T>> watch(Flux<ByteBuf> body, JavaType objectType, ObjectMapper mapper, int maxBytes,
                                         TransportRequest request) {
        return Flux.defer(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            // Each buffer is only valid during onNext: split it into events right there, queue only the events.
            return body.map(buf -> {
                List<WatchEvent<T>> events = new ArrayList<>();
                for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
                    byte b = buf.getByte(i);
                    if (b == '\n') {
                        if (line.size() > 0) {
                            events.add(event(line.toByteArray(), objectType, mapper, request));
                            line.reset();
                        }
                    } else {
                        if (line.size() >= maxBytes) {
                            throw new TransportException(request.describe() + ": watch event exceeds " + maxBytes + " bytes");
                        }
                        line.write(b);
                    }
                }
                return events;
            }).concatMapIterable(events -> events, 1);
        });
    }

    private static <T> WatchEvent<T> event(byte[] line, JavaType objectType, ObjectMapper mapper, TransportRequest request) {
        try {
            JsonNode node = mapper.readTree(line);
            WatchEventType type = WatchEventType.valueOf(node.path("type").asText());
            if (type == WatchEventType.ERROR) {
                return WatchEvent.error(mapper.treeToValue(node.get("object"), Status.class));
            }
            return WatchEvent.of(type, mapper.treeToValue(node.get("object"), objectType));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new TransportException(request.describe() + ": cannot decode watch event: " + e.getMessage(), e);
        }
    }
}
