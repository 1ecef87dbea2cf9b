package io.kreactor.core.config;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What configuration loading reads from the machine: environment variables ({@code KUBECONFIG},
 * {@code KUBERNETES_SERVICE_HOST}, …), the home directory ({@code ~/.kube/config}) and the service-account
 * directory of in-cluster pods. Injectable so that tests and embedding applications never depend on the real
 * machine.
 */
public interface ConfigEnvironment {

    /** Where Kubernetes mounts a pod's service-account token, CA and namespace. */
    Path DEFAULT_SERVICE_ACCOUNT_DIRECTORY = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /** The value of environment variable {@code name}, or null when unset. */
    String getenv(String name);

    /** The user's home directory (for {@code ~/.kube/config}), or null when unknown. */
    Path homeDirectory();

    /** The directory holding the in-cluster {@code token}, {@code ca.crt} and {@code namespace} files. */
    Path serviceAccountDirectory();

    /** What separates the entries of {@code KUBECONFIG}: {@code ;} on Windows, {@code :} elsewhere. */
    default String pathListSeparator() {
        return File.pathSeparator;
    }

    /**
     * This process's environment: {@link System#getenv(String)}, the home directory from {@code HOME} (as
     * client-go's {@code homedir.HomeDir}; on Windows {@code USERPROFILE}) or the {@code user.home} property,
     * and {@link #DEFAULT_SERVICE_ACCOUNT_DIRECTORY}.
     */
    static ConfigEnvironment system() {
        return SystemEnvironment.INSTANCE;
    }

    /** A fixed environment, for tests: {@code env} as the variables, and the given directories. */
    static ConfigEnvironment of(Map<String, String> env, Path homeDirectory, Path serviceAccountDirectory) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(serviceAccountDirectory, "serviceAccountDirectory");
        return new ConfigEnvironment() {
            @Override
            public String getenv(String name) {
                return copy.get(name);
            }

            @Override
            public Path homeDirectory() {
                return homeDirectory;
            }

            @Override
            public Path serviceAccountDirectory() {
                return serviceAccountDirectory;
            }

            @Override
            public String toString() {
                return "ConfigEnvironment[variables=" + copy.keySet() + ", home=" + homeDirectory
                        + ", serviceAccount=" + serviceAccountDirectory + "]";
            }
        };
    }
}
