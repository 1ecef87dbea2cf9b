package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.testing.junit.ServerConditions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * Runs the real kubectl against the embedded server through a generated kubeconfig. Skipped when kubectl is not on
 * the PATH. The processes run on the JUnit thread, which is allowed to block.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlFidelityTest {

    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");

    private Path dir;

    private EmbeddedApiServer server;
    private Path kubeconfig;

    /** The result of one kubectl run. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    void start(@TempDir Path tempDir) {
        dir = tempDir;
        Assumptions.assumeTrue(kubectlOnPath(), "kubectl is not on the PATH; skipping the kubectl fidelity tests");
        server = EmbeddedApiServer.builder().start();
        kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static boolean kubectlOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, "kubectl"))) {
                return true;
            }
        }
        return false;
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("cache").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("KUBECONFIG");
        Process process = builder.start();
        outputs.put(process, new Path[] {out, err});
        return process;
    }

    private final java.util.Map<Process, Path[]> outputs = new java.util.concurrent.ConcurrentHashMap<>();

    private Run finish(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished within 60 s").isTrue();
        Path[] files = outputs.remove(process);
        return new Run(process.exitValue(), Files.readString(files[0], StandardCharsets.UTF_8),
                Files.readString(files[1], StandardCharsets.UTF_8));
    }

    private Run kubectl(String... args) throws Exception {
        return finish(launch(args));
    }

    @Test
    void apiResourcesListsTheBuiltInKinds() throws Exception {
        Run run = kubectl("api-resources");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment")
                .containsPattern("namespaces\\s+ns\\s+v1\\s+false\\s+Namespace")
                .containsPattern("leases\\s+coordination.k8s.io/v1\\s+true\\s+Lease");
    }

    @Test
    void createGetAndDeleteAManifest() throws Exception {
        Path manifest = dir.resolve("cm.yaml");
        Files.writeString(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-kubectl\n"
                + "  labels:\n    app: demo\ndata:\n  greeting: hello\n");
        Run created = kubectl("create", "-f", manifest.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("configmap/from-kubectl created");

        Run table = kubectl("get", "configmaps", "-l", "app=demo");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("NAME\\s+AGE").containsPattern("from-kubectl\\s+\\d+s");

        Run json = kubectl("get", "configmap", "from-kubectl", "-o", "json", "--show-managed-fields");
        JsonNode object = RawApi.MAPPER.readTree(json.out());
        assertThat(object.path("data").path("greeting").asText()).isEqualTo("hello");
        assertThat(object.path("metadata").path("managedFields").get(0).path("manager").asText())
                .isEqualTo("kubectl-create");

        Run deleted = kubectl("delete", "configmap", "from-kubectl");
        assertThat(deleted.out()).contains("configmap \"from-kubectl\" deleted");
        assertThat(server.get(CONFIGMAPS, "default", "from-kubectl")).isNull();
        Run missing = kubectl("get", "configmap", "from-kubectl");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("configmaps \"from-kubectl\" not found");
    }

    @Test
    void serverSideApplyCreatesAndUpdates() throws Exception {
        Path manifest = dir.resolve("deploy.yaml");
        String yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"
                + "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n"
                + "        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n";
        Files.writeString(manifest, yaml);
        Run first = kubectl("apply", "--server-side", "-f", manifest.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("deployment.apps/web serverside-applied");
        Files.writeString(manifest, yaml.replace("replicas: 2", "replicas: 4"));
        Run second = kubectl("apply", "--server-side", "-f", manifest.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        ObjectNode stored = server.get(new GroupVersionResource("apps", "v1", "deployments"), "default", "web");
        assertThat(stored.path("spec").path("replicas").asInt()).isEqualTo(4);
        assertThat(stored.path("metadata").path("generation").asInt()).isEqualTo(2);
    }

    @Test
    void getWatchPrintsChangesUntilTheRequestTimeout() throws Exception {
        ObjectNode cm = RawApi.MAPPER.createObjectNode();
        cm.putObject("metadata").put("name", "watched").put("namespace", "default");
        int watchersBefore = server.faults().openWatches();
        Process watch = launch("get", "configmaps", "-w", "--request-timeout=4s");
        StepVerifier.create(ServerConditions.watchersAtLeast(server, watchersBefore + 1))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        server.create(CONFIGMAPS, cm);
        Run run = finish(watch);
        assertThat(run.out()).containsPattern("watched\\s+\\d+s");
    }

    @Test
    void imperativeCreateCommandsThatSendProtobufWork() throws Exception {
        Run ns = kubectl("create", "namespace", "imperative");
        assertThat(ns.exit()).as(ns.err()).isZero();
        Run cm = kubectl("-n", "imperative", "create", "configmap", "settings", "--from-literal=mode=fast");
        assertThat(cm.exit()).as(cm.err()).isZero();
        Run secret = kubectl("-n", "imperative", "create", "secret", "generic", "token", "--from-literal=key=s3cr3t");
        assertThat(secret.exit()).as(secret.err()).isZero();
        assertThat(server.get(CONFIGMAPS, "imperative", "settings").path("data").path("mode").asText())
                .isEqualTo("fast");
        ObjectNode stored = server.get(new GroupVersionResource("", "v1", "secrets"), "imperative", "token");
        assertThat(stored.path("data").path("key").asText()).isEqualTo("czNjcjN0");
        assertThat(stored.path("type").asText()).isEqualTo("Opaque");
    }

    @Test
    void logsPrintTheTestSuppliedLines() throws Exception {
        ObjectNode pod = RawApi.MAPPER.createObjectNode();
        pod.putObject("metadata").put("name", "logger").put("namespace", "default");
        pod.putObject("spec").putArray("containers").addObject().put("name", "main").put("image", "busybox");
        server.create(PODS, pod);
        server.podLogs().set("default", "logger", "main", List.of("starting", "ready"));
        Run run = kubectl("logs", "logger", "--tail=1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("ready\n");
    }
}
