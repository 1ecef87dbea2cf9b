package io.kreactor.testing.server;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** The streaming pod subresources: {@code log}, and the WebSocket ones {@code exec}, {@code attach}, {@code portforward}. */
final class PodStreams {

    private final LogHandler logs;
    private final ExecHandler exec;

    PodStreams(LogHandler logs, ExecHandler exec) {
        this.logs = logs;
        this.exec = exec;
    }

    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, ResourceRequest r) {
        return switch (r.subresource()) {
            case "log" -> {
                if (!r.method().equals("GET")) {
                    throw ApiError.methodNotAllowed("pods/log only supports GET");
                }
                yield logs.handle(r, response);
            }
            case "exec", "attach" -> exec.handle(request, response, r);
            default -> exec.portForward(request, response, r);
        };
    }
}
