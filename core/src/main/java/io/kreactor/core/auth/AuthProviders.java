package io.kreactor.core.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link AuthProvider}s a kubeconfig user can describe. None of them shows its secret in
 * {@code toString()}.
 */
public final class AuthProviders {

    /** client-go re-reads a token file once a minute. */
    public static final Duration DEFAULT_TOKEN_FILE_PERIOD = Duration.ofMinutes(1);
    /** How long an exec plugin may run before it is killed and the request fails. */
    public static final Duration DEFAULT_EXEC_TIMEOUT = Duration.ofMinutes(1);

    private AuthProviders() {
    }

    /** {@code Authorization: Bearer <token>} with a fixed token (a kubeconfig user's {@code token}). */
    public static AuthProvider bearerToken(String token) {
        requireText(token, "token");
        return new BearerTokenAuth(token, "BearerToken[<redacted>]");
    }

    /**
     * The {@code id-token} of a legacy {@code auth-provider: oidc} user, sent as a bearer token.
     *
     * <p>Only the stored id-token is used: there is no refresh flow (client-go's OIDC provider, deprecated and
     * removed from kubectl, would use the refresh-token). When the id-token expires the server answers 401; switch to
     * an exec plugin such as {@code kubelogin} ({@code kubectl oidc-login}) for tokens that renew themselves.
     *
     * @param issuer the {@code idp-issuer-url}, only used to describe the provider; may be null
     */
    public static AuthProvider oidcIdToken(String idToken, String issuer) {
        requireText(idToken, "id-token");
        return new BearerTokenAuth(idToken, "OidcIdToken[issuer=" + issuer + ", id-token=<redacted>]");
    }

    /** HTTP basic authentication ({@code username}/{@code password}). */
    public static AuthProvider basic(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        return new BasicAuth(username, password);
    }

    /**
     * A bearer token read from {@code file}, re-read every {@link #DEFAULT_TOKEN_FILE_PERIOD} so a rotated token
     * (the kubelet rotates projected service-account tokens) is used without a restart.
     */
    public static AuthProvider tokenFile(Path file) {
        return tokenFile(file, DEFAULT_TOKEN_FILE_PERIOD, Clock.systemUTC());
    }

    /**
     * A bearer token read from {@code file} on the bounded-elastic scheduler and re-read once {@code period} has
     * passed on {@code clock}; {@link AuthProvider#refreshAfterUnauthorized()} re-reads it at once and emits true
     * when the file now holds a different token.
     */
    public static AuthProvider tokenFile(Path file, Duration period, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(clock, "clock");
        return new TokenFileAuth(file, period, clock);
    }

    /**
     * Tokens from an exec credential plugin, following client-go's exec authenticator: the plugin runs on the
     * bounded-elastic scheduler with standard input closed and {@code KUBERNETES_EXEC_INFO} in its environment,
     * must print an ExecCredential of {@code config.apiVersion()} within {@code timeout}, and its token is cached
     * until {@code status.expirationTimestamp} (by {@code clock}). Concurrent callers share one run;
     * {@link AuthProvider#refreshAfterUnauthorized()} runs it again. Failures are
     * {@link io.kreactor.core.errors.ConfigException}s naming the plugin and carrying its (capped) stderr.
     *
     * <p>Client certificates returned by a plugin ({@code status.clientCertificateData}) are not supported and
     * fail with a clear error.
     *
     * @param cluster the cluster details for {@code provideClusterInfo}, or null
     * @param origin  names the stanza in error messages, e.g. {@code users[name=alice].user.exec}; may be null
     */
    public static AuthProvider exec(ExecConfig config, ExecClusterInfo cluster, String origin, Duration timeout,
                                    Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
        return new ExecCredentialAuth(config, cluster, origin, timeout, clock);
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
