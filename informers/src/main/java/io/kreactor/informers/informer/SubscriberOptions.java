package io.kreactor.informers.informer;

import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * How one subscriber of {@link SharedIndexInformer#events(SubscriberOptions)} is served. Immutable.
 *
 * @param bufferSize  the most undelivered change events this subscriber may fall behind (the initial cache
 *                    contents do not count); overflowing ends its {@code Flux} with
 *                    {@link SubscriberOverflowException}. Default 1024.
 * @param latestPerKey level-triggered mode: instead of every event, keep only the latest state per key
 *                    (an ADDED then UPDATED is one Added with the new state, an UPDATED then DELETED one
 *                    Deleted, an ADDED then DELETED nothing). Memory is bounded by the number of keys, so
 *                    this mode never overflows. Default false.
 * @param resync      whether this subscriber receives the periodic resync ({@code Updated(o, o)}) when the
 *                    informer has a resync period. Default true.
 * @param scheduler   where this subscriber's {@code onNext} (its callbacks) run. Default
 *                    {@link Schedulers#parallel()}: callbacks must not block — pass
 *                    {@link Schedulers#boundedElastic()} for blocking ones.
 */
public record SubscriberOptions(int bufferSize, boolean latestPerKey, boolean resync, Scheduler scheduler) {

    /** The defaults listed on the record components. */
    public static final SubscriberOptions DEFAULT = new SubscriberOptions(1024, false, true, Schedulers.parallel());

    /** Validates the values. */
    public SubscriberOptions {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be at least 1, was " + bufferSize);
        }
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** A copy with {@code bufferSize}. */
    public SubscriberOptions withBufferSize(int bufferSize) {
        return new SubscriberOptions(bufferSize, latestPerKey, resync, scheduler);
    }

    /** A copy in (or out of) latest-state-per-key mode. */
    public SubscriberOptions withLatestPerKey(boolean latestPerKey) {
        return new SubscriberOptions(bufferSize, latestPerKey, resync, scheduler);
    }

    /** A copy that receives (or not) the periodic resync. */
    public SubscriberOptions withResync(boolean resync) {
        return new SubscriberOptions(bufferSize, latestPerKey, resync, scheduler);
    }

    /** A copy whose callbacks run on {@code scheduler}. */
    public SubscriberOptions withScheduler(Scheduler scheduler) {
        return new SubscriberOptions(bufferSize, latestPerKey, resync, scheduler);
    }
}
