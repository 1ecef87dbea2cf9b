package io.kreactor.core.auth;

/**
 * The cluster details given to an exec plugin with {@code provideClusterInfo: true}, as
 * {@code spec.cluster} of the {@code KUBERNETES_EXEC_INFO} ExecCredential.
 *
 * @param server                   the API server URL
 * @param certificateAuthorityData the PEM CA bundle (from {@code certificate-authority} or its data), or null
 * @param tlsServerName            the {@code tls-server-name}, or null
 * @param insecureSkipTlsVerify    the cluster's {@code insecure-skip-tls-verify}
 * @param proxyUrl                 the {@code proxy-url}, or null
 */
public record ExecClusterInfo(String server, byte[] certificateAuthorityData, String tlsServerName,
                              boolean insecureSkipTlsVerify, String proxyUrl) {

    /** Copies the CA data. */
    public ExecClusterInfo {
        certificateAuthorityData = certificateAuthorityData == null ? null : certificateAuthorityData.clone();
    }

    /** The PEM CA bundle (a copy), or null. */
    @Override
    public byte[] certificateAuthorityData() {
        return certificateAuthorityData == null ? null : certificateAuthorityData.clone();
    }

    /** Names the server. */
    @Override
    public String toString() {
        return "ExecClusterInfo[server=" + server + "]";
    }
}
