package io.kreactor.testing.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs an {@link EmbeddedApiServer} from the command line until Ctrl-C: starts it, writes a kubeconfig and prints
 * how to point kubectl at it.
 *
 * <pre>
 * java -cp … io.kreactor.testing.server.Main [--port 8080] [--kubeconfig /tmp/embedded.kubeconfig]
 * </pre>
 */
public final class Main {

    private Main() {
    }

    /**
     * Starts the server.
     *
     * @param args {@code --port N} (default: a free port) and {@code --kubeconfig FILE} (default: a temporary file)
     * @throws Exception when the server cannot start or the kubeconfig cannot be written
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        Path kubeconfig = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, "--kubeconfig"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: Main [--port N] [--kubeconfig FILE]");
            }
        }
        EmbeddedApiServer server = EmbeddedApiServer.builder().port(port).start();
        // A demo "container" for kubectl exec: prints the command, then echoes stdin until it closes.
        server.execHandler((call, stdin) -> new ContainerExec.Result(
                Flux.concat(Flux.just(("exec " + String.join(" ", call.command()) + " in " + call.namespace() + "/"
                        + call.pod() + "/" + call.container() + "\n").getBytes(StandardCharsets.UTF_8)), stdin),
                Flux.empty(), stdin.then(Mono.just(0))));
        Path file = server.writeKubeconfig(kubeconfig != null ? kubeconfig
                : Files.createTempFile("kreactor-embedded-", ".kubeconfig"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "embedded-api-server-shutdown"));
        System.out.println("Embedded Kubernetes API server listening on " + server.url());
        System.out.println("Kubeconfig written to " + file.toAbsolutePath());
        System.out.println();
        System.out.println("Try:");
        System.out.println("  export KUBECONFIG=" + file.toAbsolutePath());
        System.out.println("  kubectl api-resources");
        System.out.println("  kubectl create configmap demo --from-literal=greeting=hello");
        System.out.println("  kubectl get configmaps -w");
        System.out.println("  kubectl run demo --image=busybox && echo hi | kubectl exec -i demo -- cat");
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }
}
