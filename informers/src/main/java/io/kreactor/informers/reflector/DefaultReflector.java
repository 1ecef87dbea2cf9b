package io.kreactor.informers.reflector;

import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.informers.ListerWatcher;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Unrolls {@link ReflectorStep} into a {@code Flux}: each step's events go downstream (with the subscriber's
 * demand), and its final transition becomes the state the next step starts from.
 */
final class DefaultReflector<T> implements Reflector<T> {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultReflector.class);

    private final MetadataAccessor<T> accessor;
    private final ReflectorConfig config;
    private final ReflectorStep<T> stepper;
    private final Sinks.Many<Throwable> errors = Sinks.many().multicast().directBestEffort();
    private volatile String lastSyncResourceVersion = "";

    DefaultReflector(ListerWatcher<T> listerWatcher, MetadataAccessor<T> accessor, ReflectorConfig config) {
        this.accessor = Objects.requireNonNull(accessor, "accessor");
        this.config = Objects.requireNonNull(config, "config");
        this.stepper = new ReflectorStep<>(Objects.requireNonNull(listerWatcher, "listerWatcher"), accessor, config);
    }

    /** The mutable part of one subscription: where the machine is and how far the backoff has grown. */
    private final class Run {
        private volatile ReflectorState<T> state = new ReflectorState.Empty<>(config.watchList(),
                config.initialListFromCache());
        private Backoff backoff = Backoff.initial(config);

        void apply(Step.Transition<T> t) {
            if (t.error() != null) {
                report(t.error());
            }
            if (t.backoff()) {
                Backoff.Decision d = backoff.next(config.scheduler().now(TimeUnit.MILLISECONDS), config);
                backoff = d.next();
                state = new ReflectorState.Waiting<>(d.delay(), t.next());
            } else {
                state = t.next();
            }
        }
    }

    @Override
    public Flux<ReflectorEvent<T>> events() {
        return Flux.defer(() -> {
            Run run = new Run();
            // Each generated step is deferred, so it reads the state only after the previous step has ended.
            return Flux.<Flux<Step<T>>>generate(sink -> sink.next(Flux.defer(() -> stepper.step(run.state))))
                    .concatMap(step -> step, 1)
                    .<ReflectorEvent<T>>handle((step, sink) -> {
                        if (step instanceof Step.Emit<T> emit) {
                            track(emit.event());
                            sink.next(emit.event());
                        } else if (step instanceof Step.Transition<T> t) {
                            run.apply(t);
                        }
                    });
        });
    }

    private void track(ReflectorEvent<T> event) {
        String rv = null;
        if (event instanceof ReflectorEvent.Replace<T> r) {
            rv = r.resourceVersion();
        } else if (event instanceof ReflectorEvent.Bookmark<T> b) {
            rv = b.resourceVersion();
        } else if (event instanceof ReflectorEvent.Added<T> a) {
            rv = accessor.resourceVersion(a.object());
        } else if (event instanceof ReflectorEvent.Modified<T> m) {
            rv = accessor.resourceVersion(m.object());
        } else if (event instanceof ReflectorEvent.Deleted<T> d) {
            rv = accessor.resourceVersion(d.object());
        }
        if (rv != null && !rv.isEmpty()) {
            lastSyncResourceVersion = rv;
        }
    }

    private void report(Throwable error) {
        try {
            config.errorHandler().accept(error);
        } catch (RuntimeException e) {
            LOG.warn("reflector error handler threw; ignoring", e);
        }
        // Several subscriptions may report at once; the sink needs serialized emissions.
        synchronized (errors) {
            errors.tryEmitNext(error);
        }
    }

    @Override
    public Flux<Throwable> errors() {
        return errors.asFlux();
    }

    @Override
    public String lastSyncResourceVersion() {
        return lastSyncResourceVersion;
    }
}
