package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** Writing JSON bodies and Status errors. */
final class Responses {

    private Responses() {
    }

    static Mono<Void> json(HttpServerResponse response, int code, JsonNode body) {
        return json(response, code, body, "application/json");
    }

    static Mono<Void> json(HttpServerResponse response, int code, JsonNode body, String contentType) {
        byte[] bytes = Json.bytes(body);
        return response.status(HttpResponseStatus.valueOf(code))
                .header("Content-Type", contentType)
                .header("Content-Length", Integer.toString(bytes.length))
                .sendByteArray(Mono.just(bytes))
                .then();
    }

    static Mono<Void> error(HttpServerResponse response, ApiError error) {
        if (error.retryAfterSeconds() > 0) {
            response.header("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        return json(response, error.code(), error.toStatus());
    }

    static ApiError notFound() {
        return ApiError.of(404, "NotFound", "the server could not find the requested resource");
    }
}
