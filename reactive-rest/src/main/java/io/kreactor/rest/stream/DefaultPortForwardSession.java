package io.kreactor.rest.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** A port-forward connection's state: per-port data and error sinks, and the outgoing frames of every port. */
final class DefaultPortForwardSession implements PortForwardSession {

    private final List<Integer> ports;
    private final List<Sinks.Many<byte[]>> data;
    private final List<Sinks.Many<String>> errors;
    private final boolean[] started;
    private final Sinks.Many<Publisher<WebSocketFrame>> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicReference<Disposable> connection = new AtomicReference<>();

    DefaultPortForwardSession(List<Integer> ports) {
        this.ports = List.copyOf(ports);
        this.data = this.ports.stream().map(p -> Sinks.many().unicast().<byte[]>onBackpressureBuffer()).toList();
        this.errors = this.ports.stream().map(p -> Sinks.many().unicast().<String>onBackpressureBuffer()).toList();
        this.started = new boolean[ports.size() * 2];
    }

    void connection(Disposable connection) {
        this.connection.set(connection);
    }

    /** Every frame to send, from every {@link #send} call, serialized. */
    Flux<WebSocketFrame> outgoing() {
        return outgoing.asFlux().flatMap(p -> p);
    }

    /** Called for each frame on the connection's event loop. */
    void onFrame(WebSocketFrame frame) {
        ByteBuf content = frame.content();
        if (content.readableBytes() == 0) {
            return;
        }
        int channel = content.getUnsignedByte(content.readerIndex());
        int index = channel / 2;
        if (index >= ports.size()) {
            fail(new StreamProtocolException("port-forward stream: message on unknown channel " + channel));
            return;
        }
        int offset = content.readerIndex() + 1;
        int length = content.readableBytes() - 1;
        if (!started[channel]) {
            // The first message of each channel names its port, little-endian.
            if (length < 2) {
                fail(new StreamProtocolException("port-forward stream: channel " + channel + " did not start with its port"));
                return;
            }
            int port = content.getUnsignedByte(offset) | (content.getUnsignedByte(offset + 1) << 8);
            if (port != ports.get(index)) {
                fail(new StreamProtocolException("port-forward stream: channel " + channel + " started with port " + port
                        + ", expected " + ports.get(index)));
                return;
            }
            started[channel] = true;
            offset += 2;
            length -= 2;
            if (length == 0) {
                return;
            }
        }
        byte[] bytes = ByteBufUtil.getBytes(content, offset, length);
        if (channel % 2 == 0) {
            data.get(index).tryEmitNext(bytes);
        } else {
            errors.get(index).tryEmitNext(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    void finish() {
        data.forEach(Sinks.Many::tryEmitComplete);
        errors.forEach(Sinks.Many::tryEmitComplete);
        outgoing.tryEmitComplete();
    }

    void fail(Throwable error) {
        data.forEach(s -> s.tryEmitError(error));
        errors.forEach(s -> s.tryEmitError(error));
        dispose();
    }

    private int index(int port) {
        int index = ports.indexOf(port);
        if (index < 0) {
            throw new IllegalArgumentException("port " + port + " is not forwarded by this session; ports: " + ports);
        }
        return index;
    }

    @Override
    public List<Integer> ports() {
        return ports;
    }

    @Override
    public Flux<byte[]> data(int port) {
        return data.get(index(port)).asFlux();
    }

    @Override
    public Flux<String> errors(int port) {
        return errors.get(index(port)).asFlux();
    }

    @Override
    public void send(int port, Publisher<byte[]> bytes) {
        int channel = index(port) * 2;
        // Sends may come from any thread; a concurrent emission is retried briefly instead of being dropped.
        outgoing.emitNext(Flux.from(bytes).map(b -> Channels.frame(channel, b)),
                Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }

    @Override
    public void dispose() {
        Disposable c = connection.get();
        if (c != null) {
            c.dispose();
        }
    }

    @Override
    public boolean isDisposed() {
        Disposable c = connection.get();
        return c != null && c.isDisposed();
    }

    @Override
    public String toString() {
        return "PortForwardSession" + ports;
    }
}
