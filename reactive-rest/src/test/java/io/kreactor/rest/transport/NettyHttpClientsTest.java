package io.kreactor.rest.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.HttpProtocol;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** How the transport configures Netty, where the configuration itself is the behaviour that matters. */
class NettyHttpClientsTest {

    @Test
    void everyClientChannelUsesTheClassicPooledAllocatorWhoseLocksAreSafeOnAnEventLoop() {
        for (HttpProtocol protocol : HttpProtocol.values()) {
            NettyHttpClients clients = new NettyHttpClients(ClientConfig.builder("http://127.0.0.1:1").httpProtocol(protocol).build());
            try {
                StepVerifier.create(clients.current().map(HttpClient::configuration))
                        .assertNext(c -> assertThat(c.options().get(ChannelOption.ALLOCATOR))
                                .as("allocator for %s", protocol).isSameAs(PooledByteBufAllocator.DEFAULT))
                        .expectComplete()
                        .verify(Duration.ofSeconds(10));
            } finally {
                clients.dispose();
            }
        }
    }
}
