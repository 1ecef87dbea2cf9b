package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.KubernetesJson;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/** Raw HTTP against an embedded server, non-blocking, for checking exact status codes and bodies. */
final class RawApi {

    static final ObjectMapper MAPPER = KubernetesJson.mapper();

    /** A response: status code, parsed JSON body (null when empty or not JSON), headers, raw text. */
    record Reply(int status, JsonNode body, HttpHeaders headers, String text) {
        ObjectNode object() {
            return (ObjectNode) body;
        }

        String rv() {
            return body.path("metadata").path("resourceVersion").asText();
        }
    }

    private final HttpClient http;

    RawApi(EmbeddedApiServer server) {
        // Unpooled buffers for the same reason as the server: the adaptive allocator's lock parks event loops.
        this.http = HttpClient.create().option(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .baseUrl(server.url().toString());
    }

    Mono<Reply> get(String path) {
        return send(HttpMethod.GET, path, null, null, null);
    }

    Mono<Reply> get(String path, String accept) {
        return send(HttpMethod.GET, path, null, null, accept);
    }

    Mono<Reply> post(String path, String json) {
        return send(HttpMethod.POST, path, json, "application/json", null);
    }

    Mono<Reply> put(String path, String json) {
        return send(HttpMethod.PUT, path, json, "application/json", null);
    }

    Mono<Reply> patch(String path, String contentType, String body) {
        return send(HttpMethod.PATCH, path, body, contentType, null);
    }

    Mono<Reply> delete(String path) {
        return send(HttpMethod.DELETE, path, null, null, null);
    }

    Mono<Reply> delete(String path, String json) {
        return send(HttpMethod.DELETE, path, json, "application/json", null);
    }

    private Mono<Reply> send(HttpMethod method, String path, String body, String contentType, String accept) {
        HttpClient client = http.headers(h -> {
            if (contentType != null) {
                h.set("Content-Type", contentType);
            }
            if (accept != null) {
                h.set("Accept", accept);
            }
        });
        return client.request(method).uri(path)
                .send(body == null ? ByteBufFlux.fromString(Mono.empty())
                        : ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((res, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> new Reply(res.status().code(), parse(text), res.responseHeaders(), text)));
    }

    /** The events of a watch, one parsed JSON object per line, until the server ends the stream. */
    Flux<JsonNode> watch(String path) {
        return http.get().uri(path).response((res, content) -> {
            if (res.status().code() != 200) {
                return content.aggregate().asString()
                        .flatMapMany(text -> Flux.error(new IllegalStateException(res.status() + " " + text)));
            }
            return lines(content.asString(StandardCharsets.UTF_8));
        }).map(RawApi::parse);
    }

    /** Splits a text stream into lines, whatever the chunking. */
    static Flux<String> lines(Flux<String> chunks) {
        StringBuilder pending = new StringBuilder();
        return chunks.concatMapIterable(chunk -> {
            pending.append(chunk);
            List<String> lines = new ArrayList<>();
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                lines.add(pending.substring(0, newline));
                pending.delete(0, newline + 1);
            }
            return lines;
        });
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("["))) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String configMap(String name, String labels, String data) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{"
                + labels + "}},\"data\":{" + data + "}}";
    }
}
