package io.kreactor.rest.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.HttpProtocol;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.WarningHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2PingFrame;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Idle HTTP/2 connections are health-checked with PING (client-go's ReadIdleTimeout/PingTimeout): against a raw
 * HTTP/2 peer that never acknowledges PINGs, the client pings after the idle time and then closes the connection.
 */
class Http2HealthCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private EventLoopGroup group;
    private Channel server;
    private final AtomicInteger pings = new AtomicInteger();
    private final Sinks.Empty<Void> pinged = Sinks.empty();
    private final Sinks.Empty<Void> closed = Sinks.empty();

    @BeforeEach
    void startSilentPeer() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.closeFuture().addListener(f -> closed.tryEmitEmpty());
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().autoAckPingFrame(false).build(),
                                new AnswerButNeverAckPings());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }

    /** Answers every request with {@code {}}; swallows PINGs without an ACK, like a half-dead peer. */
    private final class AnswerButNeverAckPings extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame request && request.isEndStream()) {
                    ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                            .set("content-type", "application/json")).stream(request.stream()));
                    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8), true)
                            .stream(request.stream()));
                } else if (msg instanceof Http2PingFrame ping && !ping.ack()) {
                    pings.incrementAndGet();
                    pinged.tryEmitEmpty();
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    @Test
    void idleHttp2ConnectionIsPingedAndClosedWhenThePingIsNotAcknowledged() {
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        RestClient rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + port)
                .httpProtocol(HttpProtocol.HTTP_2)
                .idleConnectionHealthCheck(Duration.ofSeconds(1))
                .healthCheckTimeout(Duration.ofSeconds(1))
                .build(), WarningHandler.ignore());
        try {
            StepVerifier.create(rest.get().absPath("/version").exchange())
                    .assertNext(r -> assertThat(r.statusCode()).isEqualTo(200))
                    .expectComplete()
                    .verify(WAIT);

            StepVerifier.create(pinged.asMono()).expectComplete().verify(WAIT);
            StepVerifier.create(closed.asMono()).expectComplete().verify(WAIT);
            assertThat(pings.get()).isPositive();
        } finally {
            rest.dispose();
        }
    }
}
