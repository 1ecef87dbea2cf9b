package io.kreactor.benchmarks.data;

/**
 * How big each workload's data set is.
 *
 * @param listPods       pods in the LIST workloads (1 and 2)
 * @param pageSize       the {@code limit} of the paged LIST (workload 2)
 * @param watchEvents    MODIFIED events in the WATCH workload (3)
 * @param informerPods   pods an informer lists first (workload 4)
 * @param informerEvents MODIFIED events it then watches (workload 4)
 * @param watches        concurrent watches in workload 5
 * @param ticks          events the server broadcasts to every one of those watches
 */
public record BenchSizes(int listPods, int pageSize, int watchEvents, int informerPods, int informerEvents,
                         int watches, int ticks) {

    /** The sizes the issue asks for. */
    public static final BenchSizes FULL = new BenchSizes(5_000, 500, 50_000, 10_000, 20_000, 1_000, 20);

    /** Tiny sizes for the test suite: everything runs, nothing takes long. */
    public static final BenchSizes QUICK = new BenchSizes(60, 25, 300, 80, 150, 20, 3);

    /** Validates that every size is positive. */
    public BenchSizes {
        if (listPods < 1 || pageSize < 1 || watchEvents < 1 || informerPods < 1 || informerEvents < 1 || watches < 1 || ticks < 1) {
            throw new IllegalArgumentException("every benchmark size must be at least 1: " + this);
        }
    }

    /** {@link #FULL} or {@link #QUICK} by name ({@code full}, {@code quick}). */
    public static BenchSizes named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "quick" -> QUICK;
            default -> throw new IllegalArgumentException("unknown benchmark size '" + name + "', expected full or quick");
        };
    }
}
