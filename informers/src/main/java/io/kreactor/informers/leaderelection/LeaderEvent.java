package io.kreactor.informers.leaderelection;

/**
 * A leadership transition seen by one {@link LeaderElector}, the stream form of {@link LeaderCallbacks}.
 */
public sealed interface LeaderEvent {

    /** The identity the event is about. */
    String identity();

    /**
     * The elector's own candidate became the leader.
     *
     * @param identity this candidate's identity
     */
    record StartedLeading(String identity) implements LeaderEvent {
    }

    /**
     * The elector's own candidate stopped leading.
     *
     * @param identity this candidate's identity
     */
    record StoppedLeading(String identity) implements LeaderEvent {
    }

    /**
     * A new holder of the lease was observed.
     *
     * @param identity the new leader's identity
     */
    record NewLeader(String identity) implements LeaderEvent {
    }
}
