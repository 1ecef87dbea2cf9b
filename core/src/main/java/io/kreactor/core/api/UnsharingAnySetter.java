package io.kreactor.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import java.io.IOException;

/**
 * Wraps a model type's {@code @JsonAnySetter} method so that an object still holding the shared immutable
 * {@code additionalProperties} map ({@link PresetInstantiator}) gets a mutable map of its own before the first
 * unknown field is put into it. Everything else is the wrapped property's; its deserializers are reached only
 * through it (Jackson keeps them in protected fields), so every method that uses them delegates.
 */
final class UnsharingAnySetter extends SettableAnyProperty {

    private static final long serialVersionUID = 1L;

    private final SettableAnyProperty delegate;
    private final transient AdditionalPropertiesAccessor accessor;

    UnsharingAnySetter(SettableAnyProperty delegate, AdditionalPropertiesAccessor accessor) {
        super(delegate.getProperty(), delegate.getProperty().getMember(), delegate.getType(), null, null, null);
        this.delegate = delegate;
        this.accessor = accessor;
    }

    @Override
    public SettableAnyProperty withValueDeserializer(JsonDeserializer<Object> deserializer) {
        return new UnsharingAnySetter(delegate.withValueDeserializer(deserializer), accessor);
    }

    @Override
    public void fixAccess(DeserializationConfig config) {
        delegate.fixAccess(config);
    }

    @Override
    public BeanProperty getProperty() {
        return delegate.getProperty();
    }

    @Override
    public boolean hasValueDeserializer() {
        return delegate.hasValueDeserializer();
    }

    @Override
    public JavaType getType() {
        return delegate.getType();
    }

    @Override
    public String getPropertyName() {
        return delegate.getPropertyName();
    }

    @Override
    public int getParameterIndex() {
        return delegate.getParameterIndex();
    }

    @Override
    public boolean isFieldType() {
        return delegate.isFieldType();
    }

    @Override
    public boolean isSetterType() {
        return delegate.isSetterType();
    }

    @Override
    public Object createParameterObject() {
        return delegate.createParameterObject();
    }

    /** Unshares the instance's map, then reads and sets the value as the wrapped property does. */
    @Override
    public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance, String propName)
            throws IOException {
        accessor.unshare(instance);
        delegate.deserializeAndSet(p, ctxt, instance, propName);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return delegate.deserialize(p, ctxt);
    }

    /** Unshares the instance's map, then sets the value as the wrapped property does. */
    @Override
    public void set(Object instance, Object propName, Object value) throws IOException {
        accessor.unshare(instance);
        delegate.set(instance, propName, value);
    }

    @Override
    protected void _set(Object instance, Object propName, Object value) throws Exception {
        set(instance, propName, value);
    }

    @Override
    public String toString() {
        return "[unsharing " + delegate + "]";
    }
}
