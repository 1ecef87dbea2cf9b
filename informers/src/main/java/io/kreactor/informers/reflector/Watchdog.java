package io.kreactor.informers.reflector;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * Fails a watch with {@link TimeoutException} when it has delivered nothing for {@code timeout} although the
 * consumer was asking for events. A plain {@code Flux.timeout} would also fire while the consumer applies
 * backpressure (a full DeltaFIFO requests nothing, so nothing arrives) and restart a healthy watch; here a
 * period in which nothing was requested does not count, and the silence is measured again from its end.
 */
final class Watchdog {

    private Watchdog() {
    }

    static <T> Flux<T> guard(Flux<T> watch, Duration timeout, Scheduler scheduler) {
        return Flux.defer(() -> {
            AtomicLong outstanding = new AtomicLong();
            Mono<Long> silence = Mono.defer(() -> Mono.delay(timeout, scheduler))
                    .filter(tick -> outstanding.get() > 0)
                    .repeatWhenEmpty(periods -> periods);
            return watch.timeout(silence, item -> silence)
                    .doOnNext(item -> outstanding.getAndUpdate(n -> n == Long.MAX_VALUE ? n : n - 1))
                    .doOnRequest(n -> outstanding.getAndUpdate(current -> Operators.addCap(current, n)));
        });
    }
}
