package io.kreactor.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JacksonStdImpl;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import java.io.IOException;

/**
 * Wraps the deserializer of a type with an {@code additionalProperties} map and, after each object is
 * bound, replaces the map by one shared immutable empty map when no unknown field filled it, and the type's
 * other empty lists and maps by shared immutable empty ones ({@link EmptyCollectionsAccessor}). Objects of the
 * Kubernetes model hold dozens of these maps (35 in a typical Pod) and lists (about 40), nearly always empty,
 * and each costs 24 to 56 bytes of heap. Installed by {@link KubernetesJson#sharedEmptyCollectionsModule()}.
 *
 * <p>{@link DelegatingDeserializer} passes resolution, contextualization and unwrapping on to the delegate and
 * re-wraps whatever new delegate they yield through {@link #newDelegatingInstance}, so the wrapper keeps working
 * as the delegate is specialized (and for self-referencing types, which Jackson resolves through its cache).
 */
// Marked as one of Jackson's own so that Blackbird keeps generated setters for the properties it binds: Blackbird
// falls back to reflection (an argument array per call) for any other deserializer, although its object property
// calls the deserializer all the same. Jackson itself only consults the mark for String, number and untyped
// deserializers, which this wrapper of bean deserializers never stands in for.
@JacksonStdImpl
final class SharedEmptyCollectionsDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    private final transient AdditionalPropertiesAccessor accessor;
    private final transient EmptyCollectionsAccessor collections;

    SharedEmptyCollectionsDeserializer(JsonDeserializer<?> delegate, AdditionalPropertiesAccessor accessor,
                                       EmptyCollectionsAccessor collections) {
        super(delegate);
        this.accessor = accessor;
        this.collections = collections;
    }

    /** The same wrapping around a delegate that contextualization or unwrapping produced. */
    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new SharedEmptyCollectionsDeserializer(newDelegatee, accessor, collections);
    }

    /** A named deserializer that is not a {@code StdDeserializer} reports no type; the wrapper still knows it. */
    @Override
    public Class<?> handledType() {
        Class<?> handled = super.handledType();
        return handled != null ? handled : accessor.type();
    }

    /** Binds a new object with the delegate, then shares its empty map and collections. */
    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return share(_delegatee.deserialize(p, ctxt));
    }

    private Object share(Object bean) {
        return collections.share(accessor.share(bean));
    }

    /**
     * Updates an existing object (a reader for updating, {@code @JsonMerge}). Its map may be the shared one from
     * an earlier decode, and the any-setter would fail to put an unknown field into it, so it gets a fresh
     * mutable map first — and the shared one back if it stays empty. (Jackson replaces, rather than fills, the
     * other collections of an updated object, unless a property asks for {@code @JsonMerge}, which fabric8's
     * model does not.)
     */
    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
        accessor.unshare(intoValue);
        return share(((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue));
    }

    /** Polymorphic values; the subtype's own deserializer has usually shared the map already (then a no-op). */
    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return share(_delegatee.deserializeWithType(p, ctxt, typeDeserializer));
    }
}
