package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdditionalPropertiesAccessorTest {

    /** The getter is declared to return a LinkedHashMap, so the shared immutable map could not be handed back. */
    public static class NarrowGetter {
        public LinkedHashMap<String, Object> getAdditionalProperties() {
            return new LinkedHashMap<>();
        }

        public void setAdditionalProperties(Map<String, Object> map) {
        }
    }

    public static class NoSetter {
        public Map<String, Object> getAdditionalProperties() {
            return new LinkedHashMap<>();
        }
    }

    public abstract static class Abstract {
        public abstract Map<String, Object> getAdditionalProperties();

        public abstract void setAdditionalProperties(Map<String, Object> map);
    }

    @Test
    void onlyConcreteTypesWithBothMethodsOfExactlyTheModelsSignaturesQualify() {
        assertThat(AdditionalPropertiesAccessor.find(ObjectMeta.class)).isNotNull();
        assertThat(AdditionalPropertiesAccessor.find(String.class)).isNull();
        assertThat(AdditionalPropertiesAccessor.find(LinkedHashMap.class)).isNull();
        assertThat(AdditionalPropertiesAccessor.find(NarrowGetter.class)).isNull();
        assertThat(AdditionalPropertiesAccessor.find(NoSetter.class)).isNull();
        assertThat(AdditionalPropertiesAccessor.find(Abstract.class)).isNull();
        assertThat(AdditionalPropertiesAccessor.find(Runnable.class)).isNull();
    }

    @Test
    void sharesOnlyAnEmptyMapAndUnsharesOnlyTheSharedOne() {
        AdditionalPropertiesAccessor accessor = AdditionalPropertiesAccessor.find(ObjectMeta.class);
        assertSharesAndUnshares(accessor);
    }

    @Test
    void theMethodHandleFallbackBehavesLikeTheLambdas() throws Exception {
        AdditionalPropertiesAccessor accessor = AdditionalPropertiesAccessor.unbound(ObjectMeta.class,
                ObjectMeta.class.getMethod("getAdditionalProperties"),
                ObjectMeta.class.getMethod("setAdditionalProperties", Map.class));
        assertSharesAndUnshares(accessor);
    }

    private static void assertSharesAndUnshares(AdditionalPropertiesAccessor accessor) {
        ObjectMeta empty = new ObjectMeta();
        assertThat(accessor.share(empty)).isSameAs(empty);
        assertThat(empty.getAdditionalProperties()).isSameAs(AdditionalPropertiesAccessor.SHARED_EMPTY);

        ObjectMeta full = new ObjectMeta();
        full.setAdditionalProperty("x", 1);
        Map<String, Object> own = full.getAdditionalProperties();
        accessor.share(full);
        assertThat(full.getAdditionalProperties()).isSameAs(own);

        accessor.unshare(empty);
        assertThat(empty.getAdditionalProperties()).isInstanceOf(LinkedHashMap.class).isEmpty();
        accessor.unshare(full);
        assertThat(full.getAdditionalProperties()).isSameAs(own);

        assertThat(accessor.share(null)).isNull();
        assertThat(accessor.share("not a model object")).isEqualTo("not a model object");
        accessor.unshare(null);
    }
}
