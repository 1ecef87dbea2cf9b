package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code GET /api/v1/namespaces/{ns}/pods/{name}/log}: the container's lines from {@link PodLogs} as
 * {@code text/plain}, with the kubelet's options: {@code container} (required when the pod has several),
 * {@code follow}, {@code tailLines}, {@code sinceSeconds}/{@code sinceTime}, {@code timestamps} (RFC 3339 with
 * nanoseconds before each line) and {@code limitBytes} (the stream stops after that many bytes).
 */
final class LogHandler {

    private final ServerState state;
    private final PodLogs logs;

    LogHandler(ServerState state, PodLogs logs) {
        this.state = state;
        this.logs = logs;
    }

    Mono<Void> handle(ResourceRequest request, HttpServerResponse response) {
        ObjectNode pod = state.store.get(request.groupResource(), request.key(request.name()));
        if (pod == null) {
            throw ApiError.notFound(request.type(), request.name());
        }
        String container = container(pod, request.param("container"));
        long tail = longParam(request, "tailLines", -1);
        long limitBytes = longParam(request, "limitBytes", -1);
        Instant since = since(request);
        boolean timestamps = request.flag("timestamps");
        PodLogs.ContainerLog log = logs.log(request.namespace(), request.name(), container);
        List<PodLogs.Line> existing = new ArrayList<>();
        Flux<PodLogs.Line> live = request.flag("follow") ? log.follow(existing) : Flux.empty();
        if (!request.flag("follow")) {
            existing.addAll(log.snapshot());
        }
        List<PodLogs.Line> selected = new ArrayList<>();
        for (PodLogs.Line line : existing) {
            if (since == null || !line.time().isBefore(since)) {
                selected.add(line);
            }
        }
        if (tail >= 0 && selected.size() > tail) {
            selected = selected.subList(selected.size() - (int) tail, selected.size());
        }
        AtomicLong budget = new AtomicLong(limitBytes < 0 ? Long.MAX_VALUE : limitBytes);
        Flux<ByteBuf> body = Flux.fromIterable(selected).concatWith(live)
                .map(line -> format(line, timestamps))
                .takeWhile(bytes -> budget.get() > 0)
                .map(bytes -> {
                    long left = budget.getAndAdd(-bytes.length);
                    return left >= bytes.length ? bytes : java.util.Arrays.copyOf(bytes, (int) left);
                })
                .map(Unpooled::wrappedBuffer);
        return response.header("Content-Type", "text/plain").sendHeaders().send(body, buf -> true).then();
    }

    private static byte[] format(PodLogs.Line line, boolean timestamps) {
        String text = timestamps ? DateTimeFormatter.ISO_INSTANT.format(line.time()) + " " + line.text() : line.text();
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String container(ObjectNode pod, String requested) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : pod.path("spec").path("containers")) {
            names.add(c.path("name").asText());
        }
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            names.add(c.path("name").asText());
        }
        String podName = Json.name(pod);
        if (requested == null || requested.isEmpty()) {
            if (names.size() == 1) {
                return names.get(0);
            }
            throw ApiError.badRequest("a container name must be specified for pod " + podName + ", choose one of: "
                    + names.toString().replace(",", ""));
        }
        if (!names.contains(requested)) {
            throw ApiError.badRequest("container " + requested + " is not valid for pod " + podName);
        }
        return requested;
    }

    private Instant since(ResourceRequest request) {
        long seconds = longParam(request, "sinceSeconds", -1);
        String sinceTime = request.param("sinceTime");
        if (seconds >= 0 && sinceTime != null) {
            throw ApiError.badRequest("at most one of sinceTime or sinceSeconds may be specified");
        }
        if (seconds >= 0) {
            if (seconds == 0) {
                throw ApiError.badRequest("sinceSeconds must be greater than 0");
            }
            return state.clock.instant().minusSeconds(seconds);
        }
        if (sinceTime != null) {
            try {
                return Instant.parse(sinceTime);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("sinceTime: invalid RFC 3339 time \"" + sinceTime + "\"");
            }
        }
        return null;
    }

    private static long longParam(ResourceRequest request, String name, long fallback) {
        String value = request.param(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + ": invalid value \"" + value + "\": must be a non-negative integer");
        }
    }
}
