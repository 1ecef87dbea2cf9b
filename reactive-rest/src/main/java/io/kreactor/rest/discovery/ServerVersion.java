package io.kreactor.rest.discovery;

/**
 * The API server's build information from {@code GET /version} ({@code version.Info} in client-go).
 *
 * @param major        the major version, such as {@code 1}
 * @param minor        the minor version, such as {@code 31} (managed offerings may add a {@code +})
 * @param gitVersion   the full version, such as {@code v1.31.2}
 * @param gitCommit    the commit the server was built from, or null
 * @param buildDate    the build date as the server writes it, or null
 * @param goVersion    the Go version the server was built with, or null
 * @param platform     {@code os/arch}, or null
 */
public record ServerVersion(String major, String minor, String gitVersion, String gitCommit, String buildDate,
                            String goVersion, String platform) {

    @Override
    public String toString() {
        return gitVersion;
    }
}
