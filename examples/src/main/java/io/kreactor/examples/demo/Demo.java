package io.kreactor.examples.demo;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The README's main job: {@code java -jar examples/target/kreactor-demo.jar}. With no arguments it starts an
 * embedded API server and shows list, watch, an informer cache and a reconcile loop working; with
 * {@code --kubeconfig}/{@code --context}/{@code --cluster} it runs the same against a real cluster.
 */
public final class Demo {

    private Demo() {
    }

    /** Runs the demo and exits with its status: 0 on success, 1 on failure, 2 on bad arguments. */
    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /**
     * Runs the demo, narrating to {@code out}; returns the process exit status. The one place that waits:
     * a command-line program's main thread has nothing else to do.
     */
    public static int run(PrintStream out, String... args) {
        DemoOptions options;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(DemoOptions.USAGE);
                return 0;
            }
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println(DemoOptions.USAGE);
            return 2;
        }
        Narrator n = new Narrator(out);
        n.line("kreactor demo: a reactive Kubernetes client at work%s", options.cluster() ? " (against a real cluster)" : "");
        try {
            DemoSummary s = new DemoRun(options, n).run().block(Duration.ofMinutes(5));
            n.line("");
            n.line("Summary: created %d ConfigMaps, streamed %d back, %d watch events, %d objects in the informer cache,",
                    s.created(), s.listed(), s.watchEvents(), s.cached());
            n.line("         %d reconciles (%d writes) until converged, in namespace %s, %.1f s in all.",
                    s.reconciles(), s.writes(), s.namespace(), s.elapsed().toMillis() / 1000.0);
            n.line("Demo finished successfully.");
            return 0;
        } catch (RuntimeException e) {
            out.println();
            out.println("Demo failed: " + e);
            return 1;
        }
    }
}
