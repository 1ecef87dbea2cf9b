package io.kreactor.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.impl.NullsConstantProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A bean property whose value is read by its own resolved deserializer, as Jackson reads it, and stored through a
 * generated setter lambda ({@link AccessorLambdas}) instead of a reflective {@code Method.invoke}.
 *
 * <p>Why: Blackbird generates setters only for properties bound by Jackson's own deserializers. A property whose
 * deserializer is one of this library's (the {@link SharedStringDeserializer} of
 * {@link KubernetesJson#sharedStringsModule()} binds every {@code String}) falls back to reflection, which
 * allocates an argument array on every call: for a decoded Pod about sixty string properties, a tenth of what
 * binding it allocates. {@link #installer()} wraps the {@code String} setter properties of every bean this way;
 * what a property binds, and what happens for a {@code null} or a non-string token, is unchanged.
 */
final class LambdaSetterProperty extends SettableBeanProperty.Delegating {

    private static final long serialVersionUID = 1L;

    private final transient BiConsumer<Object, Object> setter;

    private LambdaSetterProperty(SettableBeanProperty delegate, BiConsumer<Object, Object> setter) {
        super(delegate);
        this.setter = setter;
    }

    /**
     * A modifier that wraps every property of a bean that is set through a public {@code void} setter taking a
     * {@code String}, has no deserializer or type information of its own yet (an annotated deserializer is left
     * to reflection) and can have a setter lambda.
     */
    static BeanDeserializerModifier installer() {
        return new Installer();
    }

    @Override
    protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
        return new LambdaSetterProperty(delegate, setter);
    }

    @Override
    public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance) throws IOException {
        JsonDeserializer<Object> deserializer = delegate.getValueDeserializer();
        if (!p.hasToken(JsonToken.VALUE_STRING) || deserializer == null
                || delegate.getValueTypeDeserializer() != null) {
            delegate.deserializeAndSet(p, ctxt, instance);
            return;
        }
        Object value = deserializer.deserialize(p, ctxt);
        if (value == null) {
            // as MethodProperty does when a deserializer yields null: the null provider decides
            if (NullsConstantProvider.isSkipper(_nullProvider)) {
                return;
            }
            value = _nullProvider.getNullValue(ctxt);
        }
        setter.accept(instance, value);
    }

    @Override
    public Object deserializeSetAndReturn(JsonParser p, DeserializationContext ctxt, Object instance)
            throws IOException {
        // only void setters are wrapped, and Jackson's MethodProperty returns the instance for those
        deserializeAndSet(p, ctxt, instance);
        return instance;
    }

    @Override
    public void set(Object instance, Object value) {
        setter.accept(instance, value);
    }

    @Override
    public Object setAndReturn(Object instance, Object value) {
        setter.accept(instance, value);
        return instance;
    }

    /** Wraps the {@code String} setter properties of each bean deserializer Jackson builds. */
    private static final class Installer extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription beanDesc,
                                                     BeanDeserializerBuilder builder) {
            List<SettableBeanProperty> wrapped = new ArrayList<>();
            for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
                SettableBeanProperty property = it.next();
                BiConsumer<Object, Object> setter = stringSetter(property);
                if (setter != null) {
                    wrapped.add(new LambdaSetterProperty(property, setter));
                }
            }
            // replaced after the iteration: the builder's iterator is over its live map
            wrapped.forEach(property -> builder.addOrReplaceProperty(property, true));
            return builder;
        }

        private static BiConsumer<Object, Object> stringSetter(SettableBeanProperty property) {
            if (property instanceof LambdaSetterProperty || property.getType().getRawClass() != String.class
                    || property.hasValueDeserializer() || property.hasValueTypeDeserializer()
                    || !(property.getMember() instanceof AnnotatedMethod member)) {
                return null;
            }
            Method set = member.getAnnotated();
            if (set.getParameterCount() != 1 || set.getParameterTypes()[0] != String.class
                    || set.getReturnType() != void.class || Modifier.isStatic(set.getModifiers())
                    || !Modifier.isPublic(set.getModifiers())
                    || !Modifier.isPublic(set.getDeclaringClass().getModifiers())) {
                return null;
            }
            try {
                return AccessorLambdas.setter(set.getDeclaringClass(), set);
            } catch (IllegalAccessException | RuntimeException e) {
                return null; // left to Jackson's reflective call
            }
        }
    }
}
