package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.Status;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.rest.ListElement;
import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

/**
 * Decodes API server response bodies while their bytes arrive, without ever holding a whole response:
 * a LIST body item by item, a WATCH stream event by event, and an ordinary body as one value.
 *
 * <p>Each chunk is copied into a scratch array inside {@code onNext} and scanned once to find where each
 * element ends: the envelope ({@code {"metadata":..,"items":[..]}}, a watch event's {@code type}) is read
 * token by token and checked against JSON's grammar, while each element is only delimited by its quotes and
 * brackets. A complete element is bound from its bytes with a cached {@link ObjectReader} — Jackson's fastest
 * path, a parser over a byte array — when the subscriber requests it. Decoding runs on the thread that
 * delivers the chunk (a Netty event loop) or the one that requests, and never blocks; a decoder made with
 * {@link #withParallelBinding} binds list items and watch objects on scheduler tasks instead, ahead of demand.
 *
 * <p><b>Backpressure.</b> The body is requested one chunk at a time, and only when the subscriber has
 * demand and every element of earlier chunks has been emitted: a slow subscriber keeps memory at the
 * current element plus one chunk, and Reactor Netty stops reading the socket — so a slow watch consumer
 * slows the API server's stream rather than filling the heap. Cancelling cancels the body at once.
 *
 * <p><b>Buffer ownership.</b> The decoder never retains or releases a {@link ByteBuf}: it copies the readable
 * bytes during {@code onNext} and leaves the buffer's indexes and reference count alone. The caller's source
 * owns every buffer and releases it after {@code onNext} returns — exactly what Reactor Netty's
 * {@code response.receive()} does. A source of retained buffers must release them itself.
 *
 * <p><b>Errors.</b> Malformed JSON, a body that ends inside a value (a connection cut mid-response), an
 * element larger than {@code maxObjectSizeBytes}, or a value that does not bind to the requested type
 * fail the publisher with a {@link io.kreactor.core.errors.TransportException} naming the problem and the
 * byte offset, with at most a 32-byte excerpt of the body (bodies may hold Secret data). Elements completed
 * before the fault are emitted first. Errors of the body itself are passed on unchanged.
 *
 * <p>Thread-safe and reusable; every returned publisher is cold and decodes afresh on each subscription.
 */
public final class JsonStreamDecoder {

    /**
     * The Reactor {@link Context} key that, set to {@code true} in a subscriber's context, makes the decoder
     * bind through {@link KubernetesJson#sharedStringsModule()}, {@link KubernetesJson#sharedEmptyCollectionsModule()} and
     * {@link KubernetesJson#sharedManagedFieldsModule()}; see {@link #sharingStrings()}.
     */
    public static final String SHARE_STRINGS = "io.kreactor.rest.codec.shareStrings";

    /**
     * Sharing copies of base mappers, one per base mapper for the whole JVM (weakly keyed by identity:
     * {@code ObjectMapper} keeps {@code Object}'s equality). A copy starts with an empty deserializer cache, and
     * building the deserializers of a type as large as {@code Pod} (with Blackbird's generated accessors) takes
     * a few hundred milliseconds: paying that once per client would delay every new client's first informer.
     */
    private static final Map<ObjectMapper, ObjectMapper> SHARING_MAPPERS = Collections.synchronizedMap(new WeakHashMap<>());

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final int maxObjectSizeBytes;
    private final ObjectReader metaReader;
    private final ObjectReader statusReader;
    private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<JavaType, ObjectReader> sharingReaders = new ConcurrentHashMap<>();
    private volatile ObjectMapper sharingMapper;
    private final ParallelBinding binding;

    /**
     * Creates a decoder binding with {@code mapper} (normally {@link io.kreactor.core.api.KubernetesJson#mapper()}).
     *
     * @param mapper             the mapper whose configuration, modules and factory are used
     * @param maxObjectSizeBytes the largest list item, list metadata, watch event (envelope included) or
     *                           single value accepted, in bytes; larger ones fail the stream. The API server
     *                           stores objects of at most about 1.5 MiB (etcd's request limit), so a few MiB
     *                           is a sound cap for items and events; a single value may be a whole list.
     * @throws IllegalArgumentException when {@code maxObjectSizeBytes} is not positive
     */
    public JsonStreamDecoder(ObjectMapper mapper, int maxObjectSizeBytes) {
        this(mapper, maxObjectSizeBytes, ParallelBinding.NONE);
    }

