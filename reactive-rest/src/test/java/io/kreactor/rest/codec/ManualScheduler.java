package io.kreactor.rest.codec;

import java.util.ArrayDeque;
import java.util.Deque;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * A scheduler whose tasks run only when the test says so, on the test's thread: lets a test stop the world
 * between "queued for binding" and "bound". Not thread-safe; only for single-threaded tests.
 */
final class ManualScheduler implements Scheduler {

    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private int ran;

    @Override
    public Disposable schedule(Runnable task) {
        tasks.add(task);
        return Disposables.single();
    }

    @Override
    public Worker createWorker() {
        throw new UnsupportedOperationException("the decoder schedules tasks directly");
    }

    /** Tasks queued and not yet run. */
    int pending() {
        return tasks.size();
    }

    /** Tasks run so far. */
    int ran() {
        return ran;
    }

    /** Runs the oldest queued task. */
    void runOne() {
        Runnable task = tasks.poll();
        if (task == null) {
            throw new IllegalStateException("no task is queued");
        }
        ran++;
        task.run();
    }

    /** Runs queued tasks, including those they queue, until none is left. */
    void runUntilIdle() {
        while (!tasks.isEmpty()) {
            runOne();
        }
    }
}
