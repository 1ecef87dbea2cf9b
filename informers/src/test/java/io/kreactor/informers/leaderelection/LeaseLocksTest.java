package io.kreactor.informers.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.errors.AlreadyExistsException;
import io.kreactor.core.errors.ConflictException;
import io.kreactor.core.errors.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LeaseLocksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final LeaderElectionRecord RECORD = new LeaderElectionRecord("pod-a", 15,
            Instant.parse("2026-11-24T14:30:00.123456Z"), Instant.parse("2026-11-24T14:31:02.5Z"), 3);

    @Test
    void recordBecomesALeaseSpecWithMicroTimes() {
        ObjectNode lease = LeaseRecords.newLease("kube-system", "op", RECORD);

        assertThat(lease.toString()).isEqualTo("{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\","
                + "\"metadata\":{\"name\":\"op\",\"namespace\":\"kube-system\"},\"spec\":{\"holderIdentity\":\"pod-a\","
                + "\"leaseDurationSeconds\":15,\"acquireTime\":\"2026-11-24T14:30:00.123456Z\","
                + "\"renewTime\":\"2026-11-24T14:31:02.500000Z\",\"leaseTransitions\":3}}");
        assertThat(LeaseRecords.fromLease(lease)).isEqualTo(RECORD);
    }

    @Test
    void leaseWithoutHolderOrTimesReadsAsAnUnheldRecord() throws Exception {
        JsonNode lease = KubernetesJson.mapper().readTree("{\"spec\":{\"leaseDurationSeconds\":1}}");

        LeaderElectionRecord record = LeaseRecords.fromLease(lease);

        assertThat(record.isHeld()).isFalse();
        assertThat(record.acquireTime()).isNull();
        assertThat(record.leaderTransitions()).isZero();
    }

    @Test
    void malformedTimeIsReportedWithItsField() throws Exception {
        JsonNode lease = KubernetesJson.mapper().readTree("{\"spec\":{\"renewTime\":\"yesterday\"}}");

        assertThatThrownBy(() -> LeaseRecords.fromLease(lease)).hasMessageContaining("spec.renewTime").hasMessageContaining("'yesterday'");
    }

    @Test
    void inMemoryLeaseRejectsAStaleUpdateWithAConflict() {
        InMemoryLease lease = new InMemoryLease("ns", "l");
        LeaseLock first = lease.newLock();
        LeaseLock second = lease.newLock();

        StepVerifier.create(first.get()).expectComplete().verify(TIMEOUT);
        StepVerifier.create(first.create(RECORD)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(second.create(RECORD)).expectError(AlreadyExistsException.class).verify(TIMEOUT);
        StepVerifier.create(second.get()).expectNext(RECORD).expectComplete().verify(TIMEOUT);
        StepVerifier.create(first.update(RECORD.withLeaderTransitions(4))).expectComplete().verify(TIMEOUT);

        StepVerifier.create(second.update(RECORD.withLeaderTransitions(9))).expectError(ConflictException.class).verify(TIMEOUT);
        assertThat(lease.record()).get().extracting(LeaderElectionRecord::leaderTransitions).isEqualTo(4);
        assertThat(lease.writes()).isEqualTo(2);
    }

    @Test
    void inMemoryLockMustReadBeforeUpdatingAndCanBeMadeToFail() {
        InMemoryLease lease = new InMemoryLease("ns", "l");
        StepVerifier.create(lease.newLock().update(RECORD)).expectErrorMessage("lease ns/l not initialized: call get or create first")
                .verify(TIMEOUT);

        lease.failNextRequests(1);
        LeaseLock lock = lease.newLock();
        StepVerifier.create(lock.get()).expectError(ServiceUnavailableException.class).verify(TIMEOUT);
        StepVerifier.create(lock.get()).expectComplete().verify(TIMEOUT);
    }
}
