package io.kreactor.core.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A kubeconfig user's {@code exec} stanza: how to run a client-go credential plugin
 * ({@code client.authentication.k8s.io/v1} or {@code v1beta1}).
 *
 * @param command            the program to run; resolved on {@code PATH} unless it contains a path separator (the
 *                           kubeconfig loader has already made a relative path with a separator absolute)
 * @param args               its arguments
 * @param env                extra environment variables, added to this process's environment, in order
 * @param apiVersion         the ExecCredential version the plugin speaks; its output must carry the same
 * @param interactiveMode    whether the plugin may talk to a user (see {@link InteractiveMode})
 * @param provideClusterInfo whether to pass the cluster's details in {@code KUBERNETES_EXEC_INFO}
 * @param installHint        shown when the command cannot be found, or null
 */
public record ExecConfig(String command, List<String> args, Map<String, String> env, String apiVersion,
                         InteractiveMode interactiveMode, boolean provideClusterInfo, String installHint) {

    /** {@code client.authentication.k8s.io/v1}. */
    public static final String V1 = "client.authentication.k8s.io/v1";
    /** {@code client.authentication.k8s.io/v1beta1}. */
    public static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";

    /** How a plugin may interact with a user, from the stanza's {@code interactiveMode}. */
    public enum InteractiveMode {
        /** The plugin never needs a terminal; it runs with its standard input closed. */
        NEVER("Never"),
        /**
         * The plugin uses a terminal when there is one. This library has none, so the plugin runs
         * non-interactively (stdin closed, {@code spec.interactive=false}); the v1beta1 default.
         */
        IF_AVAILABLE("IfAvailable"),
        /** The plugin needs a terminal: running it fails, because a library has no terminal to give it. */
        ALWAYS("Always");

        private final String kubeconfigName;

        InteractiveMode(String kubeconfigName) {
            this.kubeconfigName = kubeconfigName;
        }

        /** The spelling used in kubeconfig files ({@code Never}, {@code IfAvailable}, {@code Always}). */
        public String kubeconfigName() {
            return kubeconfigName;
        }

        /** The mode spelled {@code name} in a kubeconfig, or null when there is none. */
        public static InteractiveMode fromKubeconfigName(String name) {
            for (InteractiveMode mode : values()) {
                if (mode.kubeconfigName.equals(name)) {
                    return mode;
                }
            }
            return null;
        }
    }

    /** Validates the command, version and mode and copies the collections. */
    public ExecConfig {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("exec command must not be empty");
        }
        if (!V1.equals(apiVersion) && !V1BETA1.equals(apiVersion)) {
            throw new IllegalArgumentException("unsupported exec apiVersion '" + apiVersion + "' (supported: " + V1
                    + ", " + V1BETA1 + ")");
        }
        Objects.requireNonNull(interactiveMode, "interactiveMode");
        args = List.copyOf(args == null ? List.of() : args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
    }

    /** Names the command and version; environment values are not shown, as they may be secret. */
    @Override
    public String toString() {
        return "ExecConfig[command=" + command + ", args=" + args + ", env=" + env.keySet() + ", apiVersion="
                + apiVersion + ", interactiveMode=" + interactiveMode.kubeconfigName() + ", provideClusterInfo="
                + provideClusterInfo + "]";
    }
}
