package io.kreactor.core.config;

import io.kreactor.core.tls.ClientCertificateSource;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How the transport secures {@code https} connections, from a kubeconfig cluster and user
 * ({@code certificate-authority(-data)}, {@code tls-server-name}, {@code insecure-skip-tls-verify},
 * {@code client-certificate(-data)}/{@code client-key(-data)}).
 *
 * @param trustedCertificates   CA certificates that verify the server; empty means the JVM's trust store
 * @param insecureSkipTlsVerify skip server verification entirely — only when the kubeconfig says so
 * @param serverName            the name to send as SNI and verify the certificate against, or null for the URL host
 * @param clientCertificate     the client certificate for mutual TLS, or null
 */
public record TlsConfig(List<X509Certificate> trustedCertificates, boolean insecureSkipTlsVerify,
                        String serverName, ClientCertificateSource clientCertificate) {

    /** Verify the server against the JVM's default trust store; no client certificate. */
    public static final TlsConfig SYSTEM_DEFAULT = new TlsConfig(List.of(), false, null, null);

    /** Copies the certificate list. */
    public TlsConfig {
        trustedCertificates = List.copyOf(Objects.requireNonNull(trustedCertificates, "trustedCertificates"));
    }

    /** A copy that trusts exactly {@code certificates}. */
    public TlsConfig withTrustedCertificates(List<X509Certificate> certificates) {
        return new TlsConfig(certificates, insecureSkipTlsVerify, serverName, clientCertificate);
    }

    /** A copy that does (or does not) skip server verification. */
    public TlsConfig withInsecureSkipTlsVerify(boolean insecure) {
        return new TlsConfig(trustedCertificates, insecure, serverName, clientCertificate);
    }

    /** A copy with {@code serverName} for SNI and verification. */
    public TlsConfig withServerName(String serverName) {
        return new TlsConfig(trustedCertificates, insecureSkipTlsVerify, serverName, clientCertificate);
    }

    /** A copy that authenticates with {@code source}. */
    public TlsConfig withClientCertificate(ClientCertificateSource source) {
        return new TlsConfig(trustedCertificates, insecureSkipTlsVerify, serverName, source);
    }

    /** Summarizes without certificate contents. */
    @Override
    public String toString() {
        return "TlsConfig[trusted=" + (trustedCertificates.isEmpty() ? "system" : trustedCertificates.size() + " CA cert(s)")
                + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify
                + (serverName == null ? "" : ", serverName=" + serverName)
                + ", clientCertificate=" + (clientCertificate == null ? "none" : "set") + "]";
    }
}
