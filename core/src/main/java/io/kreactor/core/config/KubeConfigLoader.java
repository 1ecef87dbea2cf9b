package io.kreactor.core.config;

import io.kreactor.core.errors.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and merges the kubeconfig files the way client-go's {@code ClientConfigLoadingRules} and
 * {@code DeferredLoadingClientConfig} do:
 * <ol>
 *   <li>an explicit file (it must exist), else</li>
 *   <li>the {@code KUBECONFIG} path list, merged first-file-wins, files that do not exist skipped, else</li>
 *   <li>{@code ~/.kube/config} when it exists;</li>
 *   <li>when that yields no configuration at all, the in-cluster configuration.</li>
 * </ol>
 * Blocking: reads files.
 */
final class KubeConfigLoader {

    private static final Logger log = LoggerFactory.getLogger(KubeConfigLoader.class);

    private KubeConfigLoader() {
    }

    static ClientConfig load(LoadOptions options) {
        ConfigEnvironment env = options.environment();
        List<Path> candidates = new ArrayList<>();
        String searched;
        if (options.kubeconfig() != null) {
            Path explicit = options.kubeconfig();
            if (!Files.exists(explicit)) {
                throw new ConfigException("kubeconfig " + explicit + " (given explicitly) does not exist");
            }
            candidates.add(explicit);
            searched = explicit.toString();
        } else {
            String list = env.getenv("KUBECONFIG");
            if (list != null && !list.isBlank()) {
                Set<Path> unique = new LinkedHashSet<>();
                for (String entry : list.split(Pattern.quote(env.pathListSeparator()))) {
                    if (!entry.isBlank()) {
                        unique.add(Path.of(entry.strip()));
                    }
                }
                for (Path path : unique) {
                    if (Files.exists(path)) {
                        candidates.add(path);
                    } else {
                        log.debug("Skipping kubeconfig {} from KUBECONFIG: it does not exist", path);
                    }
                }
                searched = "KUBECONFIG=" + list;
            } else {
                Path home = env.homeDirectory();
                Path defaultFile = home == null ? null : home.resolve(".kube").resolve("config");
                if (defaultFile != null && Files.exists(defaultFile)) {
                    candidates.add(defaultFile);
                }
                searched = defaultFile == null ? "~/.kube/config (no home directory)" : defaultFile.toString();
            }
        }
        List<KubeConfigFile> files = new ArrayList<>();
        for (Path path : candidates) {
            files.add(KubeConfigParser.read(path));
        }
        MergedKubeConfig merged = MergedKubeConfig.merge(files);
        if (merged.isEmpty() && options.kubeconfig() == null) {
            if (InClusterConfig.possible(env)) {
                return InClusterConfig.load(options);
            }
            if (options.server() != null) {
                return ClientConfig.builder(ConfigFiles.server(options.server(), "server override (LoadOptions.withServer)"))
                        .namespace(options.namespace() == null ? "default" : options.namespace())
                        .source("server override " + options.server())
                        .build();
            }
            throw new ConfigException("no configuration found: no kubeconfig at " + searched + ", and not running in"
                    + " a cluster (" + InClusterConfig.HOST + " unset or no service-account token in "
                    + env.serviceAccountDirectory() + ")");
        }
        return new KubeConfigResolver(merged, options).resolve();
    }
}
