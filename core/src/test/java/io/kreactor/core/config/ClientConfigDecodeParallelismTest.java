package io.kreactor.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ClientConfig#decodeParallelism()}: its default per machine size, validation and copies. */
class ClientConfigDecodeParallelismTest {

    private final ClientConfig config = ClientConfig.builder("https://k8s.example.com:6443").build();

    @Test
    void defaultsToTheProcessorCountCappedAtFourAndToNoHandOffOnOneProcessor() {
        assertThat(ClientConfig.defaultDecodeParallelism(1)).isZero();
        assertThat(ClientConfig.defaultDecodeParallelism(2)).isEqualTo(2);
        assertThat(ClientConfig.defaultDecodeParallelism(3)).isEqualTo(3);
        assertThat(ClientConfig.defaultDecodeParallelism(64)).isEqualTo(4);
        assertThat(config.decodeParallelism()).isEqualTo(ClientConfig.DEFAULT_DECODE_PARALLELISM)
                .isEqualTo(ClientConfig.defaultDecodeParallelism(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void withDecodeParallelismCopiesAndKeepsEverythingElse() {
        ClientConfig onEventLoop = config.withRateLimit(0, 0).withDecodeParallelism(0);
        assertThat(onEventLoop.decodeParallelism()).isZero();
        assertThat(onEventLoop.qps()).isZero();
        assertThat(onEventLoop.mutate().build().decodeParallelism()).isZero();
        assertThat(onEventLoop.withDecodeParallelism(0)).isSameAs(onEventLoop);
        assertThat(config.withDecodeParallelism(3).decodeParallelism()).isEqualTo(3);
    }

    @Test
    void aNegativeParallelismIsRejectedNamingTheSettingAndValue() {
        assertThatThrownBy(() -> config.withDecodeParallelism(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decodeParallelism must not be negative, was -1");
    }
}
