package io.kreactor.informers.leaderelection;

import io.kreactor.core.api.Status;
import io.kreactor.core.errors.ApiException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One in-memory lease for tests and demos of leader election, with the API server's optimistic concurrency:
 * every write gets a new resource version, and an update based on an older one fails with a
 * {@code ConflictException}. Give each candidate its own {@link #newLock()}. Faults can be injected to
 * test renewal failures: {@link #failRequests(boolean)} and {@link #failNextRequests(int)} make lock calls
 * fail with 503 Service Unavailable, and {@link #responseLatency} delays answers the way a network does — a
 * write is applied at once but the lock learns the new resource version only when the answer arrives, so a
 * call cancelled in between leaves that lock stale, as with a real API server. Thread-safe and lock-free.
 */
public final class InMemoryLease {

    private record Stored(LeaderElectionRecord record, long resourceVersion) {
    }

    private record Latency(Duration delay, Scheduler timer) {
    }

    private final String namespace;
    private final String name;
    private final AtomicReference<Stored> stored = new AtomicReference<>();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicLong writes = new AtomicLong();
    private volatile boolean failing;
    private volatile Latency latency;

    /** An absent lease {@code namespace/name}. */
    public InMemoryLease(String namespace, String name) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A new lock over this lease, with its own remembered resource version: one per candidate. */
    public LeaseLock newLock() {
        return new Lock();
    }

    /** The current record, if the lease exists. */
    public Optional<LeaderElectionRecord> record() {
        return Optional.ofNullable(stored.get()).map(Stored::record);
    }

    /** How many successful creates and updates the lease has seen. */
    public long writes() {
        return writes.get();
    }

    /** While {@code failing}, every lock call fails with 503 Service Unavailable. */
    public void failRequests(boolean failing) {
        this.failing = failing;
    }

    /** The next {@code count} lock calls fail with 503 Service Unavailable. */
    public void failNextRequests(int count) {
        failNext.set(count);
    }

    /**
     * Answers every lock call {@code delay} after it was applied, timed on {@code timer}; {@link Duration#ZERO}
     * answers at once again.
     */
    public void responseLatency(Duration delay, Scheduler timer) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(timer, "timer");
        this.latency = delay.isZero() || delay.isNegative() ? null : new Latency(delay, timer);
    }

    /** Overwrites the lease as another writer would (creating it if absent), bumping the resource version. */
    public void put(LeaderElectionRecord record) {
        stored.set(new Stored(Objects.requireNonNull(record, "record"), versions.incrementAndGet()));
        writes.incrementAndGet();
    }

    @Override
    public String toString() {
        return "InMemoryLease[" + namespace + "/" + name + "]";
    }

    private ApiException error(int code, String reason, String verb, String message) {
        return ApiException.from(Status.failure(code, reason, message), code, verb, "memory:///" + namespace + "/leases/" + name);
    }

    private ApiException injectedFault(String verb) {
        if (failing || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(503, "ServiceUnavailable", verb, "injected fault");
        }
        return null;
    }

    /** Answers an applied call: after the configured latency, runs {@code learn} (the lock noting the new version), then {@code result}. */
    private <T> Mono<T> answer(Runnable learn, Mono<T> result) {
        Latency current = latency;
        if (current == null) {
            learn.run();
            return result;
        }
        return Mono.delay(current.delay(), current.timer()).then(Mono.fromRunnable(learn)).then(result);
    }

    /** One candidate's view of the lease. */
    private final class Lock implements LeaseLock {
        private volatile long lastSeen = -1;

        @Override
        public String describe() {
            return namespace + "/" + name;
        }

        @Override
        public Mono<LeaderElectionRecord> get() {
            return Mono.defer(() -> {
                ApiException fault = injectedFault("GET");
                if (fault != null) {
                    return Mono.error(fault);
                }
                Stored current = stored.get();
                if (current == null) {
                    return answer(() -> { }, Mono.empty());
                }
                return answer(() -> lastSeen = current.resourceVersion(), Mono.just(current.record()));
            });
        }

        @Override
        public Mono<Void> create(LeaderElectionRecord record) {
            Objects.requireNonNull(record, "record");
            return Mono.defer(() -> {
                ApiException fault = injectedFault("POST");
                if (fault != null) {
                    return Mono.error(fault);
                }
                Stored created = new Stored(record, versions.incrementAndGet());
                if (!stored.compareAndSet(null, created)) {
                    return Mono.error(error(409, "AlreadyExists", "POST", "leases \"" + name + "\" already exists"));
                }
                writes.incrementAndGet();
                return answer(() -> lastSeen = created.resourceVersion(), Mono.<Void>empty());
            });
        }

        @Override
        public Mono<Void> update(LeaderElectionRecord record) {
            Objects.requireNonNull(record, "record");
            return Mono.defer(() -> {
                ApiException fault = injectedFault("PUT");
                if (fault != null) {
                    return Mono.error(fault);
                }
                if (lastSeen < 0) {
                    return Mono.error(new IllegalStateException("lease " + describe() + " not initialized: call get or create first"));
                }
                Stored current = stored.get();
                if (current == null) {
                    return Mono.error(error(404, "NotFound", "PUT", "leases \"" + name + "\" not found"));
                }
                Stored next = new Stored(record, versions.incrementAndGet());
                if (current.resourceVersion() != lastSeen || !stored.compareAndSet(current, next)) {
                    return Mono.error(error(409, "Conflict", "PUT", "Operation cannot be fulfilled on leases \"" + name
                            + "\": the object has been modified; please apply your changes to the latest version and try again"));
                }
                writes.incrementAndGet();
                return answer(() -> lastSeen = next.resourceVersion(), Mono.<Void>empty());
            });
        }
    }
}
