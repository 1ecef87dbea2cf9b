package io.kreactor.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several kubeconfig files merged by client-go's rules: for each named cluster, user and context the first file
 * that defines the name wins (later files never override it), and so does the first file with a
 * {@code current-context}.
 *
 * @param files              the files merged, in precedence order
 * @param clusters           clusters by name
 * @param users              users by name
 * @param contexts           contexts by name
 * @param currentContext     the winning {@code current-context}, or null
 * @param currentContextFile the file it came from, or null
 */
record MergedKubeConfig(List<Path> files, Map<String, KubeConfigFile.Cluster> clusters,
                        Map<String, KubeConfigFile.User> users, Map<String, KubeConfigFile.Context> contexts,
                        String currentContext, Path currentContextFile) {

    static MergedKubeConfig merge(List<KubeConfigFile> files) {
        Map<String, KubeConfigFile.Cluster> clusters = new LinkedHashMap<>();
        Map<String, KubeConfigFile.User> users = new LinkedHashMap<>();
        Map<String, KubeConfigFile.Context> contexts = new LinkedHashMap<>();
        String currentContext = null;
        Path currentContextFile = null;
        for (KubeConfigFile file : files) {
            file.clusters().forEach(clusters::putIfAbsent);
            file.users().forEach(users::putIfAbsent);
            file.contexts().forEach(contexts::putIfAbsent);
            if (currentContext == null && file.currentContext() != null) {
                currentContext = file.currentContext();
                currentContextFile = file.file();
            }
        }
        return new MergedKubeConfig(files.stream().map(KubeConfigFile::file).toList(), Map.copyOf(clusters),
                Map.copyOf(users), Map.copyOf(contexts), currentContext, currentContextFile);
    }

    /** True when nothing was configured, the case in which client-go falls back to in-cluster configuration. */
    boolean isEmpty() {
        return clusters.isEmpty() && users.isEmpty() && contexts.isEmpty() && currentContext == null;
    }

    /** The files as a readable list for messages. */
    String describeFiles() {
        return files.size() == 1 ? files.get(0).toString() : files.toString();
    }
}
