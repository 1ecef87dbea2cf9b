package io.kreactor.informers.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.errors.ConflictException;
import io.kreactor.rest.RestClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Leader election through {@link LeaseLock#forLease} against the embedded API server over loopback HTTP. */
class LeaderElectionApiServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final GroupVersionResource LEASES = new GroupVersionResource("coordination.k8s.io", "v1", "leases");

    private EmbeddedApiServer server;
    private RestClient rest;
    private final List<Disposable> runs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() {
        server = EmbeddedApiServer.builder().start();
        rest = RestClient.create(server.clientConfig());
    }

    @AfterEach
    void stopServer() {
        runs.forEach(Disposable::dispose);
        rest.dispose();
        server.close();
    }

    private LeaderElectionConfig fast(String identity) {
        // Short real-time settings that still satisfy leaseDuration > renewDeadline > retryPeriod × 1.2.
        return LeaderElectionConfig.of("kube-system", "operator", identity)
                .withLeaseDuration(Duration.ofSeconds(3))
                .withRenewDeadline(Duration.ofSeconds(2))
                .withRetryPeriod(Duration.ofMillis(300));
    }

    private ObjectNode storedLease() {
        return server.get(LEASES, "kube-system", "operator");
    }

    private String holder(EmbeddedApiServer s) {
        ObjectNode lease = s.get(LEASES, "kube-system", "operator");
        return lease == null ? null : lease.path("spec").path("holderIdentity").asText(null);
    }

    @Test
    void twoCandidatesElectOneLeaderAndTheFollowerTakesOverAReleasedLease() {
        LeaderElector a = LeaderElector.create(fast("a").withReleaseOnCancel(true), rest);
        LeaderElector b = LeaderElector.create(fast("b"), rest);
        ConnectableFlux<LeaderEvent> eventsOfB = b.events().replay();
        runs.add(eventsOfB.connect());
        Sinks.Empty<Void> stopA = Sinks.empty();
        Sinks.Empty<Void> aFinished = Sinks.empty();
        runs.add(a.run(stopA.asMono()).subscribe(null, null, aFinished::tryEmitEmpty));
        StepVerifier.create(server.until(s -> "a".equals(holder(s)))).expectComplete().verify(TIMEOUT);
        runs.add(b.run().subscribe());

        StepVerifier.create(server.until(s -> {
                    ObjectNode lease = s.get(LEASES, "kube-system", "operator");
                    return lease.path("spec").path("renewTime").asText().compareTo(lease.path("spec").path("acquireTime").asText()) > 0;
                }))
                .as("a renews its lease")
                .expectComplete().verify(TIMEOUT);
        assertThat(a.isLeader()).isTrue();
        assertThat(b.isLeader()).isFalse();
        ObjectNode lease = storedLease();
        assertThat(lease.path("spec").path("leaseDurationSeconds").asInt()).isEqualTo(3);
        assertThat(lease.path("spec").path("leaseTransitions").asInt()).isZero();
        assertThat(lease.path("spec").path("acquireTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

        stopA.tryEmitEmpty();
        StepVerifier.create(aFinished.asMono()).expectComplete().verify(TIMEOUT);
        StepVerifier.create(server.until(s -> "b".equals(holder(s)))).expectComplete().verify(TIMEOUT);

        StepVerifier.create(eventsOfB.filter(LeaderEvent.StartedLeading.class::isInstance).next())
                .expectNext(new LeaderEvent.StartedLeading("b"))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(b.isLeader()).isTrue();
        assertThat(a.isLeader()).isFalse();
        assertThat(storedLease().path("spec").path("leaseTransitions").asInt()).isEqualTo(1);
    }

    @Test
    void staleUpdateThroughTheRestLockIsAConflict() {
        LeaseLock first = LeaseLock.forLease(rest, "default", "race");
        LeaseLock second = LeaseLock.forLease(rest, "default", "race");
        LeaderElectionRecord record = new LeaderElectionRecord("x", 15, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), 0);

        StepVerifier.create(first.get()).as("absent lease reads as empty").expectComplete().verify(TIMEOUT);
        StepVerifier.create(first.create(record)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(second.get()).expectNext(record).expectComplete().verify(TIMEOUT);
        StepVerifier.create(first.update(record.withLeaderTransitions(1))).expectComplete().verify(TIMEOUT);

        StepVerifier.create(second.update(record.withLeaderTransitions(7))).expectError(ConflictException.class).verify(TIMEOUT);
        StepVerifier.create(second.get().map(LeaderElectionRecord::leaderTransitions)).expectNext(1).expectComplete().verify(TIMEOUT);
    }
}
