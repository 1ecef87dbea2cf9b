package io.kreactor.informers.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class LeaderElectorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The longest pause between two acquire attempts: retryPeriod × (1 + JitterFactor). */
    private static final Duration MAX_ACQUIRE_PAUSE = Duration.ofMillis(4400);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final InMemoryLease lease = new InMemoryLease("kube-system", "operator");
    private final List<Disposable> runs = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() {
        runs.forEach(Disposable::dispose);
    }

    private LeaderElectionConfig config(String identity) {
        return LeaderElectionConfig.of("kube-system", "operator", identity).withScheduler(clock);
    }

    private LeaderElector candidate(LeaderElectionConfig config) {
        return LeaderElector.create(config, lease.newLock());
    }

    private Disposable start(LeaderElector elector) {
        Disposable run = elector.run().subscribe();
        runs.add(run);
        return run;
    }

    private LeaderElectionRecord record() {
        return lease.record().orElseThrow();
    }

    @Test
    void exactlyOneOfTwoCandidatesLeadsAndKeepsRenewing() {
        LeaderElector a = candidate(config("a"));
        LeaderElector b = candidate(config("b"));
        List<LeaderEvent> seenByB = new CopyOnWriteArrayList<>();
        b.events().subscribe(seenByB::add);

        start(a);
        start(b);
        clock.advanceTimeBy(Duration.ofMinutes(1));

        assertThat(a.isLeader()).isTrue();
        assertThat(b.isLeader()).isFalse();
        assertThat(b.leader()).isEqualTo("a");
        assertThat(seenByB).containsExactly(new LeaderEvent.NewLeader("a"));
        LeaderElectionRecord record = record();
        assertThat(record.holderIdentity()).isEqualTo("a");
        assertThat(record.leaseDurationSeconds()).isEqualTo(15);
        assertThat(record.leaderTransitions()).isZero();
        assertThat(record.acquireTime()).isEqualTo(Instant.EPOCH);
        assertThat(record.renewTime()).isEqualTo(Instant.EPOCH.plusSeconds(60));
        assertThat(lease.writes()).as("created, then renewed every 2 s").isEqualTo(31);
    }

    @Test
    void followerTakesOverOnlyAfterTheLeaseDurationOnceTheLeaderStopsRenewing() {
        LeaderElector a = candidate(config("a"));
        LeaderElector b = candidate(config("b"));
        Disposable runA = start(a);
        start(b);
        clock.advanceTimeBy(Duration.ofSeconds(30));
        Instant lastRenewal = record().renewTime();

        runA.dispose(); // the leader dies without releasing: its lease must expire first
        assertThat(a.isLeader()).isFalse();
        clock.advanceTimeBy(Duration.ofMillis(14_900));
        assertThat(b.isLeader()).as("the lease is still valid on b's clock").isFalse();
        assertThat(record().holderIdentity()).isEqualTo("a");

        clock.advanceTimeBy(MAX_ACQUIRE_PAUSE.multipliedBy(2));

        assertThat(b.isLeader()).isTrue();
        LeaderElectionRecord record = record();
        assertThat(record.holderIdentity()).isEqualTo("b");
        assertThat(record.leaderTransitions()).isEqualTo(1);
        assertThat(record.acquireTime()).isAfterOrEqualTo(lastRenewal.plusSeconds(15));
    }

    @Test
    void releasedLeaseIsTakenOverAtTheFollowersNextAttempt() {
        LeaderElector a = candidate(config("a").withReleaseOnCancel(true));
        LeaderElector b = candidate(config("b"));
        List<LeaderEvent> seenByA = new CopyOnWriteArrayList<>();
        a.events().subscribe(seenByA::add);
        Sinks.Empty<Void> stopA = Sinks.empty();
        AtomicBoolean aDone = new AtomicBoolean();
        runs.add(a.run(stopA.asMono()).doOnSuccess(v -> aDone.set(true)).subscribe());
        start(b);
        clock.advanceTimeBy(Duration.ofSeconds(7));

        stopA.tryEmitEmpty();

        assertThat(aDone).as("run completes once stopped and released").isTrue();
        assertThat(seenByA).containsExactly(new LeaderEvent.NewLeader("a"), new LeaderEvent.StartedLeading("a"),
                new LeaderEvent.StoppedLeading("a"));
        LeaderElectionRecord released = record();
        assertThat(released.holderIdentity()).isEmpty();
        assertThat(released.leaseDurationSeconds()).isEqualTo(1);

        clock.advanceTimeBy(MAX_ACQUIRE_PAUSE);

        assertThat(b.isLeader()).isTrue();
        assertThat(record().holderIdentity()).isEqualTo("b");
        assertThat(record().leaderTransitions()).isEqualTo(1);
    }

    @Test
    void stopDuringARenewalInFlightWaitsForItSoTheReleaseDoesNotConflict() {
        lease.responseLatency(Duration.ofMillis(500), clock);
        LeaderElector a = candidate(config("a").withReleaseOnCancel(true));
        Sinks.Empty<Void> stopA = Sinks.empty();
        AtomicBoolean aDone = new AtomicBoolean();
        runs.add(a.run(stopA.asMono()).doOnSuccess(v -> aDone.set(true)).subscribe());
        clock.advanceTimeBy(Duration.ofSeconds(1)); // GET and POST answered at 0.5 s and 1 s: leading
        assertThat(a.isLeader()).isTrue();

        clock.advanceTimeBy(Duration.ofMillis(2200)); // the renewal written at 3 s is answered at 3.5 s
        stopA.tryEmitEmpty();
        assertThat(aDone).as("waits for the renewal in flight").isFalse();
        clock.advanceTimeBy(Duration.ofSeconds(2));

        assertThat(aDone).isTrue();
        assertThat(record().holderIdentity()).as("released with the version the renewal produced").isEmpty();
        assertThat(record().leaseDurationSeconds()).isEqualTo(1);
    }

    @Test
    void transitionsAreCountedEachTimeTheHolderChanges() {
        LeaderElector a = candidate(config("a").withReleaseOnCancel(true));
        LeaderElector b = candidate(config("b").withReleaseOnCancel(true));
        Disposable runA = start(a);
        clock.advanceTimeBy(Duration.ofSeconds(3));
        Disposable runB = start(b);
        clock.advanceTimeBy(Duration.ofSeconds(3));

        runA.dispose();
        clock.advanceTimeBy(MAX_ACQUIRE_PAUSE);
        assertThat(record().holderIdentity()).isEqualTo("b");
        start(a);
        clock.advanceTimeBy(Duration.ofSeconds(3));
        runB.dispose();
        clock.advanceTimeBy(MAX_ACQUIRE_PAUSE);

        assertThat(a.isLeader()).isTrue();
        assertThat(record().holderIdentity()).isEqualTo("a");
        assertThat(record().leaderTransitions()).isEqualTo(2);
    }

    @Test
    void leaderThatCannotRenewPastTheRenewDeadlineStopsLeading() {
        List<String> calls = new CopyOnWriteArrayList<>();
        LeaderElector a = candidate(config("a").withCallbacks(new LeaderCallbacks() {
            @Override
            public void onStartedLeading(Mono<Void> stoppedLeading) {
                calls.add("started");
                stoppedLeading.subscribe(null, null, () -> calls.add("stop signalled"));
            }

            @Override
            public void onStoppedLeading() {
                calls.add("stopped");
            }

            @Override
            public void onNewLeader(String identity) {
                calls.add("new leader " + identity);
            }
        }));

        StepVerifier.withVirtualTime(a::run, () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> assertThat(a.isLeader()).isTrue())
                .then(() -> lease.failRequests(true))
                .as("renewals fail from t=2 s; the round that started then gives up at 2 + 10 s")
                .expectNoEvent(Duration.ofMillis(11_999))
                .then(() -> assertThat(a.isLeader()).isTrue())
                .thenAwait(Duration.ofMillis(1))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(a.isLeader()).isFalse();
        assertThat(calls).containsExactly("new leader a", "started", "stop signalled", "stopped");
    }

    @Test
    void renewalSurvivesFailuresShorterThanTheRenewDeadline() {
        LeaderElector a = candidate(config("a"));
        start(a);
        clock.advanceTimeBy(Duration.ofSeconds(1));

        // The attempts at 2, 4 and 6 s fail (fast path and slow path each): 6 s of the 10 s deadline.
        lease.failNextRequests(6);
        clock.advanceTimeBy(Duration.ofSeconds(6));
        assertThat(record().renewTime()).as("still the acquisition at 0 s at 7 s").isEqualTo(Instant.EPOCH);
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(record().renewTime()).as("the attempt at 8 s succeeds").isEqualTo(Instant.EPOCH.plusSeconds(8));
        clock.advanceTimeBy(Duration.ofSeconds(22));

        assertThat(a.isLeader()).isTrue();
        assertThat(record().renewTime()).isEqualTo(Instant.EPOCH.plusSeconds(30));
    }

    @Test
    void candidateLosingTheWriteRaceWithAConflictStaysFollower() {
        lease.put(new LeaderElectionRecord("gone", 15, Instant.EPOCH, Instant.EPOCH, 4));
        LeaseLock racing = new LeaseLock() {
            private final LeaseLock delegate = lease.newLock();
            private boolean raced;

            @Override
            public String describe() {
                return delegate.describe();
            }

            @Override
            public Mono<LeaderElectionRecord> get() {
                return delegate.get().doOnNext(r -> {
                    if (!raced && clock.now(java.util.concurrent.TimeUnit.SECONDS) >= 15) {
                        raced = true; // "c" writes between our read and our write
                        lease.put(new LeaderElectionRecord("c", 15, Instant.EPOCH.plusSeconds(15), Instant.EPOCH.plusSeconds(15), 5));
                    }
                });
            }

            @Override
            public Mono<Void> create(LeaderElectionRecord record) {
                return delegate.create(record);
            }

            @Override
            public Mono<Void> update(LeaderElectionRecord record) {
                return delegate.update(record);
            }
        };
        LeaderElector b = LeaderElector.create(config("b"), racing);
        start(b);

        clock.advanceTimeBy(Duration.ofSeconds(25));

        assertThat(b.isLeader()).isFalse();
        assertThat(b.leader()).isEqualTo("c");
        assertThat(record().holderIdentity()).isEqualTo("c");
        assertThat(record().leaderTransitions()).isEqualTo(5);
    }

    @Test
    void stoppingBeforeAcquiringEndsTheRunWithoutLeadershipCallbacks() {
        lease.put(new LeaderElectionRecord("other", 15, Instant.EPOCH, Instant.EPOCH, 0));
        List<String> calls = new CopyOnWriteArrayList<>();
        LeaderElector b = candidate(config("b").withCallbacks(new LeaderCallbacks() {
            @Override
            public void onStoppedLeading() {
                calls.add("stopped");
            }
        }));

        StepVerifier.withVirtualTime(() -> b.run(Mono.delay(Duration.ofSeconds(5), clock)), () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(5))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(calls).isEmpty();
        assertThat(record().holderIdentity()).isEqualTo("other");
    }

    @Test
    void oneRunAtATimePerElector() {
        LeaderElector a = candidate(config("a"));
        start(a);

        StepVerifier.create(a.run()).expectErrorMessage("leader election for kube-system/operator as a is already running")
                .verify(TIMEOUT);
    }
}
