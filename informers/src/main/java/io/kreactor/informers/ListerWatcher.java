package io.kreactor.informers;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.rest.ListElement;
import io.kreactor.rest.RestClient;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * The Reflector's only view of the API server: one LIST page and one WATCH, as cold publishers. The
 * counterpart of client-go's {@code cache.ListerWatcher}; a fake implementation is all a Reflector test needs.
 *
 * <p>Implementations add their own fixed selectors (label and field selectors of the informer) to the
 * options the Reflector passes; the Reflector sets paging ({@code limit}, {@code continue}) and the
 * resourceVersion parameters.
 *
 * @param <T> the object type
 */
public interface ListerWatcher<T> {

    /**
     * Lists one page. The returned {@code Flux} emits the list's {@link ListElement.Metadata} (with the list
     * resourceVersion and the {@code continue} token) and each {@link ListElement.Item}, then completes.
     * A failure is an {@link io.kreactor.core.errors.ApiException} (an expired {@code continue} token is a
     * {@link io.kreactor.core.errors.GoneException}).
     */
    Flux<ListElement<T>> list(ListOptions options);

    /**
     * Watches from {@code options.resourceVersion()}. Emits events as they arrive (ERROR events are items,
     * not failures) and completes when the server ends the watch. Backpressured: requesting nothing stops
     * reading from the connection.
     */
    Flux<WatchEvent<T>> watch(WatchOptions options);

    /**
     * A ListerWatcher for the collection {@code gvr} in {@code namespace} (or all namespaces / cluster scope
     * when null), decoding objects as {@code type}, restricted to the given selectors. Objects are decoded for a
     * cache ({@link io.kreactor.rest.codec.JsonStreamDecoder#sharingStrings()}): they share repeated strings, equal
     * {@code managedFields[].fieldsV1} trees and one immutable empty {@code additionalProperties} map, so they must
     * not be changed in place.
     *
     * @param rest          the client to send requests with
     * @param gvr           the resource, for example {@code apps/v1, Resource=deployments}
     * @param namespace     the namespace, or null for all namespaces or a cluster-scoped resource
     * @param type          the object class (a fabric8 model class, {@code JsonNode}, …)
     * @param labelSelector a label selector applied to every list and watch, or null
     * @param fieldSelector a field selector applied to every list and watch, or null
     */
    static <T> ListerWatcher<T> forResource(RestClient rest, GroupVersionResource gvr, String namespace, Class<T> type,
                                            String labelSelector, String fieldSelector) {
        Objects.requireNonNull(type, "type");
        return forResource(rest, gvr, namespace, KubernetesJson.mapper().constructType(type), labelSelector, fieldSelector);
    }

    /** {@link #forResource(RestClient, GroupVersionResource, String, Class, String, String)} without selectors. */
    static <T> ListerWatcher<T> forResource(RestClient rest, GroupVersionResource gvr, String namespace, Class<T> type) {
        return forResource(rest, gvr, namespace, type, null, null);
    }

    /**
     * {@link #forResource(RestClient, GroupVersionResource, String, Class, String, String)} for a generic
     * object type.
     */
    static <T> ListerWatcher<T> forResource(RestClient rest, GroupVersionResource gvr, String namespace, JavaType type,
                                            String labelSelector, String fieldSelector) {
        return new RestListerWatcher<>(rest, gvr, namespace, type, labelSelector, fieldSelector);
    }
}
