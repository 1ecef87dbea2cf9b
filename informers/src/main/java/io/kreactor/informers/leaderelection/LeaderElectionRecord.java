package io.kreactor.informers.leaderelection;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a leader-election lock, client-go's {@code resourcelock.LeaderElectionRecord}; stored as the
 * {@code spec} of a {@code coordination.k8s.io/v1} Lease.
 *
 * @param holderIdentity       who holds the lease; the empty string when nobody does (after a release)
 * @param leaseDurationSeconds how long, from the last renewal a candidate has observed, the holder's claim lasts
 * @param acquireTime          when the current holder acquired the lease, or null
 * @param renewTime            when the holder last renewed the lease, or null
 * @param leaderTransitions    how many times the lease has changed hands
 */
public record LeaderElectionRecord(String holderIdentity, int leaseDurationSeconds, Instant acquireTime, Instant renewTime,
                                   int leaderTransitions) {

    /** Normalizes a null holder to the empty string. */
    public LeaderElectionRecord {
        holderIdentity = Objects.requireNonNullElse(holderIdentity, "");
    }

    /** True when somebody holds the lease. */
    public boolean isHeld() {
        return !holderIdentity.isEmpty();
    }

    /** A copy with {@code acquireTime} replaced. */
    public LeaderElectionRecord withAcquireTime(Instant acquireTime) {
        return new LeaderElectionRecord(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaderTransitions);
    }

    /** A copy with {@code leaderTransitions} replaced. */
    public LeaderElectionRecord withLeaderTransitions(int leaderTransitions) {
        return new LeaderElectionRecord(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaderTransitions);
    }
}
