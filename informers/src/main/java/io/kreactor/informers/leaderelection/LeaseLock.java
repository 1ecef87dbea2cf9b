package io.kreactor.informers.leaderelection;

import io.kreactor.rest.RestClient;
import reactor.core.publisher.Mono;

/**
 * Reads and writes one leader-election lock, client-go's {@code resourcelock.Interface} narrowed to Leases.
 *
 * <p>A lock is <em>stateful</em>, like client-go's {@code LeaseLock}: it remembers the version of the lock
 * object it last read or wrote, and {@link #update} writes only if the object is still at that version
 * (optimistic concurrency through {@code metadata.resourceVersion}). A {@code ConflictException} from
 * {@code update} therefore means another candidate wrote in between — it won. Use one lock per candidate.
 * Lock calls are made one at a time by the {@link LeaderElector}.
 */
public interface LeaseLock {

    /**
     * The lock over the Lease {@code namespace/name} ({@code coordination.k8s.io/v1}) read and written
     * through {@code rest}, with Jackson trees for the Lease object.
     */
    static LeaseLock forLease(RestClient rest, String namespace, String name) {
        return new RestLeaseLock(rest, namespace, name);
    }

    /** A description for logs, such as {@code kube-system/my-controller}. */
    String describe();

    /** Reads the lock's record; empty when the lock object does not exist. */
    Mono<LeaderElectionRecord> get();

    /** Creates the lock object with {@code record}; fails with {@code AlreadyExistsException} if it exists. */
    Mono<Void> create(LeaderElectionRecord record);

    /**
     * Replaces the record, provided the lock object is unchanged since this lock last read or wrote it;
     * fails with {@code ConflictException} otherwise, and with {@link IllegalStateException} when this lock
     * has not read or created the object yet.
     */
    Mono<Void> update(LeaderElectionRecord record);
}
