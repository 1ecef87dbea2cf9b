package io.kreactor.informers.leaderelection;

import reactor.core.publisher.Mono;

/**
 * What a {@link LeaderElector} tells its user, client-go's {@code LeaderCallbacks}. Every method has an
 * empty default. Callbacks run on the elector's scheduler while the election waits for them: keep them short
 * and non-blocking (start work, don't do it). Exceptions they throw are logged and ignored. The same
 * transitions are published as {@link LeaderEvent}s by {@link LeaderElector#events()}.
 */
public interface LeaderCallbacks {

    /** Callbacks that do nothing. */
    LeaderCallbacks NONE = new LeaderCallbacks() {
    };

    /**
     * This candidate became the leader. {@code stoppedLeading} completes when it stops being the leader —
     * the renewal failed past the renew deadline, or the election was stopped — the counterpart of the
     * cancelled {@code context} client-go passes: stop the leader-only work when it completes.
     */
    default void onStartedLeading(Mono<Void> stoppedLeading) {
    }

    /**
     * This candidate stopped leading (after {@code stoppedLeading} completed and, with release-on-cancel,
     * after the lease was released). Called only after {@link #onStartedLeading}; unlike client-go, not when
     * an election that never led ends.
     */
    default void onStoppedLeading() {
    }

    /** A different holder of the lease was observed, this candidate included. */
    default void onNewLeader(String identity) {
    }
}
