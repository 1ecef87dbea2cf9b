package io.kreactor.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Binds the value of one property — a {@code managedFields[].fieldsV1} — so that values with the same JSON are
 * one shared object, and a value seen before is recognized from its tokens and never bound again. Installed by
 * {@link KubernetesJson#sharedManagedFieldsModule()}.
 *
 * <p>The tokens of each value are recorded ({@link TokenRecording}, reusable per thread) with a content hash;
 * a table of recent values, one per slot, is checked for the same tokens. A hit returns the object bound
 * earlier; a miss binds the recorded tokens with the property's own deserializer and replaces whatever held the
 * slot, so memory stays constant and a value that never repeats costs one extra pass over its tokens. Each
 * deserializer instance (one per property per mapper) has its own table, so objects bound under one mapper's
 * configuration never reach another's. Slots are read without locks (entries are immutable) and replaced by
 * compare-and-set: threads that bind the same new tree at once (parallel binding of one LIST) end up with the
 * copy of the first to store it.
 *
 * <p>Values that are not objects or arrays go straight to the property's deserializer.
 */
final class SharedTreeDeserializer extends JsonDeserializer<Object> implements ContextualDeserializer {

    private static final int SLOTS = 1 << 10;

    private final JavaType type;
    private final JsonDeserializer<Object> delegate;
    private final AtomicReferenceArray<RecordedTree> table;

    /**
     * A deserializer for values of {@code type}, bound with {@code delegate} when they are new, or with the
     * deserializer the mapper finds for the property when {@code delegate} is {@code null}.
     */
    SharedTreeDeserializer(JavaType type, JsonDeserializer<Object> delegate) {
        this.type = type;
        this.delegate = delegate;
        this.table = delegate == null ? null : new AtomicReferenceArray<>(SLOTS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = delegate == null
                ? ctxt.findContextualValueDeserializer(type, property)
                : ctxt.handleSecondaryContextualization(delegate, property, type);
        return contextual == delegate ? this : new SharedTreeDeserializer(type, (JsonDeserializer<Object>) contextual);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (table == null) {
            throw JsonMappingException.from(p, "deserializer for " + type + " used before it was contextualized");
        }
        if (!p.hasToken(JsonToken.START_OBJECT) && !p.hasToken(JsonToken.START_ARRAY)) {
            return delegate.deserialize(p, ctxt);
        }
        TokenRecording recording = TokenRecording.acquire();
        try {
            recording.record(p);
            int hash = recording.hash();
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            RecordedTree cached = table.getPlain(slot);
            if (cached != null && recording.matches(cached)) {
                return cached.value();
            }
            Object value;
            try (JsonParser replay = recording.replay(p, ctxt)) {
                value = delegate.deserialize(replay, ctxt);
            }
            if (table.compareAndSet(slot, cached, recording.toTree(value))) {
                return value;
            }
            // Another thread filled the slot while this one bound: if it bound the same tree, share its copy.
            RecordedTree raced = table.get(slot);
            return raced != null && recording.matches(raced) ? raced.value() : value;
        } finally {
            recording.release();
        }
    }

    /** Polymorphic values are bound as the property's deserializer binds them, unshared. */
    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return delegate.deserializeWithType(p, ctxt, typeDeserializer);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        return delegate == null ? null : delegate.getNullValue(ctxt);
    }

    @Override
    public Class<?> handledType() {
        return type.getRawClass();
    }
}
