package io.kreactor.core.config;

import io.kreactor.core.support.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Writes kubeconfig files into a temp dir and builds LoadOptions whose environment points only there. */
final class KubeconfigFixture {

    final Path root;
    final Path home;
    final Path serviceAccount;
    final Map<String, String> env = new HashMap<>();
    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    KubeconfigFixture(Path root) {
        this.root = root;
        this.home = root.resolve("home");
        this.serviceAccount = root.resolve("serviceaccount");
    }

    Path write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KubeconfigFixture kubeconfigVariable(Path... files) {
        StringBuilder list = new StringBuilder();
        for (Path file : files) {
            if (list.length() > 0) {
                list.append(':');
            }
            list.append(file);
        }
        env.put("KUBECONFIG", list.toString());
        return this;
    }

    LoadOptions options() {
        return LoadOptions.defaults()
                .withEnvironment(ConfigEnvironment.of(env, home, serviceAccount))
                .withClock(clock);
    }

    ClientConfig load() {
        return ClientConfigs.load(options());
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A complete one-cluster, one-user kubeconfig. */
    static String simple(String name, String server, String userFields) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user:
                %3$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                """.formatted(name, server, userFields.indent(4).stripTrailing());
    }
}
