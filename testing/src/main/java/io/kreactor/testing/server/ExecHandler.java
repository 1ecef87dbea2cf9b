package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * {@code pods/{name}/exec}, {@code /attach} and {@code /portforward} over WebSocket, in the kubelet's channel
 * framing: every binary message starts with a channel byte. Exec/attach speak {@code v5.channel.k8s.io} or
 * {@code v4.channel.k8s.io} (0 stdin, 1 stdout, 2 stderr, 3 error/exit status as a Status JSON, 4 resize; in v5 a
 * {@code [255, channel]} message closes that channel). Port-forward speaks {@code v4.channel.k8s.io} /
 * {@code portforward.k8s.io}: per requested port, a data channel {@code 2i} and an error channel {@code 2i+1}, whose
 * first server message is the port number as two little-endian bytes.
 */
final class ExecHandler {

    private static final String V5 = "v5.channel.k8s.io";
    private static final String V4 = "v4.channel.k8s.io";
    private static final int MAX_FRAME = 1 << 20;

    private final ServerState state;
    private final AtomicReference<ContainerExec> exec = new AtomicReference<>();
    private final AtomicReference<PortForwarder> forwarder = new AtomicReference<>();

    ExecHandler(ServerState state) {
        this.state = state;
    }

    void exec(ContainerExec handler) {
        exec.set(handler);
    }

