package io.kreactor.rest.codec;

import java.util.Objects;
import reactor.core.scheduler.Scheduler;

/**
 * Where a {@link DecodingFlux} binds the values it has delimited: on the draining thread as the subscriber asks
 * for them ({@link #NONE}), or on up to {@code parallelism} tasks of {@code scheduler}, ahead of demand by at most
 * {@link #readAhead()} values. Binding through Jackson is most of a LIST's or WATCH's CPU time, and the thread that
 * reads the socket (a Netty event loop) can only scan; moving the binding off it lets reading, scanning and
 * binding use every core while the values are still emitted in body order.
 *
 * @param scheduler   where binding tasks run (normally {@code Schedulers.parallel()}), or null for {@link #NONE}
 * @param parallelism how many tasks may bind values of one response at once; 1 or more
 */
record ParallelBinding(Scheduler scheduler, int parallelism) {

    /** Binds on the draining thread, when the subscriber requests the value. */
    static final ParallelBinding NONE = new ParallelBinding(null, 1);

    /** Values one binding task binds before it yields its worker to other tasks (and reschedules itself). */
    static final int VALUES_PER_TASK = 64;

    ParallelBinding {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    /** Binding on {@code parallelism} tasks of {@code scheduler}. */
    static ParallelBinding on(Scheduler scheduler, int parallelism) {
        return new ParallelBinding(Objects.requireNonNull(scheduler, "scheduler"), parallelism);
    }

    /** Whether values are bound by scheduled tasks rather than by the draining thread. */
    boolean isParallel() {
        return scheduler != null;
    }

    /**
     * How many delimited values may wait for binding or emission before the next chunk is requested: one for
     * {@link #NONE}, whose values may be slices of the scanner's scratch array that the next chunk overwrites;
     * enough to keep every binding task busy otherwise (a chunk of 8 KiB holds two or three Pods).
     */
    int readAhead() {
        return isParallel() ? 32 * parallelism : 1;
    }
}
