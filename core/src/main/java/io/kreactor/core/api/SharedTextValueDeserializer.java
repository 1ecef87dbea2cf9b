package io.kreactor.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JacksonStdImpl;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;

/**
 * Wraps a model type's own deserializer (one a class names with {@code @JsonDeserialize(using = ..)}, such as
 * fabric8's {@code Quantity}) so that a value written as a JSON string is one shared object for each text: every
 * {@code "250m"} of a cache's Pods is the same {@code Quantity}. Installed by
 * {@link KubernetesJson#sharedEmptyCollectionsModule()} for the types it already wraps.
 *
 * <p>Such values repeat across the objects of a workload (each container of a Deployment's Pods asks for the
 * same CPU and memory), and binding one is dear: fabric8's {@code Quantity} deserializer reads a tree with a
 * fresh deserialization context, parses the text into a temporary {@code Quantity} and keeps two new substrings.
 * A small table of recent values, per deserializer instance (so per property and mapper), is looked up by the
 * text, which is itself taken from the table of shared strings ({@link SharedStringDeserializer}) without
 * making a {@code String} on a hit. A miss binds with the wrapped deserializer and replaces whatever held the
 * slot, so memory stays constant. Entries are immutable and slots are read and written without locks: a racing
 * thread at worst misses and binds a copy of its own.
 *
 * <p>Only string tokens up to {@link SharedStringDeserializer#MAX_SHARED_LENGTH} characters are shared; the
 * result of binding a string must depend on nothing but the text and the mapper's configuration, which holds
 * for the value types of the Kubernetes model. Objects, numbers and other tokens go to the wrapped deserializer.
 */
// Marked as one of Jackson's own for the same reason as SharedEmptyCollectionsDeserializer: Blackbird keeps
// generated setters for the bean properties whose values this binds.
@JacksonStdImpl
final class SharedTextValueDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;
    private static final int SLOTS = 1 << 8;

    /** A text and the value bound from it. */
    private record Entry(String text, Object value) {
    }

    private final transient Entry[] table = new Entry[SLOTS];

    SharedTextValueDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    /** The same sharing around a delegate that contextualization or unwrapping produced, with a table of its own. */
    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new SharedTextValueDeserializer(newDelegatee);
    }

    /** The value bound earlier from the same text, or a newly bound one that is remembered. */
    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING) || p.getTextLength() > SharedStringDeserializer.MAX_SHARED_LENGTH) {
            return _delegatee.deserialize(p, ctxt);
        }
        String text = SharedStringDeserializer.shared(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Entry entry = table[slot];
        if (entry != null && (entry.text == text || entry.text.equals(text))) {
            return entry.value;
        }
        Object value = _delegatee.deserialize(p, ctxt);
        if (value != null) {
            table[slot] = new Entry(text, value);
        }
        return value;
    }
}