    void forwarder(PortForwarder handler) {
        forwarder.set(handler);
    }

    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, ResourceRequest r) {
        ObjectNode pod = pod(r);
        boolean attach = r.subresource().equals("attach");
        List<String> command = r.query().getOrDefault("command", List.of());
        if (!attach && command.isEmpty()) {
            throw ApiError.badRequest("you must specify at least 1 command");
        }
        ContainerExec handler = exec.get();
        if (handler == null) {
            throw ApiError.badRequest("no exec handler is registered with this embedded API server; call "
                    + "EmbeddedApiServer.execHandler(...) first");
        }
        requireWebsocket(request);
        ContainerExec.Call call = new ContainerExec.Call(r.namespace(), r.name(), container(pod, r.param("container")),
                command, attach, r.flag("tty"));
        return response.sendWebsocket((in, out) -> {
            boolean v5 = V5.equals(in.selectedSubprotocol());
            // Replayed so the handler may subscribe to stdin more than once (e.g. echo it and wait for its end).
            Sinks.Many<byte[]> stdin = Sinks.many().replay().all();
            in.receiveFrames().subscribe(frame -> onClientFrame(frame, stdin, v5), e -> stdin.tryEmitComplete(),
                    stdin::tryEmitComplete);
            ContainerExec.Result result = handler.run(call, stdin.asFlux());
            Flux<WebSocketFrame> output = Flux.merge(
                            result.stdout().map(bytes -> frame(1, bytes)),
                            result.stderr().map(bytes -> frame(2, bytes)))
                    .concatWith(result.exitCode().map(code -> frame(3, Json.bytes(exitStatus(call, code)))));
            return out.sendObject(output).then();
        }, spec(V5 + "," + V4));
    }

    Mono<Void> portForward(HttpServerRequest request, HttpServerResponse response, ResourceRequest r) {
        pod(r);
        PortForwarder handler = forwarder.get();
        if (handler == null) {
            throw ApiError.badRequest("no port-forward handler is registered with this embedded API server; call "
                    + "EmbeddedApiServer.portForwardHandler(...) first");
        }
        List<Integer> ports = new ArrayList<>();
        for (String value : r.query().getOrDefault("ports", List.of())) {
            for (String part : value.split(",")) {
                try {
                    int port = Integer.parseInt(part.trim());
                    if (port <= 0 || port > 65535) {
                        throw new NumberFormatException();
                    }
                    ports.add(port);
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest("invalid port \"" + part + "\": must be between 1 and 65535");
                }
            }
        }
        if (ports.isEmpty()) {
            throw ApiError.badRequest("query parameter \"port\" is required");
        }
        requireWebsocket(request);
        return response.sendWebsocket((in, out) -> {
            List<Sinks.Many<byte[]>> inbound = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                inbound.add(Sinks.many().unicast().onBackpressureBuffer());
            }
            in.receiveFrames().subscribe(frame -> {
                byte[] bytes = ByteBufUtil.getBytes(frame.content());
                if (bytes.length == 0) {
                    return;
                }
                int channel = bytes[0] & 0xff;
                if (channel % 2 == 0 && channel / 2 < inbound.size() && bytes.length > 1) {
                    inbound.get(channel / 2).tryEmitNext(java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
                }
            }, e -> inbound.forEach(Sinks.Many::tryEmitComplete), () -> inbound.forEach(Sinks.Many::tryEmitComplete));
            List<Flux<WebSocketFrame>> streams = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                int port = ports.get(i);
                int dataChannel = 2 * i;
                byte[] portBytes = {(byte) (port & 0xff), (byte) (port >> 8)};
                Flux<WebSocketFrame> data = Flux.just(frame(2 * i, portBytes), frame(2 * i + 1, portBytes))
                        .concatWith(handler.forward(r.namespace(), r.name(), port, inbound.get(i).asFlux())
                                .map(bytes -> frame(dataChannel, bytes)));
                streams.add(data);
            }
            return out.sendObject(Flux.merge(streams)).then();
        }, spec("v4.channel.k8s.io,portforward.k8s.io"));
    }

    private static void onClientFrame(WebSocketFrame frame, Sinks.Many<byte[]> stdin, boolean v5) {
        if (!(frame instanceof BinaryWebSocketFrame)) {
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(frame.content());
        if (bytes.length == 0) {
            return;
        }
        int channel = bytes[0] & 0xff;
        if (channel == 0 && bytes.length > 1) {
            stdin.tryEmitNext(java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
        } else if (channel == 255 && v5 && bytes.length > 1 && bytes[1] == 0) {
            stdin.tryEmitComplete();
        }
    }

    private static WebSocketFrame frame(int channel, byte[] data) {
        ByteBuf buf = Unpooled.buffer(data.length + 1);
        buf.writeByte(channel);
        buf.writeBytes(data);
        return new BinaryWebSocketFrame(buf);
    }

    private static ObjectNode exitStatus(ContainerExec.Call call, int code) {
        ObjectNode status = Json.MAPPER.createObjectNode();
        status.putObject("metadata");
        if (code == 0) {
            status.put("status", "Success");
            return status;
        }
        status.put("status", "Failure").put("message", "command terminated with non-zero exit code: error executing "
                + "command " + call.command() + ", exit code " + code).put("reason", "NonZeroExitCode");
        status.putObject("details").putArray("causes").addObject().put("reason", "ExitCode")
                .put("message", Integer.toString(code));
        return status;
    }

    private ObjectNode pod(ResourceRequest r) {
        ObjectNode pod = state.store.get(r.groupResource(), r.key(r.name()));
        if (pod == null) {
            throw ApiError.notFound(r.type(), r.name());
        }
        return pod;
    }

    private static String container(ObjectNode pod, String requested) {
        if (requested != null && !requested.isEmpty()) {
            for (JsonNode c : pod.path("spec").path("containers")) {
                if (requested.equals(c.path("name").asText())) {
                    return requested;
                }
            }
            throw ApiError.badRequest("container " + requested + " is not valid for pod " + Json.name(pod));
        }
        JsonNode containers = pod.path("spec").path("containers");
        if (containers.size() == 1) {
            return containers.get(0).path("name").asText();
        }
        throw ApiError.badRequest("a container name must be specified for pod " + Json.name(pod));
    }

    private static void requireWebsocket(HttpServerRequest request) {
        String upgrade = request.requestHeaders().get("Upgrade");
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            throw ApiError.badRequest("Upgrade request required: this embedded server streams exec, attach and "
                    + "port-forward over WebSocket only (not SPDY)");
        }
    }

    private static WebsocketServerSpec spec(String protocols) {
        return WebsocketServerSpec.builder().protocols(protocols).maxFramePayloadLength(MAX_FRAME).build();
    }

}
