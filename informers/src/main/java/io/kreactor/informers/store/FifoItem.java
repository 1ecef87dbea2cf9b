package io.kreactor.informers.store;

/**
 * One entry of the {@link DeltaFIFO}: a single {@link Delta}, or a {@link ReplaceAll} batch that is applied
 * to the cache as one atomic step.
 *
 * @param <T> the object type
 */
public sealed interface FifoItem<T> permits Delta, ReplaceAll {
}
