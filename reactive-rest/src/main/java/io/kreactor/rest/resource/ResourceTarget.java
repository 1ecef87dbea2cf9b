package io.kreactor.rest.resource;

import io.kreactor.core.api.Names;
import io.kreactor.core.api.QueryOptions;
import io.kreactor.core.selector.FieldSelector;
import io.kreactor.core.selector.LabelSelector;
import io.kreactor.rest.Request;
import io.kreactor.rest.RestClient;
import java.util.Objects;

/**
 * Where requests of a {@link ResourceClient} go: the REST client, the descriptor and the namespace, with the
 * scope rules checked in one place. Immutable. An invalid namespace is stored, not thrown, so that a fluent
 * {@code client.inNamespace(bad).get(name)} still reports the problem as an error on subscription.
 */
final class ResourceTarget {

    private final RestClient rest;
    private final ResourceDescriptor descriptor;
    private final String namespace;
    private final IllegalArgumentException error;

    private ResourceTarget(RestClient rest, ResourceDescriptor descriptor, String namespace, IllegalArgumentException error) {
        this.rest = rest;
        this.descriptor = descriptor;
        this.namespace = namespace;
        this.error = error;
    }

    static ResourceTarget of(RestClient rest, ResourceDescriptor descriptor) {
        return new ResourceTarget(Objects.requireNonNull(rest, "rest"), Objects.requireNonNull(descriptor, "descriptor"), null, null);
    }

    RestClient rest() {
        return rest;
    }

    ResourceDescriptor descriptor() {
        return descriptor;
    }

    String namespace() {
        return namespace;
    }

    ResourceTarget inNamespace(String ns) {
        IllegalArgumentException problem = null;
        if (ns == null || ns.isEmpty()) {
            problem = new IllegalArgumentException("namespace of " + descriptor.gvr()
                    + " must not be null or empty; use inAllNamespaces() to list or watch across namespaces");
        } else if (descriptor.scope() == ResourceDescriptor.Scope.CLUSTER) {
            problem = new IllegalArgumentException(descriptor.gvr() + " is cluster-scoped and takes no namespace, but namespace '"
                    + ns + "' was given");
        } else {
            try {
                Names.Rule.DNS1123_LABEL.check("namespace", ns);
            } catch (IllegalArgumentException e) {
                problem = e;
            }
        }
        return new ResourceTarget(rest, descriptor, problem == null ? ns : null, problem);
    }

    ResourceTarget allNamespaces() {
        return new ResourceTarget(rest, descriptor, null, null);
    }

    /** Throws the stored namespace problem, if any. */
    void check() {
        if (error != null) {
            throw error;
        }
    }

    /** A request on the collection in this target's namespace (or all namespaces / cluster scope). */
    Request collection(Request start) {
        check();
        return address(start, namespace);
    }

    /** A request on the collection after checking the selectors of {@code options} parse. */
    Request collection(Request start, QueryOptions options) {
        checkSelectors(options);
        return collection(start).options(options);
    }

    /**
     * A request on the object {@code name}: the name must be a valid path segment and, for a namespaced kind,
     * this target must have a namespace.
     */
    Request object(Request start, String operation, String name) {
        check();
        checkName(name);
        if (descriptor.scope() == ResourceDescriptor.Scope.NAMESPACED && namespace == null) {
            throw new IllegalArgumentException(operation + " of " + descriptor.gvr() + " '" + name + "': "
                    + descriptor.gvr().resource() + " are namespaced, so a namespace is required; call inNamespace(ns) first");
        }
        return address(start, namespace).name(name);
    }

    /**
     * A request on the object an operation was given, in the namespace that object belongs to: the client's
     * namespace, else the object's own {@code metadata.namespace}. A conflict between the two is an error, as the
     * API server makes it one.
     */
    Request objectOf(Request start, String operation, String name, String objectNamespace) {
        return address(start, resolveNamespace(operation, name, objectNamespace)).name(checkName(name));
    }

    /** The namespace an object-carrying request goes to. */
    String resolveNamespace(String operation, String name, String objectNamespace) {
        check();
        boolean objectHasNs = objectNamespace != null && !objectNamespace.isEmpty();
        switch (descriptor.scope()) {
            case CLUSTER:
                return null;
            case NAMESPACED:
                if (namespace == null && !objectHasNs) {
                    throw new IllegalArgumentException(operation + " of " + descriptor.gvr() + " '" + name + "': "
                            + descriptor.gvr().resource() + " are namespaced, but neither the client (inNamespace) nor the "
                            + "object's metadata.namespace names one");
                }
                break;
            default:
                break;
        }
        if (namespace != null && objectHasNs && !namespace.equals(objectNamespace)) {
            throw new IllegalArgumentException(operation + " of " + descriptor.gvr() + " '" + name + "': the object's "
                    + "metadata.namespace '" + objectNamespace + "' does not match the client's namespace '" + namespace + "'");
        }
        if (objectHasNs && namespace == null) {
            Names.Rule.DNS1123_LABEL.check("namespace", objectNamespace);
        }
        return namespace != null ? namespace : (objectHasNs ? objectNamespace : null);
    }

    /** A request on the collection in {@code ns} (for create, whose namespace may come from the object). */
    Request collectionIn(Request start, String ns) {
        return address(start, ns);
    }

    private Request address(Request start, String ns) {
        return start.groupVersion(descriptor.groupVersion()).namespace(ns).resource(descriptor.gvr().resource());
    }

    /** The object name, checked as client-go checks every name it puts into a URL. */
    static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("resource name may not be empty");
        }
        return Names.checkPathSegmentName("resource name", name);
    }

    /** Parses the label and field selectors of list-like options so a typo fails here with the reason. */
    static void checkSelectors(QueryOptions options) {
        Objects.requireNonNull(options, "options");
        var q = options.toQueryParameters();
        String labels = q.get("labelSelector");
        if (labels != null) {
            try {
                LabelSelector.parse(labels);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid labelSelector '" + labels + "': " + e.getMessage(), e);
            }
        }
        String fields = q.get("fieldSelector");
        if (fields != null) {
            try {
                FieldSelector.parse(fields);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid fieldSelector '" + fields + "': " + e.getMessage(), e);
            }
        }
    }
}
