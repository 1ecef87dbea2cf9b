package io.kreactor.dynamic.mapper;

import io.kreactor.core.errors.KubernetesException;

/**
 * A resource name given as kubectl takes it ({@code po}, {@code deployments.apps}, {@code Deployment}) matches no
 * resource of the server, even after discovery was read again (client-go's {@code NoResourceMatchError}). The
 * message reads {@code the server doesn't have a resource type "widgets"}, as kubectl prints it.
 */
public class NoResourceMatchException extends KubernetesException {

    private final String resource;

    /** No match for {@code resource}. */
    public NoResourceMatchException(String resource, Throwable cause) {
        super("the server doesn't have a resource type \"" + resource + "\"", cause);
        this.resource = resource;
    }

    /** The name as given. */
    public String resource() {
        return resource;
    }
}
