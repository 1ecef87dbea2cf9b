package io.kreactor.core.config;

import java.nio.file.Path;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads a {@link ClientConfig} the way kubectl and client-go do — the counterpart of client-go's
 * {@code BuildConfigFromFlags} / {@code NewNonInteractiveDeferredLoadingClientConfig}.
 *
 * <p>Where the configuration comes from, in order:
 * <ol>
 *   <li>the explicit file of {@link LoadOptions#withKubeconfig(Path)} (an error when it does not exist);</li>
 *   <li>else the files listed in {@code KUBECONFIG} ({@code :}-separated, {@code ;} on Windows), merged: for each
 *       named cluster, user and context, and for {@code current-context}, the first file that sets it wins; files
 *       that do not exist are skipped;</li>
 *   <li>else {@code ~/.kube/config};</li>
 *   <li>else, when none of these holds any configuration, the in-cluster configuration (service-account token,
 *       CA and namespace of the pod).</li>
 * </ol>
 * Relative paths in a file ({@code certificate-authority}, {@code client-certificate}, {@code client-key},
 * {@code tokenFile}, an exec {@code command} containing a path separator) resolve against that file's directory;
 * {@code *-data} fields are base64. The overrides of {@link LoadOptions} (context, namespace, server) apply last,
 * and the namespace defaults to {@code default}.
 *
 * <p>Errors are {@link io.kreactor.core.errors.ConfigException}s naming the file, the field path (for example
 * {@code users[name=alice].user.client-key-data}) and the offending value — never a secret.
 *
 * <p>The {@code load} methods read files and block; call them at start-up or use the {@code loadAsync}
 * variants, which do the I/O on the bounded-elastic scheduler.
 */
public final class ClientConfigs {

    private ClientConfigs() {
    }

    /** Loads with {@link LoadOptions#defaults()}: the real environment, no overrides. Blocking. */
    public static ClientConfig load() {
        return load(LoadOptions.defaults());
    }

    /** Loads following {@code options}. Blocking: reads kubeconfig, CA, certificate and key files. */
    public static ClientConfig load(LoadOptions options) {
        return KubeConfigLoader.load(Objects.requireNonNull(options, "options"));
    }

    /** Loads exactly {@code kubeconfig} (kubectl's {@code --kubeconfig}), with its current context. Blocking. */
    public static ClientConfig fromKubeconfig(Path kubeconfig) {
        return load(LoadOptions.defaults().withKubeconfig(kubeconfig));
    }

    /**
     * The in-cluster configuration alone (client-go's {@code rest.InClusterConfig}), failing when
     * {@code KUBERNETES_SERVICE_HOST}/{@code KUBERNETES_SERVICE_PORT} are unset or the token cannot be read.
     * Blocking.
     */
    public static ClientConfig inCluster(LoadOptions options) {
        return InClusterConfig.load(Objects.requireNonNull(options, "options"));
    }

    /** {@link #load()} with the file I/O on the bounded-elastic scheduler; nothing happens until subscription. */
    public static Mono<ClientConfig> loadAsync() {
        return loadAsync(LoadOptions.defaults());
    }

    /** {@link #load(LoadOptions)} with the file I/O on the bounded-elastic scheduler. */
    public static Mono<ClientConfig> loadAsync(LoadOptions options) {
        Objects.requireNonNull(options, "options");
        return Mono.fromCallable(() -> load(options)).subscribeOn(Schedulers.boundedElastic());
    }

    /** {@link #inCluster(LoadOptions)} with the file I/O on the bounded-elastic scheduler. */
    public static Mono<ClientConfig> inClusterAsync(LoadOptions options) {
        Objects.requireNonNull(options, "options");
        return Mono.fromCallable(() -> inCluster(options)).subscribeOn(Schedulers.boundedElastic());
    }
}
