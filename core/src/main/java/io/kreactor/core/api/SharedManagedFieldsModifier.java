package io.kreactor.core.api;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Binds every bean property named {@code fieldsV1} — the field-ownership tree of a
 * {@code metadata.managedFields[]} entry (fabric8's {@code ManagedFieldsEntry}, or any model class of that
 * shape) — through a {@link SharedTreeDeserializer}; installed by {@link KubernetesJson#sharedManagedFieldsModule()}.
 *
 * <p>The property is found by its JSON name when Jackson builds the entry type's deserializer, once per mapper,
 * so core needs no compile-time dependency on a model library. The property keeps its type and any deserializer
 * it names; only the lookup of repeated values is added in front. Composes with Blackbird, whose modifier
 * rewrites the same builder's properties and keeps the value deserializer set here, in either registration order.
 */
final class SharedManagedFieldsModifier extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    /** The JSON name of the property whose values are shared. */
    static final String FIELDS_V1 = "fieldsV1";

    @Override
    @SuppressWarnings("unchecked")
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription beanDesc,
                                                 BeanDeserializerBuilder builder) {
        List<SettableBeanProperty> shared = new ArrayList<>(1);
        for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
            SettableBeanProperty property = it.next();
            if (FIELDS_V1.equals(property.getName())
                    && !(property.getValueDeserializer() instanceof SharedTreeDeserializer)) {
                JsonDeserializer<Object> named = property.hasValueDeserializer()
                        ? (JsonDeserializer<Object>) property.getValueDeserializer() : null;
                shared.add(property.withValueDeserializer(new SharedTreeDeserializer(property.getType(), named)));
            }
        }
        shared.forEach(property -> builder.addOrReplaceProperty(property, true));
        return builder;
    }
}
