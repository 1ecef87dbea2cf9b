package io.kreactor.clientset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Derives a {@link ResourceDescriptor} from a model class: a built-in class from the generated
 * {@link BuiltinResources}, any other class from fabric8's annotations the way fabric8 and kubectl derive
 * names ({@code @Kind} or the simple class name; {@code @Plural} or the English plural of the kind, lower case).
 */
public final class ResourceDescriptors {

    private ResourceDescriptors() {
    }

    /**
     * The descriptor of {@code type}.
     *
     * @throws IllegalArgumentException naming the class when it is not built in and lacks {@code @Group}/{@code @Version}
     */
    public static ResourceDescriptor forClass(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return BuiltinResources.forClass(type).orElseGet(() -> fromAnnotations(type));
    }

    @SuppressWarnings("unchecked")
    private static ResourceDescriptor fromAnnotations(Class<?> type) {
        Group group = type.getAnnotation(Group.class);
        Version version = type.getAnnotation(Version.class);
        if (group == null || version == null || !HasMetadata.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a built-in kind and is not described by fabric8's "
                    + "@Group and @Version annotations on a HasMetadata class; pass a ResourceDescriptor instead");
        }
        Class<? extends HasMetadata> hm = (Class<? extends HasMetadata>) type;
        String kind = HasMetadata.getKind(hm);
        ShortNames shortNames = type.getAnnotation(ShortNames.class);
        return new ResourceDescriptor(new GroupVersionResource(group.value(), version.value(), HasMetadata.getPlural(hm)), kind,
                Namespaced.class.isAssignableFrom(type) ? ResourceDescriptor.Scope.NAMESPACED : ResourceDescriptor.Scope.CLUSTER,
                HasMetadata.getSingular(hm), shortNames == null ? List.of() : Arrays.asList(shortNames.value()), kind + "List");
    }
}
