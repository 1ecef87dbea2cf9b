package io.kreactor.informers.leaderelection;

import io.kreactor.core.errors.AlreadyExistsException;
import io.kreactor.core.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link LeaderElector} implementation: the election is one Reactor pipeline,
 * {@code acquire → lead (renew loop) → stop}. Acquiring and each renewal round are
 * {@code tryAcquireOrRenew} attempts repeated with {@code repeatWhenEmpty}, so a follower waiting for days
 * holds no growing chain of operators. The stop signal is honoured in the pauses between lock calls, never
 * by cancelling one in flight. The observed record and the time it was observed are the state
 * client-go's {@code LeaderElector} keeps; the pipeline makes one lock call at a time, so they are written by
 * one thread at a time and volatile only for the public getters.
 */
final class DefaultLeaderElector implements LeaderElector {

    private static final Logger log = LoggerFactory.getLogger(DefaultLeaderElector.class);

    private final LeaderElectionConfig config;
    private final LeaseLock lock;
    private final Scheduler scheduler;
    private final String identity;
    private final LeaderCallbacks callbacks;
    private final Sinks.Many<LeaderEvent> events = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean running = new AtomicBoolean();

    private volatile LeaderElectionRecord observedRecord;
    private volatile long observedNanos;
    private volatile String reportedLeader = "";
    private volatile Campaign current;

    /** Raised inside the pipeline when a renewal round runs past the renew deadline. */
    private static final class LeadershipLost extends RuntimeException {
        LeadershipLost(String message) {
            super(message, null, false, false);
        }
    }

    /** One run's leadership state: the signal given to {@code onStartedLeading} and stop-once bookkeeping. */
    private final class Campaign {
        final Sinks.Empty<Void> stoppedLeading = Sinks.empty();
        final AtomicBoolean leading = new AtomicBoolean();

        void startLeading() {
            leading.set(true);
            log.info("successfully acquired lease {} as {}", lock.describe(), identity);
            emit(new LeaderEvent.StartedLeading(identity));
            safely("onStartedLeading", () -> callbacks.onStartedLeading(stoppedLeading.asMono()));
        }

        /** Ends leading (once): signal the leader's work, release if configured, then report. */
        Mono<Void> stopLeading() {
            return Mono.defer(() -> {
                if (!leading.compareAndSet(true, false)) {
                    return Mono.empty();
                }
                stoppedLeading.tryEmitEmpty();
                return (config.releaseOnCancel() ? release() : Mono.<Void>empty()).then(Mono.fromRunnable(this::reportStopped));
            });
        }

        /** The run was cancelled: stop leading without anybody to wait for the release. */
        void abort() {
            if (leading.compareAndSet(true, false)) {
                stoppedLeading.tryEmitEmpty();
                if (config.releaseOnCancel()) {
                    release().subscribe();
                }
                reportStopped();
            }
        }

        private void reportStopped() {
            log.info("stopped leading lease {} as {}", lock.describe(), identity);
            emit(new LeaderEvent.StoppedLeading(identity));
            safely("onStoppedLeading", callbacks::onStoppedLeading);
        }
    }

    DefaultLeaderElector(LeaderElectionConfig config, LeaseLock lock) {
        this.config = Objects.requireNonNull(config, "config");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.scheduler = config.scheduler();
        this.identity = config.identity();
        this.callbacks = config.callbacks();
    }

    @Override
    public LeaderElectionConfig config() {
        return config;
    }

    @Override
    public Mono<Void> run() {
        return run(Mono.never());
    }

