package io.kreactor.core.api;

/**
 * A JSON value as {@link TokenRecording} recorded it — token kinds, their names or scalar values, and the content
 * hash — together with the object bound from it, which every later value with the same tokens shares.
 * Immutable: its final fields publish the bound object safely to threads that find it in a shared table.
 *
 * @param hash   the recording's content hash
 * @param tokens the {@link com.fasterxml.jackson.core.JsonToken} ordinals, in order
 * @param values each token's field name or scalar value, or {@code null}
 * @param value  the object bound from these tokens
 */
record RecordedTree(int hash, int[] tokens, Object[] values, Object value) {
}
