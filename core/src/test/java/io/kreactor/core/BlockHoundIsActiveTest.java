package io.kreactor.core;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Guards the guard: if BlockHound were not installed, no test could catch blocking on a non-blocking thread. */
class BlockHoundIsActiveTest {

    @Test
    void aBlockingCallOnAParallelSchedulerThreadFails() {
        Mono<Integer> blocking = Mono.fromCallable(() -> {
            Thread.yield(); // a call BlockHound intercepts: it must fail on a non-blocking thread
            return 1;
        }).subscribeOn(Schedulers.parallel());

        StepVerifier.create(blocking)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(5));
    }
}
