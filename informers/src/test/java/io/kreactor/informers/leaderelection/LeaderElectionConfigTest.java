package io.kreactor.informers.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaderElectionConfigTest {

    private final LeaderElectionConfig base = LeaderElectionConfig.of("ns", "lease", "me");

    @Test
    void defaultsAreClientGos() {
        assertThat(base.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(base.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(base.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(base.releaseOnCancel()).isFalse();
        assertThat(base.validate()).isSameAs(base);
    }

    @Test
    void leaseDurationMustExceedRenewDeadline() {
        assertThatThrownBy(() -> base.withLeaseDuration(Duration.ofSeconds(10)).validate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaseDuration (PT10S) must be greater than renewDeadline (PT10S)");
    }

    @Test
    void renewDeadlineMustExceedTheJitteredRetryPeriod() {
        assertThatThrownBy(() -> base.withRetryPeriod(Duration.ofSeconds(9)).validate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("renewDeadline (PT10S) must be greater than retryPeriod*JitterFactor (PT9S * 1.2)");
        assertThat(base.withRetryPeriod(Duration.ofMillis(8300)).validate()).isNotNull();
    }

    @Test
    void durationsMustBePositiveAndIdentityPresent() {
        assertThatThrownBy(() -> base.withRetryPeriod(Duration.ZERO).validate()).hasMessageContaining("retryPeriod must be greater than zero");
        assertThatThrownBy(() -> LeaderElectionConfig.of("ns", "lease", "").validate()).hasMessage("identity must not be empty");
        assertThatThrownBy(() -> base.withLeaseDuration(Duration.ofMillis(15_500)).validate()).hasMessageContaining("whole seconds");
    }

    @Test
    void creatingAnElectorValidates() {
        assertThatThrownBy(() -> LeaderElector.create(base.withRenewDeadline(Duration.ofSeconds(20)), new InMemoryLease("ns", "lease").newLock()))
                .hasMessageContaining("leaseDuration (PT15S) must be greater than renewDeadline (PT20S)");
    }
}
