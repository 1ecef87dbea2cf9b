package io.kreactor.informers.lister;

import io.kreactor.core.selector.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link Lister} queries within one namespace (client-go's {@code PodNamespaceLister}).
 *
 * @param <T> the object type
 */
public interface NamespaceLister<T> {

    /** Every cached object in this namespace. */
    List<T> list();

    /** The cached objects in this namespace whose labels satisfy {@code labelSelector}. */
    List<T> list(Predicate<Map<String, String>> labelSelector);

    /** The cached objects in this namespace that {@code selector} matches. */
    default List<T> list(LabelSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return list(selector::matches);
    }

    /** The object named {@code name} in this namespace. */
    Optional<T> get(String name);
}
