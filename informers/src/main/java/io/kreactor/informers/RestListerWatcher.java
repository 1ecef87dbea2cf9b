package io.kreactor.informers;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.rest.ListElement;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.codec.JsonStreamDecoder;
import java.util.Objects;
import reactor.core.publisher.Flux;

/** {@link ListerWatcher} over a {@link RestClient}: GET on the collection path, with {@code watch=true} to watch. */
final class RestListerWatcher<T> implements ListerWatcher<T> {

    private final RestClient rest;
    private final GroupVersionResource gvr;
    private final String namespace;
    private final JavaType type;
    private final String labelSelector;
    private final String fieldSelector;

    RestListerWatcher(RestClient rest, GroupVersionResource gvr, String namespace, JavaType type,
                      String labelSelector, String fieldSelector) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.gvr = Objects.requireNonNull(gvr, "gvr");
        this.namespace = namespace;
        this.type = Objects.requireNonNull(type, "type");
        this.labelSelector = labelSelector;
        this.fieldSelector = fieldSelector;
    }

    @Override
    public Flux<ListElement<T>> list(ListOptions options) {
        // Requests are built at subscription so that every retry of the Reflector sends a fresh request; what is
        // listed and watched here is cached, so repeated strings, managedFields trees and empty collections are
        // shared between the cached objects.
        return Flux.defer(() -> rest.get().groupVersion(gvr.groupVersion()).namespace(namespace).resource(gvr.resource())
                .options(withSelectors(options)).<T>list(type)).contextWrite(JsonStreamDecoder.sharingStrings());
    }

    @Override
    public Flux<WatchEvent<T>> watch(WatchOptions options) {
        return Flux.defer(() -> rest.get().groupVersion(gvr.groupVersion()).namespace(namespace).resource(gvr.resource())
                .options(withSelectors(options)).<T>watch(type)).contextWrite(JsonStreamDecoder.sharingStrings());
    }

    private ListOptions withSelectors(ListOptions o) {
        ListOptions r = labelSelector == null ? o : o.withLabelSelector(labelSelector);
        return fieldSelector == null ? r : r.withFieldSelector(fieldSelector);
    }

    private WatchOptions withSelectors(WatchOptions o) {
        WatchOptions r = labelSelector == null ? o : o.withLabelSelector(labelSelector);
        return fieldSelector == null ? r : r.withFieldSelector(fieldSelector);
    }

    @Override
    public String toString() {
        return "ListerWatcher[" + gvr + (namespace == null ? "" : ", namespace=" + namespace) + "]";
    }
}
