package io.kreactor.informers.reflector;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * Fails a watch with {@link TimeoutException} when it has delivered nothing for {@code timeout} although the
 * consumer was asking for events. A plain {@code Flux.timeout} would also fire while the consumer applies
 * backpressure (a full DeltaFIFO requests nothing, so nothing arrives) and restart a healthy watch; here a
 * period in which nothing was requested does not count, and the silence is measured again from its end.
 *
 * <p>One timer per silence period, not one per event: an event only records the time. {@code Flux.timeout}
 * with a companion per item scheduled and cancelled a timer on the scheduler for every event, about a tenth
 * of an informer's CPU time at tens of thousands of events a second. The timer wakes when the watch could
 * first have been silent for {@code timeout} and, if an event or a fresh request came since, sleeps again.
 */
final class Watchdog {

    private Watchdog() {
    }

    static <T> Flux<T> guard(Flux<T> watch, Duration timeout, Scheduler scheduler) {
        return Flux.defer(() -> {
            Silence silence = new Silence(timeout.toMillis(), scheduler);
            return watch
                    .doOnNext(item -> silence.delivered())
                    .doOnRequest(silence::requested)
                    .takeUntilOther(silence.alarm())
                    .concatWith(Mono.defer(() -> silence.fired.get()
                            ? Mono.error(new TimeoutException("the watch delivered nothing for " + timeout
                                    + " while events were requested"))
                            : Mono.empty()));
        });
    }

    /** Demand outstanding upstream and the start of the current silence, in the scheduler's clock. */
    private static final class Silence {
        private final long timeoutMillis;
        private final Scheduler scheduler;
        private final AtomicLong outstanding = new AtomicLong();
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile long since;

        Silence(long timeoutMillis, Scheduler scheduler) {
            this.timeoutMillis = timeoutMillis;
            this.scheduler = scheduler;
            this.since = now();
        }

        void delivered() {
            since = now();
            outstanding.getAndUpdate(n -> n == Long.MAX_VALUE ? n : n - 1);
        }

        void requested(long n) {
            if (outstanding.getAndUpdate(current -> Operators.addCap(current, n)) == 0) {
                // A period without demand ends here; the silence that counts starts now.
                since = now();
            }
        }

        /** Emits once the watch has been silent for the timeout while events were requested. */
        Mono<Boolean> alarm() {
            return Mono.create(sink -> {
                Disposable.Swap timer = Disposables.swap();
                sink.onDispose(timer);
                timer.update(schedule(new Runnable() {
                    @Override
                    public void run() {
                        if (outstanding.get() > 0 && now() - since >= timeoutMillis) {
                            fired.set(true);
                            sink.success(true);
                        } else {
                            timer.update(schedule(this));
                        }
                    }
                }));
            });
        }

        /** Without demand nothing can expire before demand returns, so a full period is as good a wait as any. */
        private Disposable schedule(Runnable check) {
            long delay = outstanding.get() > 0 ? Math.max(0, since + timeoutMillis - now()) : timeoutMillis;
            return scheduler.schedule(check, delay, TimeUnit.MILLISECONDS);
        }

        private long now() {
            return scheduler.now(TimeUnit.MILLISECONDS);
        }
    }
}
