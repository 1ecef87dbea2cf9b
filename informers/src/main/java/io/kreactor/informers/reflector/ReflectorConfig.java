package io.kreactor.informers.reflector;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * How a {@link Reflector} lists, watches and recovers. Immutable: every {@code withX} returns a copy.
 * {@link #DEFAULT} uses client-go's values:
 *
 * <ul>
 *   <li>{@code pageSize} 500 — client-go's {@code defaultPageSize}, kube-rs' {@code page_size};</li>
 *   <li>{@code initialListFromCache} on — the very first LIST asks for {@code resourceVersion=0}, as client-go's
 *       reflector does: the API server answers it from its watch cache, in one response whatever the page size
 *       (kubernetes/kubernetes#70735), instead of paging through etcd. The objects may be slightly older than
 *       etcd's; the watch that follows from the list's resourceVersion brings the cache up to date. Relists
 *       after a 410 read consistently ({@code resourceVersion} unset), as client-go's do;</li>
 *   <li>{@code watchList} off — streaming lists ({@code sendInitialEvents}) are opt-in, as client-go's
 *       {@code WatchListClient} gate; when on, a server that rejects or ignores it is listed instead;</li>
 *   <li>watch {@code timeoutSeconds} random in [5 min, 10 min) — client-go's {@code minWatchTimeout} and
 *       its doubling, so that many informers do not reconnect all at once;</li>
 *   <li>backoff 800 ms, ×2 per failure, capped at 30 s, full jitter (factor 1.0), reset after 2 min
 *       without a failure — client-go's {@code NewExponentialBackoffManager(800ms, 30s, 2min, 2.0, 1.0)};</li>
 *   <li>{@code watchdogTimeout} 11 min — longer than the longest watch the server may keep open without
 *       sending anything, so only a dead connection trips it;</li>
 *   <li>timers on {@link Schedulers#parallel()}; a test passes a {@code VirtualTimeScheduler};</li>
 *   <li>errors logged at WARN.</li>
 * </ul>
 */
public final class ReflectorConfig implements Cloneable {

    private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);

    /** client-go's defaults; see the class comment. */
    public static final ReflectorConfig DEFAULT = new ReflectorConfig();

    private int pageSize = 500;
    private boolean initialListFromCache = true;
    private boolean watchList = false;
    private Duration minWatchTimeout = Duration.ofMinutes(5);
    private Duration maxWatchTimeout = Duration.ofMinutes(10);
    private Duration initialBackoff = Duration.ofMillis(800);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double backoffFactor = 2.0;
    private double jitter = 1.0;
    private Duration backoffResetAfter = Duration.ofMinutes(2);
    private Duration watchdogTimeout = Duration.ofMinutes(11);
    private Duration minHealthyWatch = Duration.ofSeconds(1);
    private Scheduler scheduler = Schedulers.parallel();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Consumer<Throwable> errorHandler = e -> LOG.warn("reflector recovered from: {}", e.toString());

    private ReflectorConfig() {
    }

    private ReflectorConfig copy() {
        try {
            return (ReflectorConfig) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    /** Objects per LIST page ({@code limit}); default 500. */
    public int pageSize() {
        return pageSize;
    }

    /** A copy listing {@code pageSize} objects per page. */
    public ReflectorConfig withPageSize(int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        ReflectorConfig c = copy();
        c.pageSize = pageSize;
        return c;
    }

    /** Whether the very first LIST asks for {@code resourceVersion=0} (the API server's watch cache); default true. */
    public boolean initialListFromCache() {
        return initialListFromCache;
    }

    /**
     * A copy whose very first LIST is (true) served from the API server's watch cache with
     * {@code resourceVersion=0}, or (false) read consistently from etcd, page by page, like every relist.
     */
    public ReflectorConfig withInitialListFromCache(boolean fromCache) {
        ReflectorConfig c = copy();
        c.initialListFromCache = fromCache;
        return c;
    }

    /** Whether the initial state is streamed with a watch-list ({@code sendInitialEvents=true}); default false. */
    public boolean watchList() {
        return watchList;
    }

    /** A copy that uses (or not) watch-list for the initial state and every relist. */
    public ReflectorConfig withWatchList(boolean watchList) {
        ReflectorConfig c = copy();
        c.watchList = watchList;
        return c;
    }

    /** The shortest server-side watch timeout asked for; default 5 minutes. */
    public Duration minWatchTimeout() {
        return minWatchTimeout;
    }

    /** The longest server-side watch timeout asked for (exclusive); default 10 minutes. */
    public Duration maxWatchTimeout() {
        return maxWatchTimeout;
    }

    /** A copy whose watches ask for a {@code timeoutSeconds} chosen at random in [min, max). */
    public ReflectorConfig withWatchTimeout(Duration min, Duration max) {
        positive(min, "minWatchTimeout");
        positive(max, "maxWatchTimeout");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("maxWatchTimeout " + max + " is shorter than minWatchTimeout " + min);
        }
        ReflectorConfig c = copy();
        c.minWatchTimeout = min;
        c.maxWatchTimeout = max;
        return c;
    }

    /** The first backoff delay after a failure; default 800 ms. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest backoff delay; default 30 s. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The factor by which the delay grows per consecutive failure; default 2. */
    public double backoffFactor() {
        return backoffFactor;
    }

    /** A copy whose backoff starts at {@code initial}, grows by {@code factor} and stops growing at {@code max}. */
    public ReflectorConfig withBackoff(Duration initial, Duration max, double factor) {
        positive(initial, "initialBackoff");
        positive(max, "maxBackoff");
        if (factor < 1.0) {
            throw new IllegalArgumentException("backoffFactor must be at least 1, was " + factor);
        }
        ReflectorConfig c = copy();
        c.initialBackoff = initial;
        c.maxBackoff = max;
        c.backoffFactor = factor;
        return c;
    }

    /** The jitter factor: a delay {@code d} becomes {@code d + random * jitter * d}; default 1.0. */
    public double jitter() {
        return jitter;
    }

    /** A copy with jitter factor {@code jitter} (0 disables jitter). */
    public ReflectorConfig withJitter(double jitter) {
        if (jitter < 0 || Double.isNaN(jitter)) {
            throw new IllegalArgumentException("jitter must not be negative, was " + jitter);
        }
        ReflectorConfig c = copy();
        c.jitter = jitter;
        return c;
    }

    /** After this long without a failure the backoff starts again at {@link #initialBackoff()}; default 2 min. */
    public Duration backoffResetAfter() {
        return backoffResetAfter;
    }

    /** A copy that resets the backoff after {@code healthy} without a failure. */
    public ReflectorConfig withBackoffResetAfter(Duration healthy) {
        ReflectorConfig c = copy();
        c.backoffResetAfter = positive(healthy, "backoffResetAfter");
        return c;
    }

    /** A watch silent (no event, no bookmark) for this long is restarted; default 11 minutes. */
    public Duration watchdogTimeout() {
        return watchdogTimeout;
    }

    /** A copy restarting a watch that is silent for {@code timeout}. */
    public ReflectorConfig withWatchdogTimeout(Duration timeout) {
        ReflectorConfig c = copy();
        c.watchdogTimeout = positive(timeout, "watchdogTimeout");
        return c;
    }

    /**
     * A watch that ends without a single event sooner than this counts as a failure (and backs off), as
     * client-go's "very short watch" check; default 1 s. Stops a server that closes every watch at once from
     * being hammered.
     */
    public Duration minHealthyWatch() {
        return minHealthyWatch;
    }

    /** A copy with {@code minHealthyWatch}. */
    public ReflectorConfig withMinHealthyWatch(Duration d) {
        ReflectorConfig c = copy();
        c.minHealthyWatch = Objects.requireNonNull(d, "minHealthyWatch");
        return c;
    }

    /** The scheduler for every timer (backoff, watchdog, clock); default {@link Schedulers#parallel()}. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** A copy using {@code scheduler} for timers and as clock (a {@code VirtualTimeScheduler} in tests). */
    public ReflectorConfig withScheduler(Scheduler scheduler) {
        ReflectorConfig c = copy();
        c.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return c;
    }

    /** The source of random numbers in [0, 1) for jitter and watch timeouts. */
    public DoubleSupplier random() {
        return random;
    }

    /** A copy drawing random numbers from {@code random} (a constant makes tests exact). */
    public ReflectorConfig withRandom(DoubleSupplier random) {
        ReflectorConfig c = copy();
        c.random = Objects.requireNonNull(random, "random");
        return c;
    }

    /** Called with every error the Reflector recovers from; default logs at WARN. */
    public Consumer<Throwable> errorHandler() {
        return errorHandler;
    }

    /** A copy reporting recovered errors to {@code handler} (it must not block or throw). */
    public ReflectorConfig withErrorHandler(Consumer<Throwable> handler) {
        ReflectorConfig c = copy();
        c.errorHandler = Objects.requireNonNull(handler, "handler");
        return c;
    }

    @Override
    public String toString() {
        return "ReflectorConfig[pageSize=" + pageSize + ", initialListFromCache=" + initialListFromCache
                + ", watchList=" + watchList + ", watchTimeout=[" + minWatchTimeout
                + ", " + maxWatchTimeout + "), backoff=" + initialBackoff + "..." + maxBackoff + " x" + backoffFactor
                + " jitter " + jitter + " reset after " + backoffResetAfter + ", watchdog=" + watchdogTimeout + "]";
    }
}
