/**
 * Streaming JSON decoding of API server response bodies: LIST bodies item by item, WATCH streams event by
 * event and single values: each element is delimited as its bytes arrive and bound from those bytes by
 * Jackson's byte-array parser when it is requested, backpressured and size-capped. See {@link io.kreactor.rest.codec.JsonStreamDecoder}.
 */
package io.kreactor.rest.codec;
