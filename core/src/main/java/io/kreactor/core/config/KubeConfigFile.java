package io.kreactor.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One parsed kubeconfig file. Relative paths are already resolved against the file's directory and
 * {@code *-data} fields already decoded from base64, so entries stay meaningful after merging with other files.
 *
 * @param file           the file
 * @param clusters       the named clusters, by name
 * @param users          the named users (client-go's AuthInfos), by name
 * @param contexts       the named contexts, by name
 * @param currentContext the {@code current-context}, or null when empty
 */
record KubeConfigFile(Path file, Map<String, Cluster> clusters, Map<String, User> users,
                      Map<String, Context> contexts, String currentContext) {

    boolean isEmpty() {
        return clusters.isEmpty() && users.isEmpty() && contexts.isEmpty() && currentContext == null;
    }

    /** A {@code clusters[]} entry. {@code field} is its path, e.g. {@code clusters[name=prod].cluster}. */
    record Cluster(String name, Path file, String field, String server, String tlsServerName,
                   boolean insecureSkipTlsVerify, Path certificateAuthority, byte[] certificateAuthorityData,
                   String proxyUrl) {
    }

    /** A {@code users[]} entry ({@code field} e.g. {@code users[name=alice].user}). */
    record User(String name, Path file, String field, Path clientCertificate, byte[] clientCertificateData,
                Path clientKey, byte[] clientKeyData, String token, Path tokenFile, String username,
                String password, AuthProviderStanza authProvider, ExecStanza exec, List<String> impersonation) {

        @Override
        public String toString() {
            return "User[" + name + " in " + file + "]";
        }
    }

    /** A user's legacy {@code auth-provider}: its name and string config (which holds secrets). */
    record AuthProviderStanza(String name, Map<String, String> config) {

        @Override
        public String toString() {
            return "AuthProvider[" + name + "]";
        }
    }

    /** A user's {@code exec} stanza, as written; validated when the user is chosen. */
    record ExecStanza(String command, List<String> args, Map<String, String> env, String apiVersion,
                      String interactiveMode, Boolean provideClusterInfo, String installHint) {

        @Override
        public String toString() {
            return "Exec[" + command + "]";
        }
    }

    /** A {@code contexts[]} entry. */
    record Context(String name, Path file, String field, String cluster, String user, String namespace) {
    }
}