    @Override
    public Mono<Void> run(Publisher<?> stop) {
        Objects.requireNonNull(stop, "stop");
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                return Mono.error(new IllegalStateException("leader election for " + lock.describe() + " as " + identity + " is already running"));
            }
            // Subscribed once, so a cold stop signal (a timer, say) is not restarted by each phase.
            Sinks.Empty<Void> stopRequested = Sinks.empty();
            Disposable stopWatch = Flux.from(stop).take(1).subscribe(v -> { }, e -> stopRequested.tryEmitEmpty(),
                    stopRequested::tryEmitEmpty);
            Campaign campaign = new Campaign();
            current = campaign;
            log.info("attempting to acquire leader lease {} as {}", lock.describe(), identity);
            return acquire(stopRequested.asMono())
                    .flatMap(acquired -> acquired ? lead(campaign, stopRequested.asMono()) : Mono.<Void>empty())
                    .doOnCancel(campaign::abort)
                    .doFinally(signal -> {
                        stopWatch.dispose();
                        running.set(false);
                    });
        });
    }

    @Override
    public Flux<LeaderEvent> events() {
        return events.asFlux();
    }

    @Override
    public boolean isLeader() {
        Campaign campaign = current;
        return campaign != null && campaign.leading.get();
    }

    @Override
    public String leader() {
        LeaderElectionRecord record = observedRecord;
        return record == null ? "" : record.holderIdentity();
    }

    @Override
    public String toString() {
        return "LeaderElector[" + lock.describe() + " as " + identity + (isLeader() ? ", leading" : "") + "]";
    }

    // ---- phases ----------------------------------------------------------------------------------

    /**
     * Attempts until one succeeds (true) or the election is stopped during a pause (false). A stop never
     * interrupts a lock call in flight: cancelling a write the server may already have applied would leave
     * the lock with a stale resourceVersion and the next write (the release) would conflict.
     */
    private Mono<Boolean> acquire(Mono<Void> stopRequested) {
        return attempt()
                .flatMap(ok -> ok ? Mono.just(true) : pause(jittered(config.retryPeriod()), stopRequested).flatMap(this::stoppedOrRetry))
                .repeatWhenEmpty(retries -> retries);
    }

    private Mono<Void> lead(Campaign campaign, Mono<Void> stopRequested) {
        return Mono.defer(() -> {
            campaign.startLeading();
            // client-go's wait.Until(renew, retryPeriod): pause, renew, repeat — until stopped or a round fails.
            return pause(config.retryPeriod(), stopRequested)
                    .flatMap(go -> go ? renewRound(stopRequested) : Mono.just(false))
                    .repeat()
                    .takeWhile(Boolean::booleanValue)
                    .then()
                    .onErrorResume(LeadershipLost.class, lost -> {
                        log.info("failed to renew lease {} as {}: {}", lock.describe(), identity, lost.getMessage());
                        return Mono.empty();
                    })
                    .then(campaign.stopLeading());
        });
    }

    /**
     * One renewal: attempts every retryPeriod until one succeeds (true) or the election is stopped (false),
     * bounded as a whole by renewDeadline — past it, leadership is lost (client-go's PollImmediateUntil
     * under a renewDeadline context, which also bounds the attempt in flight).
     */
    private Mono<Boolean> renewRound(Mono<Void> stopRequested) {
        return attempt()
                .flatMap(ok -> ok ? Mono.just(true) : pause(config.retryPeriod(), stopRequested).flatMap(this::stoppedOrRetry))
                .repeatWhenEmpty(retries -> retries)
                .timeout(config.renewDeadline(), scheduler)
                .onErrorMap(TimeoutException.class, e -> new LeadershipLost("not renewed within renewDeadline " + config.renewDeadline()));
    }

    /** Waits {@code period}: true when it passed, false when the election was stopped first. */
    private Mono<Boolean> pause(Duration period, Mono<Void> stopRequested) {
        return Mono.delay(period, scheduler).thenReturn(true).or(stopRequested.then(Mono.just(false)));
    }

    /** After a pause: empty to try again, false to report the stop. */
    private Mono<Boolean> stoppedOrRetry(boolean go) {
        return go ? Mono.empty() : Mono.just(false);
    }

    private Mono<Boolean> attempt() {
        return Mono.defer(this::tryAcquireOrRenew).doOnNext(ok -> maybeReportTransition());
    }

    // ---- client-go's tryAcquireOrRenew ---------------------------------------------------------------

    private Mono<Boolean> tryAcquireOrRenew() {
        long nowNanos = nanos();
        Instant now = wallClock();
        LeaderElectionRecord desired = new LeaderElectionRecord(identity, (int) config.leaseDuration().getSeconds(), now, now, 0);

        // 1. Fast path for the leader: write without reading first; a conflict falls back to the slow path.
        LeaderElectionRecord observed = observedRecord;
        if (holdsLease() && isLeaseValid(nowNanos)) {
            LeaderElectionRecord renewed = desired.withAcquireTime(observed.acquireTime()).withLeaderTransitions(observed.leaderTransitions());
            return lock.update(renewed)
                    .then(Mono.fromCallable(() -> observe(renewed)))
                    .onErrorResume(e -> {
                        log.debug("failed to update lease {} optimistically, falling back to slow path: {}", lock.describe(), e.toString());
                        return slowPath(desired, nowNanos);
                    });
        }
        return slowPath(desired, nowNanos);
    }

    private Mono<Boolean> slowPath(LeaderElectionRecord desired, long nowNanos) {
        // 2. Obtain the record, or create it.
        return lock.get()
                .flatMap(old -> updateExisting(old, desired, nowNanos))
                .switchIfEmpty(Mono.defer(() -> lock.create(desired).then(Mono.fromCallable(() -> observe(desired)))))
                .onErrorResume(e -> {
                    if (e instanceof ConflictException || e instanceof AlreadyExistsException) {
                        log.debug("lease {} was written by another candidate first: {}", lock.describe(), e.getMessage());
                    } else {
                        log.warn("error acquiring or renewing lease {} as {}", lock.describe(), identity, e);
                    }
                    return Mono.just(false);
                });
    }

    private Mono<Boolean> updateExisting(LeaderElectionRecord old, LeaderElectionRecord desired, long nowNanos) {
        // 3. Record obtained: note when it last changed, and back off if someone else holds a valid lease.
        if (!old.equals(observedRecord)) {
            observe(old);
        }
        if (old.isHeld() && isLeaseValid(nowNanos) && !holdsLease()) {
            log.debug("lease {} is held by {} and has not yet expired", lock.describe(), old.holderIdentity());
            return Mono.just(false);
        }
        // 4. Take it over (a new transition) or renew it (keeping acquireTime and the transition count).
        LeaderElectionRecord toWrite = holdsLease()
                ? desired.withAcquireTime(old.acquireTime()).withLeaderTransitions(old.leaderTransitions())
                : desired.withLeaderTransitions(old.leaderTransitions() + 1);
        return lock.update(toWrite).then(Mono.fromCallable(() -> observe(toWrite)));
    }

    private Mono<Void> release() {
        return Mono.defer(() -> {
            if (!holdsLease()) {
                return Mono.empty();
            }
            Instant now = wallClock();
            LeaderElectionRecord released = new LeaderElectionRecord("", 1, now, now, observedRecord.leaderTransitions());
            return lock.update(released)
                    .then(Mono.fromRunnable(() -> {
                        observe(released);
                        log.info("released lease {}", lock.describe());
                    }))
                    .timeout(config.renewDeadline(), scheduler)
                    .onErrorResume(e -> {
                        log.error("failed to release lease {} as {}", lock.describe(), identity, e);
                        return Mono.empty();
                    })
                    .then();
        });
    }

    // ---- observed state ------------------------------------------------------------------------------

    private boolean observe(LeaderElectionRecord record) {
        observedRecord = record;
        observedNanos = nanos();
        return true;
    }

    /** Client-go's {@code IsLeader}: the last observed record names this candidate. */
    private boolean holdsLease() {
        LeaderElectionRecord record = observedRecord;
        return record != null && identity.equals(record.holderIdentity());
    }

    /** The observed record has not expired: it changed less than its leaseDurationSeconds ago, on our clock. */
    private boolean isLeaseValid(long nowNanos) {
        LeaderElectionRecord record = observedRecord;
        return record != null && observedNanos + TimeUnit.SECONDS.toNanos(record.leaseDurationSeconds()) > nowNanos;
    }

    private void maybeReportTransition() {
        String holder = leader();
        if (holder.equals(reportedLeader)) {
            return;
        }
        reportedLeader = holder;
        if (!holder.isEmpty()) {
            log.info("new leader for lease {}: {}", lock.describe(), holder);
            emit(new LeaderEvent.NewLeader(holder));
            safely("onNewLeader", () -> callbacks.onNewLeader(holder));
        }
    }

    private long nanos() {
        return scheduler.now(TimeUnit.NANOSECONDS);
    }

    private Instant wallClock() {
        return Instant.EPOCH.plus(scheduler.now(TimeUnit.MICROSECONDS), ChronoUnit.MICROS);
    }

    private static Duration jittered(Duration period) {
        return period.plusNanos((long) (ThreadLocalRandom.current().nextDouble() * LeaderElectionConfig.JITTER_FACTOR * period.toNanos()));
    }

    private void emit(LeaderEvent event) {
        Sinks.EmitResult result = events.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.debug("leader event {} not delivered: {}", event, result);
        }
    }

    private void safely(String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("leader election callback {} failed", callback, e);
        }
    }
}
