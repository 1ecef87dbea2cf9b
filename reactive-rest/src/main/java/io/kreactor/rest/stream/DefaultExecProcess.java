package io.kreactor.rest.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.Status;
import io.kreactor.core.errors.KubernetesException;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One exec/attach connection's state: routes incoming frames to the stdout, stderr and status sinks, and decodes
 * the status. The sinks buffer until subscribed (unicast), so output written before the caller subscribes is kept.
 */
final class DefaultExecProcess implements ExecProcess {

    private final String protocol;
    private final ObjectMapper mapper;
    private final Sinks.Many<byte[]> stdout = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Many<byte[]> stderr = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.One<Integer> exit = Sinks.one();
    private final Mono<Integer> exitCode = exit.asMono().cache();
    private final AtomicReference<Disposable> connection = new AtomicReference<>();

    DefaultExecProcess(String protocol, ObjectMapper mapper) {
        this.protocol = protocol;
        this.mapper = mapper;
    }

    void connection(Disposable connection) {
        this.connection.set(connection);
    }

    /** Called for each frame, on the connection's event loop: no other thread emits to these sinks. */
    void onFrame(WebSocketFrame frame) {
        if (frame.content().readableBytes() == 0) {
            return;
        }
        int channel = frame.content().getUnsignedByte(frame.content().readerIndex());
        byte[] data = ByteBufUtil.getBytes(frame.content(), frame.content().readerIndex() + 1, frame.content().readableBytes() - 1);
        switch (channel) {
            case Channels.STDOUT -> stdout.tryEmitNext(data);
            case Channels.STDERR -> stderr.tryEmitNext(data);
            case Channels.ERROR -> onStatus(data);
            case Channels.CLOSE -> { }
            default -> fail(new StreamProtocolException("exec stream: message on unknown channel " + channel));
        }
    }

    private void onStatus(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Status status;
        try {
            status = mapper.readValue(data, Status.class);
        } catch (IOException e) {
            exit.tryEmitError(new StreamProtocolException("exec stream: the status channel carried no Status: "
                    + new String(data, StandardCharsets.UTF_8), e));
            return;
        }
        if (Status.SUCCESS.equals(status.status())) {
            exit.tryEmitValue(0);
            return;
        }
        if ("NonZeroExitCode".equals(status.reason()) && status.details() != null && status.details().causes() != null) {
            for (Status.Cause cause : status.details().causes()) {
                if ("ExitCode".equals(cause.reason())) {
                    try {
                        exit.tryEmitValue(Integer.parseInt(cause.message().trim()));
                        return;
                    } catch (NumberFormatException | NullPointerException e) {
                        exit.tryEmitError(new StreamProtocolException("exec stream: ExitCode cause is not a number: " + cause.message()));
                        return;
                    }
                }
            }
        }
        exit.tryEmitError(new KubernetesException("exec failed: " + status.message()));
    }

    /** The connection ended normally: the streams complete; an exit code that never came is an error. */
    void finish() {
        stdout.tryEmitComplete();
        stderr.tryEmitComplete();
        exit.tryEmitError(new StreamProtocolException("exec stream: the connection closed before the exit status arrived"));
    }

    /** The connection failed: every stream fails with {@code error}. */
    void fail(Throwable error) {
        stdout.tryEmitError(error);
        stderr.tryEmitError(error);
        exit.tryEmitError(error);
        dispose();
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public Flux<byte[]> stdout() {
        return stdout.asFlux();
    }

    @Override
    public Flux<byte[]> stderr() {
        return stderr.asFlux();
    }

    @Override
    public Mono<Integer> exitCode() {
        return exitCode;
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
        return "ExecProcess[" + protocol + "]";
    }
}
