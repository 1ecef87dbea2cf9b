package io.kreactor.informers.informer;

import io.kreactor.informers.reflector.ReflectorConfig;
import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * How a {@link SharedIndexInformer} runs. Immutable.
 *
 * @param reflector    the Reflector's configuration (paging, watch timeouts, backoff, watchdog)
 * @param fifoCapacity the DeltaFIFO's capacity; when it is full the watch is no longer read. Default 1000.
 * @param resyncPeriod how often every cached object is re-delivered as {@code Updated(o, o)};
 *                     {@link Duration#ZERO} (the default) for never, as client-go's {@code 0}
 * @param scheduler    where the cache is updated and events are handed to subscribers (one worker per
 *                     informer, so this is serial), and the resync timer; default {@link Schedulers#parallel()}
 */
public record InformerConfig(ReflectorConfig reflector, int fifoCapacity, Duration resyncPeriod, Scheduler scheduler) {

    /** The defaults listed on the record components. */
    public static final InformerConfig DEFAULT = new InformerConfig(ReflectorConfig.DEFAULT, 1000, Duration.ZERO, Schedulers.parallel());

    /** Validates the values. */
    public InformerConfig {
        Objects.requireNonNull(reflector, "reflector");
        Objects.requireNonNull(resyncPeriod, "resyncPeriod");
        Objects.requireNonNull(scheduler, "scheduler");
        if (fifoCapacity < 1) {
            throw new IllegalArgumentException("fifoCapacity must be at least 1, was " + fifoCapacity);
        }
        if (resyncPeriod.isNegative()) {
            throw new IllegalArgumentException("resyncPeriod must not be negative, was " + resyncPeriod);
        }
    }

    /**
     * A copy with {@code reflector} configuration. Its own scheduler drives the Reflector's timers, so call
     * {@link #withScheduler} after this method to put the whole informer on one clock.
     */
    public InformerConfig withReflector(ReflectorConfig reflector) {
        return new InformerConfig(reflector, fifoCapacity, resyncPeriod, scheduler);
    }

    /** A copy with DeltaFIFO capacity {@code capacity}. */
    public InformerConfig withFifoCapacity(int capacity) {
        return new InformerConfig(reflector, capacity, resyncPeriod, scheduler);
    }

    /** A copy resyncing every {@code period} ({@link Duration#ZERO} for never). */
    public InformerConfig withResyncPeriod(Duration period) {
        return new InformerConfig(reflector, fifoCapacity, period, scheduler);
    }

    /**
     * A copy that processes on {@code scheduler} and also uses it for the Reflector's timers — one clock for
     * the whole informer (pass a {@code VirtualTimeScheduler} in tests).
     */
    public InformerConfig withScheduler(Scheduler scheduler) {
        return new InformerConfig(reflector.withScheduler(scheduler), fifoCapacity, resyncPeriod, scheduler);
    }
}
