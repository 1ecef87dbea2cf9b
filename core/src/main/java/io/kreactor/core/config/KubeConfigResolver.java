package io.kreactor.core.config;

import io.kreactor.core.auth.AuthProvider;
import io.kreactor.core.auth.ExecClusterInfo;
import io.kreactor.core.config.KubeConfigFile.Cluster;
import io.kreactor.core.config.KubeConfigFile.Context;
import io.kreactor.core.config.KubeConfigFile.User;
import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.tls.ClientCertificateSource;
import io.kreactor.core.tls.ClientCertificateSources;
import io.kreactor.core.tls.Pem;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns the chosen context of a merged kubeconfig into a {@link ClientConfig}, following client-go's
 * {@code DirectClientConfig}: the context names a cluster and a user; overrides (context, namespace, server)
 * apply last; the namespace defaults to {@code default}. Blocking: reads CA, certificate and key files.
 */
final class KubeConfigResolver {

    private final MergedKubeConfig config;
    private final LoadOptions options;

    KubeConfigResolver(MergedKubeConfig config, LoadOptions options) {
        this.config = config;
        this.options = options;
    }

    ClientConfig resolve() {
        Context context = chooseContext();
        String where = "kubeconfig " + context.file() + ": " + context.field();
        if (context.cluster() == null) {
            throw new ConfigException(where + ".cluster: missing; context '" + context.name() + "' names no cluster");
        }
        Cluster cluster = config.clusters().get(context.cluster());
        if (cluster == null) {
            throw new ConfigException(where + ".cluster: cluster '" + context.cluster() + "' is not defined in "
                    + config.describeFiles() + "; known clusters: " + new TreeSet<>(config.clusters().keySet()));
        }
        User user = null;
        if (context.user() != null) {
            user = config.users().get(context.user());
            if (user == null) {
                throw new ConfigException(where + ".user: user '" + context.user() + "' is not defined in "
                        + config.describeFiles() + "; known users: " + new TreeSet<>(config.users().keySet()));
            }
        }
        String clusterWhere = "kubeconfig " + cluster.file() + ": " + cluster.field();
        String serverValue = options.server() != null ? options.server() : cluster.server();
        if (serverValue == null) {
            throw new ConfigException(clusterWhere + ".server: missing; cluster '" + cluster.name() + "' needs a server URL");
        }
        URI server = ConfigFiles.server(serverValue,
                options.server() != null ? "server override (LoadOptions.withServer)" : clusterWhere + ".server");

        byte[] caPem = certificateAuthority(cluster, clusterWhere);
        TlsConfig tls = tls(cluster, clusterWhere, caPem, user);
        ProxyConfig proxy = null;
        if (cluster.proxyUrl() != null) {
            try {
                proxy = ProxyConfig.parse(cluster.proxyUrl());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(clusterWhere + ".proxy-url: " + e.getMessage());
            }
        }
        AuthProvider auth = user == null ? AuthProvider.none()
                : auth(user, new ExecClusterInfo(server.toString(), caPem, cluster.tlsServerName(),
                        cluster.insecureSkipTlsVerify(), cluster.proxyUrl()));
        String namespace = options.namespace() != null ? options.namespace()
                : context.namespace() != null ? context.namespace() : "default";
        try {
            return ClientConfig.builder(server).tls(tls).auth(auth).proxy(proxy).namespace(namespace)
                    .source("kubeconfig " + config.describeFiles() + ", context " + context.name()).build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("kubeconfig " + config.describeFiles() + ", context " + context.name() + ": "
                    + e.getMessage());
        }
    }

    private Context chooseContext() {
        TreeSet<String> known = new TreeSet<>(config.contexts().keySet());
        if (options.context() != null) {
            Context context = config.contexts().get(options.context());
            if (context == null) {
                throw new ConfigException("context '" + options.context() + "' (LoadOptions.withContext) is not defined"
                        + " in kubeconfig " + config.describeFiles() + "; known contexts: " + known);
            }
            return context;
        }
        if (config.currentContext() == null) {
            throw new ConfigException("kubeconfig " + config.describeFiles() + " sets no current-context; choose one"
                    + " of the contexts " + known + " with LoadOptions.withContext");
        }
        Context context = config.contexts().get(config.currentContext());
        if (context == null) {
            throw new ConfigException("kubeconfig " + config.currentContextFile() + ": current-context '"
                    + config.currentContext() + "' is not defined in " + config.describeFiles() + "; known contexts: "
                    + known);
        }
        return context;
    }

    /** The CA bundle: {@code certificate-authority-data} overrides {@code certificate-authority}, as in client-go. */
    private static byte[] certificateAuthority(Cluster cluster, String where) {
        if (cluster.certificateAuthorityData() != null) {
            return cluster.certificateAuthorityData();
        }
        if (cluster.certificateAuthority() != null) {
            return ConfigFiles.read(cluster.certificateAuthority(), where + ".certificate-authority");
        }
        return null;
    }

    private TlsConfig tls(Cluster cluster, String where, byte[] caPem, User user) {
        List<X509Certificate> trusted = List.of();
        if (caPem != null) {
            String field = cluster.certificateAuthorityData() != null ? where + ".certificate-authority-data"
                    : where + ".certificate-authority (" + cluster.certificateAuthority() + ")";
            if (cluster.insecureSkipTlsVerify()) {
                // client-go: "specifying a root certificates file with the insecure flag is not allowed"
                throw new ConfigException(where + ": certificate-authority(-data) and insecure-skip-tls-verify cannot"
                        + " both be set; remove one of them");
            }
            trusted = Pem.certificates(caPem, field);
        }
        ClientCertificateSource clientCertificate = user == null ? null : clientCertificate(user);
        return new TlsConfig(trusted, cluster.insecureSkipTlsVerify(), cluster.tlsServerName(), clientCertificate);
    }

    private ClientCertificateSource clientCertificate(User user) {
        String where = "kubeconfig " + user.file() + ": " + user.field();
        boolean hasCertificate = user.clientCertificateData() != null || user.clientCertificate() != null;
        boolean hasKey = user.clientKeyData() != null || user.clientKey() != null;
        if (!hasCertificate && !hasKey) {
            return null;
        }
        if (!hasKey) {
            throw new ConfigException(where + ": client-certificate(-data) is set but client-key(-data) is not");
        }
        if (!hasCertificate) {
            throw new ConfigException(where + ": client-key(-data) is set but client-certificate(-data) is not");
        }
        String certificateOrigin = user.clientCertificateData() != null ? where + ".client-certificate-data"
                : where + ".client-certificate (" + user.clientCertificate() + ")";
        String keyOrigin = user.clientKeyData() != null ? where + ".client-key-data"
                : where + ".client-key (" + user.clientKey() + ")";
        if (user.clientCertificateData() == null && user.clientKeyData() == null) {
            return ClientCertificateSources.loadFiles(user.clientCertificate(), user.clientKey(), certificateOrigin,
                    keyOrigin, options.certificateCheckInterval(), options.clock());
        }
        byte[] certificate = user.clientCertificateData() != null ? user.clientCertificateData()
                : ConfigFiles.read(user.clientCertificate(), where + ".client-certificate");
        byte[] key = user.clientKeyData() != null ? user.clientKeyData()
                : ConfigFiles.read(user.clientKey(), where + ".client-key");
        return ClientCertificateSources.fromPem(certificate, key, certificateOrigin, keyOrigin);
    }

    private AuthProvider auth(User user, ExecClusterInfo clusterInfo) {
        return new UserAuthResolver(user, options).resolve(clusterInfo);
    }
}
