package io.kreactor.testing.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Lets a stream wait until its channel can take more data. Reactor Netty's {@code send} prefetches 128 elements
 * whatever the socket does; putting this gate in front of it makes a watcher take events from its own bounded
 * buffer only while the client keeps reading, so a client that stops reading fills that buffer and gets closed.
 */
final class WritabilityGate extends ChannelInboundHandlerAdapter {

    static final String NAME = "kreactor.writabilityGate";

    private final Channel channel;
    private volatile Sinks.Empty<Void> waiting;

    WritabilityGate(Channel channel) {
        this.channel = channel;
    }

    /** Completes at once when the channel is writable, else when it becomes writable (or closes). */
    Mono<Void> whenWritable() {
        return Mono.defer(() -> {
            if (channel.isWritable() || !channel.isActive()) {
                return Mono.empty();
            }
            Sinks.Empty<Void> signal = Sinks.empty();
            waiting = signal;
            // Re-check: writability may have come back between the first check and publishing the signal.
            if (channel.isWritable() || !channel.isActive()) {
                signal.tryEmitEmpty();
            }
            return signal.asMono();
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            release();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }

    private void release() {
        Sinks.Empty<Void> signal = waiting;
        if (signal != null) {
            signal.tryEmitEmpty();
        }
    }
}
