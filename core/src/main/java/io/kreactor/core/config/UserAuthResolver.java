package io.kreactor.core.config;

import io.kreactor.core.auth.AuthProvider;
import io.kreactor.core.auth.AuthProviders;
import io.kreactor.core.auth.ExecClusterInfo;
import io.kreactor.core.auth.ExecConfig;
import io.kreactor.core.auth.ExecConfig.InteractiveMode;
import io.kreactor.core.config.KubeConfigFile.AuthProviderStanza;
import io.kreactor.core.config.KubeConfigFile.ExecStanza;
import io.kreactor.core.config.KubeConfigFile.User;
import io.kreactor.core.errors.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the {@link AuthProvider} for a kubeconfig user, with client-go's validation: at most one of token
 * ({@code token}/{@code tokenFile}), basic auth, {@code auth-provider} and {@code exec}.
 */
final class UserAuthResolver {

    private final User user;
    private final LoadOptions options;
    private final String where;

    UserAuthResolver(User user, LoadOptions options) {
        this.user = user;
        this.options = options;
        this.where = "kubeconfig " + user.file() + ": " + user.field();
    }

    AuthProvider resolve(ExecClusterInfo clusterInfo) {
        if (!user.impersonation().isEmpty()) {
            throw new ConfigException(where + "." + user.impersonation().get(0) + ": impersonation ("
                    + String.join(", ", user.impersonation()) + ") is not supported by this library");
        }
        List<String> methods = new ArrayList<>();
        if (user.token() != null || user.tokenFile() != null) {
            methods.add("token");
        }
        if (user.username() != null || user.password() != null) {
            methods.add("basic auth (username/password)");
        }
        if (user.authProvider() != null) {
            methods.add("auth-provider");
        }
        if (user.exec() != null) {
            methods.add("exec");
        }
        if (methods.size() > 1) {
            throw new ConfigException(where + ": more than one authentication method found for user '" + user.name()
                    + "': " + methods + "; only one is allowed");
        }
        if (user.tokenFile() != null) {
            // client-go prefers the file when both are set: it is the one that rotates.
            return AuthProviders.tokenFile(user.tokenFile(), options.tokenFilePeriod(), options.clock());
        }
        if (user.token() != null) {
            return AuthProviders.bearerToken(user.token());
        }
        if (user.username() != null || user.password() != null) {
            return AuthProviders.basic(user.username() == null ? "" : user.username(),
                    user.password() == null ? "" : user.password());
        }
        if (user.authProvider() != null) {
            return authProvider(user.authProvider());
        }
        if (user.exec() != null) {
            return AuthProviders.exec(execConfig(user.exec()), clusterInfo, where + ".exec", options.execTimeout(),
                    options.clock());
        }
        return AuthProvider.none();
    }

    private AuthProvider authProvider(AuthProviderStanza stanza) {
        String field = where + ".auth-provider";
        if (!stanza.name().equals("oidc")) {
            throw new ConfigException(field + ": the '" + stanza.name() + "' auth provider is not supported (client-go"
                    + " removed the in-tree providers); use an exec credential plugin instead, e.g."
                    + " gke-gcloud-auth-plugin for gcp, kubelogin for azure or oidc");
        }
        String idToken = stanza.config().get("id-token");
        if (idToken == null || idToken.isEmpty()) {
            throw new ConfigException(field + ".config.id-token: missing; the oidc auth provider is supported only with"
                    + " a stored id-token (no refresh flow); use an exec plugin such as kubelogin instead");
        }
        return AuthProviders.oidcIdToken(idToken, stanza.config().get("idp-issuer-url"));
    }

    private ExecConfig execConfig(ExecStanza exec) {
        String field = where + ".exec";
        if (exec.command() == null) {
            throw new ConfigException(field + ".command: missing; an exec plugin needs a command");
        }
        if (exec.apiVersion() == null) {
            throw new ConfigException(field + ".apiVersion: missing; set " + ExecConfig.V1 + " or " + ExecConfig.V1BETA1);
        }
        if (!exec.apiVersion().equals(ExecConfig.V1) && !exec.apiVersion().equals(ExecConfig.V1BETA1)) {
            throw new ConfigException(field + ".apiVersion: unsupported value '" + exec.apiVersion() + "' (supported: "
                    + ExecConfig.V1 + ", " + ExecConfig.V1BETA1 + ")");
        }
        InteractiveMode mode;
        if (exec.interactiveMode() == null) {
            if (exec.apiVersion().equals(ExecConfig.V1)) {
                throw new ConfigException(field + ".interactiveMode: missing; " + ExecConfig.V1
                        + " requires Never, IfAvailable or Always");
            }
            mode = InteractiveMode.IF_AVAILABLE;
        } else {
            mode = InteractiveMode.fromKubeconfigName(exec.interactiveMode());
            if (mode == null) {
                throw new ConfigException(field + ".interactiveMode: invalid value '" + exec.interactiveMode()
                        + "' (expected Never, IfAvailable or Always)");
            }
        }
        return new ExecConfig(exec.command(), exec.args(), exec.env(), exec.apiVersion(), mode,
                Boolean.TRUE.equals(exec.provideClusterInfo()), exec.installHint());
    }
}