    private JsonStreamDecoder(ObjectMapper mapper, int maxObjectSizeBytes, ParallelBinding binding) {
        this.mapper = withTreeReadingReady(Objects.requireNonNull(mapper, "mapper"));
        if (maxObjectSizeBytes <= 0) {
            throw new IllegalArgumentException("maxObjectSizeBytes must be positive, was " + maxObjectSizeBytes);
        }
        this.factory = mapper.getFactory();
        this.maxObjectSizeBytes = maxObjectSizeBytes;
        this.metaReader = mapper.readerFor(ListMeta.class);
        this.statusReader = mapper.readerFor(Status.class);
        this.binding = binding;
    }

    /**
     * A decoder like this one that binds the items of a LIST and the objects of a WATCH on up to
     * {@code parallelism} tasks of {@code scheduler} instead of on the thread that reads the response: the
     * reading thread only copies and scans the bytes, the tasks bind values while later ones are still
     * arriving, and each response still emits its elements in body order, serially. Values are bound ahead of
     * demand by at most {@code 32 × parallelism} values and never beyond what the subscriber has requested, so
     * backpressure still reaches the socket; their bytes are copied out of the chunk (one more copy of the
     * body). Elements are then delivered on whichever thread completes them (a binding task, or the reading
     * thread when it finds them already bound), one at a time. Single values ({@link #decodeValue}) are
     * always bound on the reading thread. {@code parallelism} 1 still moves binding off the reading thread;
     * only the constructor's decoder binds on it.
     *
     * @param parallelism how many tasks may bind values of one response at once
     * @param scheduler   where they run, normally {@code Schedulers.parallel()} (binding is CPU work and never
     *                    blocks)
     * @return the new decoder
     * @throws IllegalArgumentException when {@code parallelism} is less than 1
     */
    public JsonStreamDecoder withParallelBinding(int parallelism, Scheduler scheduler) {
        return new JsonStreamDecoder(mapper, maxObjectSizeBytes, ParallelBinding.on(scheduler, parallelism));
    }

    /**
     * A context change that makes every decoder below it share what repeats between the objects it decodes:
     * string values (one {@code String} instance per distinct namespace, label value, image, …), the empty
     * {@code additionalProperties} maps of model objects (one immutable empty map for all) and equal
     * {@code managedFields[].fieldsV1} trees (bound once, then recognized from their tokens) — what a cache of
     * many similar, read-only objects wants. Informers install it on their
     * list and watch; use it as {@code client.list(..).contextWrite(JsonStreamDecoder.sharingStrings())}. Objects
     * decoded this way must not be changed in place: {@code setAdditionalProperty} on one throws
     * {@link UnsupportedOperationException}; change a copy (a fabric8 builder's copy is mutable as usual).
     */
    public static Function<Context, Context> sharingStrings() {
        return context -> context.put(SHARE_STRINGS, Boolean.TRUE);
    }

    /** The size cap for one element, in bytes. */
    public int maxObjectSizeBytes() {
        return maxObjectSizeBytes;
    }

    /**
     * Decodes a LIST body ({@code {"metadata":{..},"items":[..]}}): emits {@link ListElement.Metadata} when
     * {@code metadata} has been read and one {@link ListElement.Item} for each element of {@code items} as
     * soon as that element is complete, in body order (the API server writes metadata first). Other fields
     * ({@code kind}, {@code apiVersion}) are skipped; {@code "items": null} and an empty array emit no items.
     *
     * @param body     the response body chunks; the caller's source releases them
     * @param itemType the type of one item, such as {@code Pod}
     * @param <T>      the item type
     * @return the elements; fails with a {@link io.kreactor.core.errors.TransportException} on an empty,
     *         malformed, truncated or oversized body
     */
    public <T> Flux<ListElement<T>> decodeList(Flux<ByteBuf> body, JavaType itemType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(itemType, "itemType");
        return DecodingFlux.decode(body,
                share -> new ListBodyScanner<T>(factory, maxObjectSizeBytes, reader(itemType, share), metaReader), binding);
    }

