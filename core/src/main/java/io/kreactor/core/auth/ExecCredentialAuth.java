package io.kreactor.core.auth;

import io.kreactor.core.errors.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bearer tokens from a client-go exec credential plugin. The plugin runs on the bounded-elastic scheduler with
 * a timeout; its token is cached until {@code status.expirationTimestamp}; concurrent callers share one run; a
 * 401 runs it again once.
 */
final class ExecCredentialAuth implements AuthProvider {

    private final ExecConfig config;
    private final String plugin;
    private final String execInfo;
    private final Duration timeout;
    private final CredentialCache<ExecCredential> cache;

    ExecCredentialAuth(ExecConfig config, ExecClusterInfo cluster, String origin, Duration timeout, Clock clock) {
        this.config = config;
        this.plugin = "exec plugin '" + config.command() + "'" + (origin == null ? "" : " (" + origin + ")");
        this.execInfo = ExecCredential.execInfo(config, cluster);
        this.timeout = timeout;
        this.cache = new CredentialCache<>(run(), credential -> credential.expired(clock));
    }

    @Override
    public Mono<String> authorization() {
        return cache.get().map(credential -> "Bearer " + credential.token());
    }

    /** Runs the plugin again (one run for all concurrent callers); true when it produced a different token. */
    @Override
    public Mono<Boolean> refreshAfterUnauthorized() {
        return Mono.defer(() -> {
            ExecCredential before = cache.last();
            cache.invalidate();
            return cache.get().map(after -> before == null || !after.token().equals(before.token()));
        });
    }

    private Mono<ExecCredential> run() {
        return Mono.defer(() -> {
            if (config.interactiveMode() == ExecConfig.InteractiveMode.ALWAYS) {
                return Mono.error(new ConfigException(plugin + " has interactiveMode Always, but this library has no"
                        + " terminal to give it; use a plugin configuration that works non-interactively"));
            }
            return Mono.using(() -> ExecPluginProcess.start(config, execInfo, plugin),
                            process -> Mono.fromCallable(() -> awaitQuietly(process)),
                            ExecPluginProcess::close)
                    .subscribeOn(Schedulers.boundedElastic())
                    .timeout(timeout)
                    .onErrorMap(TimeoutException.class, e -> new ConfigException(plugin + " did not finish within "
                            + timeout.toMillis() + " ms"))
                    .switchIfEmpty(Mono.error(() -> new ConfigException(plugin + " was interrupted")))
                    .map(stdout -> ExecCredential.parse(stdout, config.apiVersion(), plugin));
        });
    }

    /**
     * The plugin's output, or null when the waiting thread was interrupted — which happens when the run is
     * cancelled (timeout), where an error would only be logged as dropped.
     */
    private static byte[] awaitQuietly(ExecPluginProcess process) throws java.io.IOException {
        try {
            return process.awaitOutput();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String toString() {
        return "ExecCredentials[" + config + ", token=<redacted>]";
    }
}
