package io.kreactor.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job must keep working: the demo runs against its embedded server and exits 0. */
class DemoTest {

    private static final GroupVersionResource NAMESPACES = new GroupVersionResource("", "v1", "namespaces");
    private static final GroupVersionResource CRDS =
            new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    @Test
    void demoRunsAgainstTheEmbeddedServerAndExitsZero() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int status = Demo.run(out, "--objects", "12");

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(() -> output + threadDump()).isZero();
        assertThat(output)
                .contains("started an embedded API server")
                .contains("listed 12 ConfigMaps in 2 pages")
                .contains("streamed 12 ConfigMaps through listAll()")
                .contains("watch event MODIFIED config-0")
                .contains("watch event DELETED  config-2")
                .contains("watch event ADDED    config-12")
                .contains("informer synced")
                .contains("12 ConfigMaps cached")
                .contains("converged: 3 Greetings -> 3 ConfigMaps")
                .contains("greeting-bob now says \"Hello, good night!\"")
                .contains("the controller recreated greeting-alice")
                .contains("Demo finished successfully.");
    }

    @Test
    void demoRunsAgainstTheClusterAKubeconfigNamesAndCleansUp(@TempDir Path dir) {
        // A second embedded server stands in for a real cluster: the demo only sees the kubeconfig file.
        try (EmbeddedApiServer cluster = EmbeddedApiServer.builder().start()) {
            Path kubeconfig = cluster.writeKubeconfig(dir.resolve("config"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            int status = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    "--kubeconfig", kubeconfig.toString(), "--objects", "5");

            String output = bytes.toString(StandardCharsets.UTF_8);
            assertThat(status).as(() -> output + threadDump()).isZero();
            assertThat(output).contains("using the cluster at " + cluster.url())
                    .doesNotContain("started an embedded API server")
                    .contains("converged: the controller recreated greeting-alice")
                    .contains("Clean up")
                    .contains("and the Greeting CRD");
            assertThat(cluster.list(NAMESPACES, null))
                    .extracting(ns -> ns.path("metadata").path("name").asText())
                    .noneMatch(name -> name.startsWith("kreactor-demo-"));
            assertThat(cluster.get(CRDS, null, "greetings.demo.kreactor.io")).isNull();
        }
    }

    /** Every thread's stack, so a demo that timed out in CI shows where it was stuck. */
    private static String threadDump() {
        StringBuilder dump = new StringBuilder("\nthreads when the demo failed:\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState()).append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }

    @Test
    void badArgumentsPrintUsageAndExitTwo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--objects", "many");

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--objects needs a number, got 'many'").contains("usage: demo");
    }
}
