package io.kreactor.informers.leaderelection;

import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The settings of one leader-election candidate, client-go's {@code leaderelection.LeaderElectionConfig}.
 * Immutable: every {@code withX} returns a copy. {@link LeaderElector#create} validates it.
 *
 * <ul>
 *   <li>{@code leaseDuration} (default 15 s): how long followers wait, from the last change of the lease
 *       they observed, before they may take it over. It is measured on each follower's own clock from when
 *       it saw the record change, never by comparing its clock with the holder's {@code renewTime}, so
 *       clock skew between nodes does not matter.</li>
 *   <li>{@code renewDeadline} (default 10 s): how long the leader keeps trying to renew before it gives up
 *       leading. Must be shorter than {@code leaseDuration}, so a leader that cannot renew stops before a
 *       follower can take over.</li>
 *   <li>{@code retryPeriod} (default 2 s): the pause between attempts to acquire (jittered by up to
 *       {@link #JITTER_FACTOR} × itself) and between renewals.</li>
 *   <li>{@code releaseOnCancel} (default false): when the election is stopped while leading, release the
 *       lease (empty holder, {@code leaseDurationSeconds: 1}) so a follower takes over at once instead of
 *       after {@code leaseDuration}. Stop your leader-only work before the election stops.</li>
 * </ul>
 */
public final class LeaderElectionConfig {

    /** Client-go's default lease duration. */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
    /** Client-go's default renew deadline. */
    public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
    /** Client-go's default retry period. */
    public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);
    /** Client-go's {@code JitterFactor}: acquire attempts wait {@code retryPeriod × (1 + up to 1.2)}. */
    public static final double JITTER_FACTOR = 1.2;

    private final String leaseNamespace;
    private final String leaseName;
    private final String identity;
    private final Duration leaseDuration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;
    private final boolean releaseOnCancel;
    private final LeaderCallbacks callbacks;
    private final Scheduler scheduler;

    private LeaderElectionConfig(String leaseNamespace, String leaseName, String identity, Duration leaseDuration,
                                 Duration renewDeadline, Duration retryPeriod, boolean releaseOnCancel, LeaderCallbacks callbacks,
                                 Scheduler scheduler) {
        this.leaseNamespace = Objects.requireNonNull(leaseNamespace, "leaseNamespace");
        this.leaseName = Objects.requireNonNull(leaseName, "leaseName");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
        this.renewDeadline = Objects.requireNonNull(renewDeadline, "renewDeadline");
        this.retryPeriod = Objects.requireNonNull(retryPeriod, "retryPeriod");
        this.releaseOnCancel = releaseOnCancel;
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * A candidate named {@code identity} (unique among candidates: the pod name, say) competing for the
     * Lease {@code leaseNamespace/leaseName}, with client-go's default timings, no callbacks and the
     * {@link Schedulers#parallel()} scheduler.
     */
    public static LeaderElectionConfig of(String leaseNamespace, String leaseName, String identity) {
        return new LeaderElectionConfig(leaseNamespace, leaseName, identity, DEFAULT_LEASE_DURATION, DEFAULT_RENEW_DEADLINE,
                DEFAULT_RETRY_PERIOD, false, LeaderCallbacks.NONE, Schedulers.parallel());
    }

    /** The namespace of the Lease. */
    public String leaseNamespace() {
        return leaseNamespace;
    }

    /** The name of the Lease. */
    public String leaseName() {
        return leaseName;
    }

    /** This candidate's identity, written as {@code holderIdentity} when it leads. */
    public String identity() {
        return identity;
    }

    /** How long a follower waits after the last observed change before taking over. */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /** How long the leader keeps retrying a renewal before it stops leading. */
    public Duration renewDeadline() {
        return renewDeadline;
    }

    /** The pause between acquire attempts and between renewals. */
    public Duration retryPeriod() {
        return retryPeriod;
    }

    /** Whether the lease is released when the election is stopped while leading. */
    public boolean releaseOnCancel() {
        return releaseOnCancel;
    }

    /** The callbacks. */
    public LeaderCallbacks callbacks() {
        return callbacks;
    }

    /** The scheduler for all timing, also the clock; a {@code VirtualTimeScheduler} in tests. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** A copy with {@code leaseDuration} replaced (whole seconds, as the Lease stores it). */
    public LeaderElectionConfig withLeaseDuration(Duration leaseDuration) {
        return new LeaderElectionConfig(leaseNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod,
                releaseOnCancel, callbacks, scheduler);
    }

    /** A copy with {@code renewDeadline} replaced. */
    public LeaderElectionConfig withRenewDeadline(Duration renewDeadline) {
        return new LeaderElectionConfig(leaseNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod,
                releaseOnCancel, callbacks, scheduler);
    }

    /** A copy with {@code retryPeriod} replaced. */
    public LeaderElectionConfig withRetryPeriod(Duration retryPeriod) {
        return new LeaderElectionConfig(leaseNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod,
                releaseOnCancel, callbacks, scheduler);
    }

    /** A copy with {@code releaseOnCancel} replaced. */
    public LeaderElectionConfig withReleaseOnCancel(boolean releaseOnCancel) {
        return new LeaderElectionConfig(leaseNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod,
                releaseOnCancel, callbacks, scheduler);
    }

    /** A copy with {@code callbacks} replaced. */
    public LeaderElectionConfig withCallbacks(LeaderCallbacks callbacks) {
        return new LeaderElectionConfig(leaseNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod,
                releaseOnCancel, callbacks, scheduler);
    }

    /** A copy with {@code scheduler} replaced. */
    public LeaderElectionConfig withScheduler(Scheduler scheduler) {
        return new LeaderElectionConfig(leaseNamespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod,
                releaseOnCancel, callbacks, scheduler);
    }

    /**
     * Checks the settings as client-go's {@code NewLeaderElector} does: every duration positive,
     * {@code leaseDuration > renewDeadline > retryPeriod × JITTER_FACTOR}, a non-empty identity, lease
     * namespace and name, and a lease duration of whole seconds.
     *
     * @return this config
     * @throws IllegalArgumentException naming the setting and its value when one is wrong
     */
    public LeaderElectionConfig validate() {
        requirePositive(leaseDuration, "leaseDuration");
        requirePositive(renewDeadline, "renewDeadline");
        requirePositive(retryPeriod, "retryPeriod");
        if (leaseDuration.compareTo(renewDeadline) <= 0) {
            throw new IllegalArgumentException("leaseDuration (" + leaseDuration + ") must be greater than renewDeadline (" + renewDeadline + ")");
        }
        long jitteredRetry = (long) (JITTER_FACTOR * retryPeriod.toNanos());
        if (renewDeadline.toNanos() <= jitteredRetry) {
            throw new IllegalArgumentException("renewDeadline (" + renewDeadline + ") must be greater than retryPeriod*JitterFactor ("
                    + retryPeriod + " * " + JITTER_FACTOR + ")");
        }
        if (leaseDuration.getNano() != 0) {
            throw new IllegalArgumentException("leaseDuration (" + leaseDuration + ") must be whole seconds: the Lease stores leaseDurationSeconds");
        }
        requireNonEmpty(identity, "identity");
        requireNonEmpty(leaseNamespace, "leaseNamespace");
        requireNonEmpty(leaseName, "leaseName");
        return this;
    }

    private static void requirePositive(Duration d, String what) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be greater than zero, got " + d);
        }
    }

    private static void requireNonEmpty(String value, String what) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /** The lease, identity and timings. */
    @Override
    public String toString() {
        return "LeaderElectionConfig[lease=" + leaseNamespace + "/" + leaseName + ", identity=" + identity + ", leaseDuration="
                + leaseDuration + ", renewDeadline=" + renewDeadline + ", retryPeriod=" + retryPeriod + ", releaseOnCancel="
                + releaseOnCancel + "]";
    }
}
