package io.kreactor.informers.leaderelection;

import io.kreactor.rest.RestClient;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Leader election over a {@code coordination.k8s.io/v1} Lease with client-go's
 * {@code tools/leaderelection} semantics: of all candidates running an elector for the same Lease, at most
 * one leads at a time (given the timing assumptions spelled out in {@link LeaderElectionConfig}).
 *
 * <p>A candidate <b>acquires</b> the lease when it does not exist (it creates it), when nobody holds it
 * (released), when it already holds it, or when it has expired — no change observed for the record's
 * {@code leaseDurationSeconds}, timed on this candidate's clock from when it last saw the record change.
 * Acquiring writes {@code holderIdentity}, {@code leaseDurationSeconds}, {@code acquireTime},
 * {@code renewTime} and {@code leaseTransitions + 1}; the write carries the resourceVersion read, so when two
 * candidates race the API server accepts one and answers the other 409 Conflict. Attempts repeat every
 * {@code retryPeriod} (jittered). The leader <b>renews</b> ({@code renewTime}) every {@code retryPeriod};
 * when it cannot renew for {@code renewDeadline} it stops leading. With {@code releaseOnCancel}, stopping the
 * election while leading <b>releases</b> the lease (empty holder, {@code leaseDurationSeconds: 1}).
 *
 * <pre>{@code
 * LeaderElector elector = LeaderElector.create(LeaderElectionConfig.of("kube-system", "my-operator", podName)
 *         .withReleaseOnCancel(true)
 *         .withCallbacks(new LeaderCallbacks() {
 *             public void onStartedLeading(Mono<Void> stopped) {
 *                 controller.start();
 *                 stopped.then(controller.stop()).subscribe();
 *             }
 *         }), restClient);
 * elector.run(shutdownSignal).subscribe();
 * }</pre>
 */
public interface LeaderElector {

    /**
     * An elector for {@code config} using {@code lock} (one lock per elector).
     *
     * @throws IllegalArgumentException when the config is invalid; see {@link LeaderElectionConfig#validate()}
     */
    static LeaderElector create(LeaderElectionConfig config, LeaseLock lock) {
        return new DefaultLeaderElector(config.validate(), lock);
    }

    /** An elector for {@code config} over the Lease it names, through {@code rest}. */
    static LeaderElector create(LeaderElectionConfig config, RestClient rest) {
        config.validate();
        return create(config, LeaseLock.forLease(rest, config.leaseNamespace(), config.leaseName()));
    }

    /** The configuration. */
    LeaderElectionConfig config();

    /** {@link #run(Publisher)} without a stop signal: stop it by cancelling the subscription. */
    Mono<Void> run();

    /**
     * Takes part in the election, client-go's {@code Run}: tries to acquire the lease until it succeeds,
     * then leads and renews until leadership is lost, and completes then — leadership is not sought again
     * (run it again, or exit the process, as client-go users do). When {@code stop} emits or completes, the
     * election stops: a lock call in flight is allowed to finish (cancelling a write the server may have
     * applied would leave the lock's resourceVersion stale), then no further attempts are made, the leader
     * stops leading (releasing the lease with {@code releaseOnCancel}), and the returned {@code Mono}
     * completes after {@code onStoppedLeading}.
     * Cancelling the subscription stops the same way, except that the release is sent without waiting for it.
     * One run at a time per elector; a second concurrent subscription fails with {@link IllegalStateException}.
     */
    Mono<Void> run(Publisher<?> stop);

    /**
     * The transitions this elector sees, as they happen (hot: subscribe before {@link #run}). Never
     * completes.
     */
    Flux<LeaderEvent> events();

    /** True while this candidate is leading: between {@code onStartedLeading} and {@code onStoppedLeading}. */
    boolean isLeader();

    /** The holder identity last observed in the lease, or the empty string if none was observed. */
    String leader();
}
