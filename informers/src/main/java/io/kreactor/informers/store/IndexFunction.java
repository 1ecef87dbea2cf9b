package io.kreactor.informers.store;

import java.util.Collection;

/**
 * Computes the values an object is indexed under (client-go's {@code cache.IndexFunc}); an object may have
 * any number of values, for example one per label value or one per node it refers to. Must be a pure,
 * fast function of the object: it runs on every write.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface IndexFunction<T> {

    /** The index values of {@code object}; an empty collection leaves it out of the index. */
    Collection<String> values(T object);
}
