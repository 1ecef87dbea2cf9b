/**
 * Streaming JSON decoding of API server response bodies: LIST bodies item by item, WATCH streams event by
 * event and single values, all fed by Jackson's non-blocking parser as the bytes arrive, backpressured and
 * size-capped. See {@link io.kreactor.rest.codec.JsonStreamDecoder}.
 */
package io.kreactor.rest.codec;
