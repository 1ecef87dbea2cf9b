package io.kreactor.core.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Teaches <a href="https://github.com/reactor/BlockHound">BlockHound</a> the one wait kreactor's timers cannot avoid,
 * so an application that runs BlockHound (as kreactor's own tests do) is not failed by it. BlockHound finds this
 * class through {@link java.util.ServiceLoader} when it is installed; without BlockHound it is never loaded.
 *
 * <p>Cancelling a periodic timer (an informer's resync, the embedded API server's bookmark ticker, any
 * {@code Flux.interval}) removes its task from the worker's {@code ScheduledThreadPoolExecutor} queue, which takes that
 * queue's lock and may park for the moment the worker thread holds it. Reactor's own integration allows exactly
 * this wait for one-shot tasks ({@code WorkerTask#dispose}, {@code SchedulerTask#dispose}; reactor-core#3210) but
 * not for its periodic tasks. Reported there, the wait is worse than a false alarm: BlockHound's error is thrown
 * from inside the lock's {@code acquire}, which leaves the waiter queued on the lock for good, so the worker thread
 * blocks forever on its next task and every task later scheduled on it (a decoder's binding task, a timeout) never
 * runs.
 */
public final class KreactorBlockHoundIntegration implements BlockHoundIntegration {

    private static final String PACKAGE = "reactor.core.scheduler.";

    /** Created by {@link java.util.ServiceLoader}. */
    public KreactorBlockHoundIntegration() {
    }

    /** Allows the queue-lock wait of cancelling Reactor's periodic tasks, however they are cancelled. */
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(PACKAGE + "PeriodicWorkerTask", "dispose")
                .allowBlockingCallsInside(PACKAGE + "PeriodicWorkerTask", "setFuture")
                .allowBlockingCallsInside(PACKAGE + "PeriodicSchedulerTask", "dispose")
                .allowBlockingCallsInside(PACKAGE + "PeriodicSchedulerTask", "setFuture")
                .allowBlockingCallsInside(PACKAGE + "InstantPeriodicWorkerTask", "dispose")
                .allowBlockingCallsInside(PACKAGE + "InstantPeriodicWorkerTask", "setFirst")
                .allowBlockingCallsInside(PACKAGE + "InstantPeriodicWorkerTask", "setRest");
    }
}
