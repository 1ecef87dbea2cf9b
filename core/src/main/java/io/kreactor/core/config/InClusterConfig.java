package io.kreactor.core.config;

import io.kreactor.core.auth.AuthProviders;
import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.tls.Pem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of a pod talking to its own cluster, as client-go's {@code rest.InClusterConfig} and
 * clientcmd's {@code inClusterClientConfig}: the server from {@code KUBERNETES_SERVICE_HOST} and
 * {@code KUBERNETES_SERVICE_PORT}, the service-account token as a token file re-read periodically (the kubelet
 * rotates it), {@code ca.crt} as the trust anchor and the namespace from {@code POD_NAMESPACE} or the
 * {@code namespace} file. Blocking: reads the files.
 */
final class InClusterConfig {

    private static final Logger log = LoggerFactory.getLogger(InClusterConfig.class);

    static final String HOST = "KUBERNETES_SERVICE_HOST";
    static final String PORT = "KUBERNETES_SERVICE_PORT";

    private InClusterConfig() {
    }

    /** True when the environment variables and the token file are there, as client-go's {@code Possible()}. */
    static boolean possible(ConfigEnvironment env) {
        return notEmpty(env.getenv(HOST)) && notEmpty(env.getenv(PORT))
                && Files.isRegularFile(env.serviceAccountDirectory().resolve("token"));
    }

    static ClientConfig load(LoadOptions options) {
        ConfigEnvironment env = options.environment();
        String host = env.getenv(HOST);
        String port = env.getenv(PORT);
        if (!notEmpty(host) || !notEmpty(port)) {
            throw new ConfigException("unable to load in-cluster configuration: " + HOST + " and " + PORT
                    + " must be set (they are in every pod)");
        }
        Path directory = env.serviceAccountDirectory();
        Path tokenFile = directory.resolve("token");
        String token = new String(ConfigFiles.read(tokenFile, "in-cluster service-account token"), StandardCharsets.UTF_8);
        if (token.isBlank()) {
            throw new ConfigException("in-cluster service-account token file " + tokenFile + " is empty");
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        URI server = options.server() != null
                ? ConfigFiles.server(options.server(), "server override (LoadOptions.withServer)")
                : ConfigFiles.server("https://" + hostPart + ":" + port, "in-cluster " + HOST + "/" + PORT);

        List<X509Certificate> trusted = List.of();
        Path caFile = directory.resolve("ca.crt");
        if (Files.isRegularFile(caFile)) {
            trusted = Pem.certificates(ConfigFiles.read(caFile, "in-cluster CA"), "in-cluster CA " + caFile);
        } else {
            // client-go logs the missing CA and goes on with the system trust store.
            log.warn("In-cluster CA file {} does not exist; verifying the API server against the JVM trust store", caFile);
        }
        String namespace = options.namespace() != null ? options.namespace() : namespace(env, directory);
        try {
            return ClientConfig.builder(server)
                    .tls(TlsConfig.SYSTEM_DEFAULT.withTrustedCertificates(trusted))
                    .auth(AuthProviders.tokenFile(tokenFile, options.tokenFilePeriod(), options.clock()))
                    .namespace(namespace)
                    .source("in-cluster (service account " + directory + ")")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("in-cluster configuration: " + e.getMessage());
        }
    }

    private static String namespace(ConfigEnvironment env, Path directory) {
        String fromEnv = env.getenv("POD_NAMESPACE");
        if (notEmpty(fromEnv)) {
            return fromEnv.strip();
        }
        Path file = directory.resolve("namespace");
        if (Files.isRegularFile(file)) {
            String value = new String(ConfigFiles.read(file, "in-cluster namespace"), StandardCharsets.UTF_8).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "default";
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isBlank();
    }
}
