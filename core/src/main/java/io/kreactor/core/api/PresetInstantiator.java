package io.kreactor.core.api;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import java.io.IOException;

/**
 * A value instantiator that creates model objects through their {@link PresetFields} — without running their
 * constructors — for the bean deserializers of {@link KubernetesJson#sharedEmptyCollectionsModule()}. Every
 * other way of creating a value is the wrapped instantiator's.
 *
 * <p>A preset object starts with the shared immutable {@code additionalProperties} map, so the bean's any-setter
 * is wrapped too ({@link UnsharingAnySetter}): the first unknown field gives the object a map of its own.
 */
final class PresetInstantiator extends ValueInstantiator.Delegating {

    private static final long serialVersionUID = 1L;

    private final transient PresetFields preset;

    private PresetInstantiator(ValueInstantiator delegate, PresetFields preset) {
        super(delegate);
        this.preset = preset;
    }

    /**
     * Installs a preset instantiator in {@code builder} when its type qualifies ({@link PresetFields}) and Jackson
     * creates its objects with the public no-argument constructor and nothing else (no creator with arguments,
     * no delegate); returns the builder.
     */
    static BeanDeserializerBuilder install(Class<?> type, BeanDeserializerBuilder builder) {
        ValueInstantiator instantiator = builder.getValueInstantiator();
        AdditionalPropertiesAccessor accessor = AdditionalPropertiesAccessor.find(type);
        if (accessor == null || instantiator == null || instantiator instanceof PresetInstantiator
                || !instantiator.canCreateUsingDefault() || instantiator.canCreateFromObjectWith()
                || instantiator.canCreateUsingDelegate() || instantiator.canCreateUsingArrayDelegate()
                || !(instantiator.getDefaultCreator() instanceof AnnotatedConstructor constructor)
                || constructor.getParameterCount() != 0 || constructor.getDeclaringClass() != type) {
            return builder;
        }
        PresetFields preset = PresetFields.find(type);
        if (preset == null) {
            return builder;
        }
        SettableAnyProperty anySetter = builder.getAnySetter();
        if (anySetter != null) {
            if (!anySetter.isSetterType()) {
                return builder; // a field or creator any-setter would write around the unsharing
            }
            builder.setAnySetter(null); // the builder refuses to replace one any-setter by another directly
            builder.setAnySetter(new UnsharingAnySetter(anySetter, accessor));
        }
        builder.setValueInstantiator(new PresetInstantiator(instantiator, preset));
        return builder;
    }

    /** Contextualizes the wrapped instantiator and keeps the presets around whatever it becomes. */
    @Override
    public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription beanDesc)
            throws JsonMappingException {
        ValueInstantiator contextual = delegate().createContextual(ctxt, beanDesc);
        return contextual == delegate() ? this : new PresetInstantiator(contextual, preset);
    }

    /** A blank object with the preset values; the wrapped instantiator's object should the JVM refuse one. */
    @Override
    public Object createUsingDefault(DeserializationContext ctxt) throws IOException {
        try {
            return preset.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return delegate().createUsingDefault(ctxt);
        }
    }
}
