package io.kreactor.core.config;

import io.kreactor.core.auth.AuthProviders;
import io.kreactor.core.tls.ClientCertificateSources;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ClientConfigs#load(LoadOptions)} finds and adjusts the configuration: the counterpart of client-go's
 * {@code ClientConfigLoadingRules} plus {@code ConfigOverrides} (kubectl's {@code --kubeconfig}, {@code --context},
 * {@code --namespace}, {@code --server}).
 *
 * <p>Immutable; every {@code withX} returns a copy. {@link #defaults()} reads the real environment; tests inject
 * one with {@link #withEnvironment(ConfigEnvironment)} and a clock with {@link #withClock(Clock)}.
 */
public final class LoadOptions {

    private static final LoadOptions DEFAULTS = new LoadOptions(null, null, null, null, ConfigEnvironment.system(),
            Clock.systemUTC(), AuthProviders.DEFAULT_TOKEN_FILE_PERIOD, ClientCertificateSources.DEFAULT_CHECK_INTERVAL,
            AuthProviders.DEFAULT_EXEC_TIMEOUT);

    private final Path kubeconfig;
    private final String context;
    private final String namespace;
    private final String server;
    private final ConfigEnvironment environment;
    private final Clock clock;
    private final Duration tokenFilePeriod;
    private final Duration certificateCheckInterval;
    private final Duration execTimeout;

    private LoadOptions(Path kubeconfig, String context, String namespace, String server, ConfigEnvironment environment,
                        Clock clock, Duration tokenFilePeriod, Duration certificateCheckInterval, Duration execTimeout) {
        this.kubeconfig = kubeconfig;
        this.context = context;
        this.namespace = namespace;
        this.server = server;
        this.environment = environment;
        this.clock = clock;
        this.tokenFilePeriod = tokenFilePeriod;
        this.certificateCheckInterval = certificateCheckInterval;
        this.execTimeout = execTimeout;
    }

    /** No overrides, the real environment, the system clock and client-go's periods. */
    public static LoadOptions defaults() {
        return DEFAULTS;
    }

    /** The explicit kubeconfig file ({@code --kubeconfig}), or null to use {@code KUBECONFIG} and the defaults. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The context to use instead of {@code current-context} ({@code --context}), or null. */
    public String context() {
        return context;
    }

    /** The namespace to use instead of the context's ({@code --namespace}), or null. */
    public String namespace() {
        return namespace;
    }

    /** The server URL to use instead of the cluster's ({@code --server}), or null. */
    public String server() {
        return server;
    }

    /** Where environment variables, the home directory and the service-account directory come from. */
    public ConfigEnvironment environment() {
        return environment;
    }

    /** The clock that paces token-file re-reads, certificate-file checks and exec-credential expiry. */
    public Clock clock() {
        return clock;
    }

    /** How often a {@code tokenFile} (and the in-cluster token) is re-read; client-go uses one minute. */
    public Duration tokenFilePeriod() {
        return tokenFilePeriod;
    }

    /** How often client certificate and key files are checked for changes. */
    public Duration certificateCheckInterval() {
        return certificateCheckInterval;
    }

    /** How long an exec credential plugin may run. */
    public Duration execTimeout() {
        return execTimeout;
    }

    /** A copy that loads exactly {@code kubeconfig} (which must exist), ignoring {@code KUBECONFIG}. */
    public LoadOptions withKubeconfig(Path kubeconfig) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, clock, tokenFilePeriod,
                certificateCheckInterval, execTimeout);
    }

    /** A copy that uses context {@code context} instead of {@code current-context}. */
    public LoadOptions withContext(String context) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, clock, tokenFilePeriod,
                certificateCheckInterval, execTimeout);
    }

    /** A copy that uses {@code namespace} instead of the context's. */
    public LoadOptions withNamespace(String namespace) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, clock, tokenFilePeriod,
                certificateCheckInterval, execTimeout);
    }

    /** A copy that talks to {@code server} instead of the cluster's server. */
    public LoadOptions withServer(String server) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, clock, tokenFilePeriod,
                certificateCheckInterval, execTimeout);
    }

    /** A copy that reads {@code environment} instead of the real one. */
    public LoadOptions withEnvironment(ConfigEnvironment environment) {
        return new LoadOptions(kubeconfig, context, namespace, server, Objects.requireNonNull(environment, "environment"),
                clock, tokenFilePeriod, certificateCheckInterval, execTimeout);
    }

    /** A copy that paces refreshes and expiry by {@code clock}. */
    public LoadOptions withClock(Clock clock) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, Objects.requireNonNull(clock, "clock"),
                tokenFilePeriod, certificateCheckInterval, execTimeout);
    }

    /** A copy that re-reads token files every {@code period}. */
    public LoadOptions withTokenFilePeriod(Duration period) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, clock,
                Objects.requireNonNull(period, "period"), certificateCheckInterval, execTimeout);
    }

    /** A copy that checks client certificate files every {@code interval}. */
    public LoadOptions withCertificateCheckInterval(Duration interval) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, clock, tokenFilePeriod,
                Objects.requireNonNull(interval, "interval"), execTimeout);
    }

    /** A copy that gives exec plugins {@code timeout} to finish. */
    public LoadOptions withExecTimeout(Duration timeout) {
        return new LoadOptions(kubeconfig, context, namespace, server, environment, clock, tokenFilePeriod,
                certificateCheckInterval, Objects.requireNonNull(timeout, "timeout"));
    }

    /** Lists the overrides and the environment. */
    @Override
    public String toString() {
        return "LoadOptions[kubeconfig=" + kubeconfig + ", context=" + context + ", namespace=" + namespace
                + ", server=" + server + ", environment=" + environment + "]";
    }
}
