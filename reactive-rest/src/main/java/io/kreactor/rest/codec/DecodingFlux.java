package io.kreactor.rest.codec;

import io.netty.buffer.ByteBuf;
import java.util.function.Function;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;

/**
 * The operator behind {@link JsonStreamDecoder}: turns a body of {@link ByteBuf} chunks into decoded
 * elements with exact backpressure.
 *
 * <p>Demand (binding on the draining thread): upstream is asked for one chunk at a time, and only when every element parsed from earlier
 * chunks has been emitted and the subscriber still has demand. So a subscriber that requests one element
 * causes at most the chunks that complete that element to be read, and memory stays at the current
 * element's bytes plus the values completed by the last chunk (their bytes are bound lazily, as they are
 * requested).
 *
 * <p>Buffers: each chunk is copied and scanned completely inside {@code onNext} and never retained or
 * released here — the source owns it (Reactor Netty releases it when {@code onNext} returns). The queued
 * values may be slices of the scanner's scratch array, which the next chunk overwrites: that is safe because
 * the next chunk is requested only once the queue is empty, and a chunk that arrives unrequested (a source
 * breaking the Reactive Streams rules) fails the stream instead of being scanned. Cancelling cancels upstream
 * at once and drops the parsed-but-unbound values.
 *
 * <p>Parallel binding ({@link ParallelBinding}): each chunk is copied into a pooled {@link ChunkArray} instead of
 * the scratch array, and every value sliced from it keeps that array until it is bound; then the array is reused, so
 * a value inside one chunk is never copied again and a LIST allocates no array per item. Values are queued twice —
 * in body order for emission, and for up to {@code parallelism} binding tasks, which take them in turn and drain
 * after each. The drain emits the head of the queue only once it is bound, so order holds however the tasks
 * interleave. The next chunk is requested while fewer than {@code min(outstanding demand, readAhead)} values wait,
 * so reading runs ahead of binding but never beyond what the subscriber asked for.
 *
 * <p>Errors (malformed JSON, truncation, the size cap, binding, a scheduler that rejects binding tasks) are
 * signalled after the values completed before the fault; upstream errors likewise, unchanged. Errors Reactor
 * counts as JVM-fatal (a {@link LinkageError} from a generated accessor, an {@link ExceptionInInitializerError})
 * are signalled too rather than thrown: thrown on a binding task or from the drain loop, they would leave the
 * subscriber waiting forever.
 *
 * @param <R> the element type
 */
final class DecodingFlux<R> extends FluxOperator<ByteBuf, R> {

    private final Function<Boolean, JsonBodyScanner<R>> scanners;
    private final ParallelBinding binding;

    private DecodingFlux(Flux<? extends ByteBuf> body, Function<Boolean, JsonBodyScanner<R>> scanners,
                         ParallelBinding binding) {
        super(body);
        this.scanners = scanners;
        this.binding = binding;
    }

    /**
     * Decodes {@code body} with a fresh scanner from {@code scanners} per subscription — given whether the
     * subscriber's context asks for {@linkplain JsonStreamDecoder#sharingStrings() sharing} — passing
     * through the assembly hooks so {@code checkpoint()} and {@code Hooks.onOperatorDebug()} see this operator.
     */
    static <R> Flux<R> decode(Flux<? extends ByteBuf> body, Function<Boolean, JsonBodyScanner<R>> scanners) {
        return decode(body, scanners, ParallelBinding.NONE);
    }

    /**
     * Like {@link #decode(Flux, Function)}, binding values on {@code binding}'s workers ahead of demand (in body
     * order all the same) unless {@code binding} is {@link ParallelBinding#NONE}.
     */
    static <R> Flux<R> decode(Flux<? extends ByteBuf> body, Function<Boolean, JsonBodyScanner<R>> scanners,
                              ParallelBinding binding) {
        return onAssembly(new DecodingFlux<>(body, scanners, binding));
    }

    @Override
    public void subscribe(CoreSubscriber<? super R> actual) {
        boolean shareStrings = actual.currentContext().getOrDefault(JsonStreamDecoder.SHARE_STRINGS, Boolean.FALSE);
        source.subscribe(new DecodingSubscriber<>(actual, scanners.apply(shareStrings), binding));
    }
}
