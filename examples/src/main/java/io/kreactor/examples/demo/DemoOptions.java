package io.kreactor.examples.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The demo's command line: with no options it runs against a fresh embedded API server; {@code --kubeconfig FILE}
 * and/or {@code --context NAME} (or {@code --cluster}, which uses the standard kubeconfig chain) run it against a
 * real cluster in a namespace of its own, cleaned up afterwards.
 *
 * @param kubeconfig the kubeconfig file to use, or null
 * @param context    the kubeconfig context to use, or null
 * @param cluster    true when the demo targets a real cluster
 * @param objects    how many ConfigMaps the list/watch part creates
 */
public record DemoOptions(Path kubeconfig, String context, boolean cluster, int objects) {

    /** The usage text printed for {@code --help} and for bad arguments. */
    public static final String USAGE = """
            usage: demo [--kubeconfig FILE] [--context NAME] [--cluster] [--objects N]
              (no options)       start an embedded API server and run the demo against it
              --kubeconfig FILE  run against the cluster FILE describes (in a namespace of its own, cleaned up after)
              --context NAME     use this kubeconfig context (implies a real cluster)
              --cluster          use the standard kubeconfig chain (KUBECONFIG, ~/.kube/config, in-cluster)
              --objects N        how many ConfigMaps to create (default 30)""";

    /** Validates the object count. */
    public DemoOptions {
        if (objects < 1 || objects > 10_000) {
            throw new IllegalArgumentException("--objects must be between 1 and 10000, was " + objects);
        }
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the bad argument
     */
    public static DemoOptions parse(String... args) {
        Path kubeconfig = null;
        String context = null;
        boolean cluster = false;
        int objects = 30;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--kubeconfig" -> {
                    kubeconfig = Path.of(value(args, ++i, arg));
                    cluster = true;
                }
                case "--context" -> {
                    context = value(args, ++i, arg);
                    cluster = true;
                }
                case "--cluster" -> cluster = true;
                case "--objects" -> {
                    String v = value(args, ++i, arg);
                    try {
                        objects = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--objects needs a number, got '" + v + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new DemoOptions(kubeconfig, context, cluster, objects);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return Objects.requireNonNull(args[i]);
    }
}