    /**
     * Decodes a WATCH stream: whitespace-separated {@code {"type":..,"object":..}} values (one per line as the
     * API server writes them), emitting each {@link WatchEvent} as soon as its value is complete. The envelope
     * is parsed once: {@code object} is bound directly as {@code T}, or as a {@link Status} for an ERROR event
     * (whose {@code object} is then null — 410 Expired means relist). BOOKMARK objects are bound as {@code T}
     * too; only their {@code metadata.resourceVersion} and annotations are meaningful.
     *
     * @param body       the response body chunks; the caller's source releases them
     * @param objectType the type of the watched objects
     * @param <T>        the object type
     * @return the events; completes when the body ends between events (the server closed the watch)
     */
    public <T> Flux<WatchEvent<T>> decodeWatch(Flux<ByteBuf> body, JavaType objectType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(objectType, "objectType");
        return DecodingFlux.decode(body,
                share -> new WatchBodyScanner<T>(factory, maxObjectSizeBytes, reader(objectType, share), statusReader),
                binding);
    }

    /**
     * Decodes an ordinary response body holding one JSON value, parsing it as it arrives (the bytes are never
     * aggregated, only the value's own bytes). Fails if the value exceeds {@code maxObjectSizeBytes} or anything
     * but whitespace follows it; an empty (or all-whitespace) body completes empty.
     *
     * @param body the response body chunks; the caller's source releases them
     * @param type the value's type
     * @param <T>  the value type
     * @return the value, or empty for an empty body
     */
    public <T> Mono<T> decodeValue(Flux<ByteBuf> body, JavaType type) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(type, "type");
        return DecodingFlux.<T>decode(body,
                share -> new ValueBodyScanner<T>(factory, maxObjectSizeBytes, reader(type, share))).singleOrEmpty();
    }

    private ObjectReader reader(JavaType type, boolean shareStrings) {
        if (!shareStrings) {
            return readers.computeIfAbsent(type, mapper::readerFor);
        }
        return sharingReaders.computeIfAbsent(type, t -> sharingMapper().readerFor(t));
    }

    /** The sharing copy of this decoder's mapper (made on first use, once per base mapper for the JVM). */
    ObjectMapper sharingMapper() {
        ObjectMapper sharing = sharingMapper;
        if (sharing == null) {
            // a copy, so the caller's mapper is never reconfigured; made on first use only
            sharing = SHARING_MAPPERS.computeIfAbsent(mapper, m -> withTreeReadingReady(m.copy()
                    .registerModule(KubernetesJson.sharedStringsModule())
                    .registerModule(KubernetesJson.sharedEmptyCollectionsModule())
                    .registerModule(KubernetesJson.sharedManagedFieldsModule())));
            sharingMapper = sharing;
        }
        return sharing;
    }

    /**
     * Makes {@code mapper} build and cache its root deserializer for trees now. Model deserializers read trees
     * while an object is bound (fabric8's {@code Quantity}, several in every Pod, calls {@code readTree}), and a
     * mapper's first such call builds that deserializer under Jackson's {@code DeserializerCache} lock: two binding
     * tasks meeting their first {@code Quantity} at once would park a non-blocking thread on it. Doing it here, once
     * per mapper, leaves binding only the lock-free lookup. Returns {@code mapper}.
     */
    static ObjectMapper withTreeReadingReady(ObjectMapper mapper) {
        try {
            mapper.readTree("{}");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the mapper cannot read an empty JSON object", e);
        }
        return mapper;
    }

    /** Shows the cap and the binding parallelism; the mapper has no useful rendering. */
    @Override
    public String toString() {
        return "JsonStreamDecoder[maxObjectSizeBytes=" + maxObjectSizeBytes
                + (binding.isParallel() ? ", parallelBinding=" + binding.parallelism() : "") + "]";
    }
}
