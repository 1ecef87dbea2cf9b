package io.kreactor.core.api;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.util.ClassUtil;

/**
 * Installs a {@link SharedEmptyCollectionsDeserializer} around the deserializer of every type that has an
 * {@code additionalProperties} map; see {@link KubernetesJson#sharedEmptyCollectionsModule()}. The type's accessors
 * ({@link AdditionalPropertiesAccessor}, {@link EmptyCollectionsAccessor}) are looked up when Jackson builds its
 * deserializer, once, never per decoded object.
 *
 * <p>Jackson builds deserializers two ways, so there are two hooks. A bean deserializer that Jackson builds
 * itself passes through a {@link BeanDeserializerModifier}: in {@code updateBuilder} it gives the builder a
 * {@link PresetInstantiator}, which creates objects without running their constructors when their type qualifies
 * ({@link PresetFields}), and in {@code modifyDeserializer} it wraps the result. It composes with Blackbird's
 * modifier in either registration order: Blackbird rewrites the builder's properties, and generates a creator
 * only for an instantiator of Jackson's own class, so it leaves a preset one alone when it runs second, and the
 * preset one wraps Blackbird's when it runs first. A deserializer a class names with
 * {@code @JsonDeserialize(using = ..)} — fabric8's {@code Quantity}, several in every Pod — skips the modifiers,
 * so an annotation introspector, placed before the mapper's own, answers for such classes with the named
 * deserializer already wrapped — and wrapped once more in a {@link SharedTextValueDeserializer}, since such
 * classes are value types bound from strings. The named class is instantiated the way Jackson does without a
 * {@code HandlerInstantiator} (Kubernetes mappers set none). Strings, collections, maps and enums are never
 * wrapped.
 */
final class SharedEmptyCollectionsModule extends Module {

    @Override
    public String getModuleName() {
        return "kreactor-shared-empty-collections";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addBeanDeserializerModifier(new Modifier());
        context.insertAnnotationIntrospector(new Introspector());
    }

    /** Creates model objects without their constructors, and wraps the bean deserializers Jackson builds. */
    static final class Modifier extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription beanDesc,
                                                     BeanDeserializerBuilder builder) {
            return PresetInstantiator.install(beanDesc.getBeanClass(), builder);
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                      JsonDeserializer<?> deserializer) {
            if (!(deserializer instanceof BeanDeserializerBase)) {
                return deserializer;
            }
            AdditionalPropertiesAccessor accessor = AdditionalPropertiesAccessor.find(beanDesc.getBeanClass());
            return accessor == null ? deserializer : new SharedEmptyCollectionsDeserializer(deserializer, accessor,
                    EmptyCollectionsAccessor.of(beanDesc.getBeanClass()));
        }
    }

    /** Wraps the deserializers that classes name with {@code @JsonDeserialize(using = ..)}. */
    static final class Introspector extends NopAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public Object findDeserializer(Annotated annotated) {
            if (!(annotated instanceof AnnotatedClass)) {
                return null;
            }
            JsonDeserialize annotation = _findAnnotation(annotated, JsonDeserialize.class);
            if (annotation == null || annotation.using() == JsonDeserializer.None.class) {
                return null;
            }
            AdditionalPropertiesAccessor accessor = AdditionalPropertiesAccessor.find(annotated.getRawType());
            if (accessor == null) {
                return null; // the mapper's own introspector names the deserializer, unwrapped
            }
            JsonDeserializer<?> named = ClassUtil.createInstance(annotation.using(), true);
            EmptyCollectionsAccessor collections = EmptyCollectionsAccessor.of(annotated.getRawType());
            return new SharedTextValueDeserializer(new SharedEmptyCollectionsDeserializer(named, accessor, collections));
        }
    }
}
