package io.kreactor.core.errors;

/**
 * Configuration that cannot be used: a missing or malformed kubeconfig, a context naming a missing cluster,
 * bad base64, an unreadable key. The message names the file, the field and the offending value — never a
 * secret value.
 */
public class ConfigException extends KubernetesException {

    /** Creates a configuration error with {@code message}. */
    public ConfigException(String message) {
        super(message);
    }

    /** Creates a configuration error with {@code message} caused by {@code cause}. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
