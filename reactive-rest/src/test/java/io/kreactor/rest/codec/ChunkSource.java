package io.kreactor.rest.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * A response body source that behaves like Reactor Netty's {@code response.receive()}: it creates each
 * chunk's buffer only when requested, delivers it, and releases it as soon as {@code onNext} returns. It
 * records every buffer and every request so tests can check leaks and backpressure.
 */
final class ChunkSource {

    private final List<byte[]> chunks;
    private final ByteBufAllocator allocator;
    private final Throwable failure;
    private Scheduler scheduler;
    private final List<ByteBuf> created = new CopyOnWriteArrayList<>();
    private final List<Long> requests = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile int delivered;
    private volatile long deliveredBytes;

    private ChunkSource(List<byte[]> chunks, ByteBufAllocator allocator, Throwable failure) {
        this.chunks = chunks;
        this.allocator = allocator;
        this.failure = failure;
    }

    /** Pooled direct buffers, as Reactor Netty hands them out. */
    static ChunkSource pooled(List<byte[]> chunks) {
        return new ChunkSource(chunks, PooledByteBufAllocator.DEFAULT, null);
    }

    /** Unpooled heap buffers. */
    static ChunkSource unpooled(List<byte[]> chunks) {
        return new ChunkSource(chunks, UnpooledByteBufAllocator.DEFAULT, null);
    }

    /** Delivers {@code chunks}, then fails with {@code failure} instead of completing. */
    static ChunkSource failingAfter(List<byte[]> chunks, Throwable failure) {
        return new ChunkSource(chunks, PooledByteBufAllocator.DEFAULT, failure);
    }

    Flux<ByteBuf> flux() {
        return Flux.<ByteBuf>from(this::subscribe);
    }

    /** Like {@link #pooled}, but every chunk is delivered on a worker of {@code scheduler}, as an event loop would. */
    static ChunkSource pooledOn(List<byte[]> chunks, Scheduler scheduler) {
        ChunkSource source = pooled(chunks);
        source.scheduler = scheduler;
        return source;
    }

    private void subscribe(Subscriber<? super ByteBuf> subscriber) {
        subscriber.onSubscribe(new ChunkSubscription(subscriber, scheduler == null ? null : scheduler.createWorker()));
    }

    private final class ChunkSubscription implements Subscription {
        private final Subscriber<? super ByteBuf> subscriber;
        private final Scheduler.Worker worker;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private int index;
        private boolean terminated;

        ChunkSubscription(Subscriber<? super ByteBuf> subscriber, Scheduler.Worker worker) {
            this.subscriber = subscriber;
            this.worker = worker;
        }

        @Override
        public void request(long n) {
            requests.add(n);
            demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (worker == null) {
                emit();
                return;
            }
            try {
                worker.schedule(this::emit);
            } catch (RejectedExecutionException afterTheEnd) {
                // The worker is disposed once the body has ended or the subscription was cancelled, and a request
                // may still come after that (a decoder that raced the completion): Reactive Streams §3.6 makes it
                // a no-op. Throwing here once escaped the decoder's drain loop and left the stream stuck.
            }
        }

        /** Delivers what is demanded; re-entrant calls (a request from inside onNext) only add demand. */
        private void emit() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            do {
                while (!cancelled && demand.get() > 0 && index < chunks.size()) {
                    demand.decrementAndGet();
                    byte[] bytes = chunks.get(index++);
                    ByteBuf buffer = allocator.buffer(bytes.length).writeBytes(bytes);
                    created.add(buffer);
                    try {
                        subscriber.onNext(buffer);
                    } finally {
                        buffer.release();
                    }
                    delivered++;
                    deliveredBytes += bytes.length;
                }
                if (!cancelled && !terminated && index == chunks.size()) {
                    terminated = true;
                    if (failure != null) {
                        subscriber.onError(failure);
                    } else {
                        subscriber.onComplete();
                    }
                }
            } while (wip.decrementAndGet() != 0);
            if (terminated && worker != null) {
                worker.dispose();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (worker != null) {
                worker.dispose();
            }
        }
    }

    /** Every request the decoder made, in order. */
    List<Long> requests() {
        return requests;
    }

    /** The sum of all requests. */
    long totalRequested() {
        return requests.stream().mapToLong(Long::longValue).reduce(0, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    }

    int delivered() {
        return delivered;
    }

    /** The bytes of all chunks delivered so far. */
    long deliveredBytes() {
        return deliveredBytes;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Fails unless every buffer handed out has been released exactly once by this source. */
    void assertAllReleased() {
        assertThat(created).allSatisfy(buffer -> assertThat(buffer.refCnt()).as("refCnt").isZero());
    }

    // ---- splitting helpers ----

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> whole(byte[] body) {
        return List.of(body);
    }

    /** Splits {@code body} at the given ascending positions. */
    static List<byte[]> splitAt(byte[] body, int... positions) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int position : positions) {
            parts.add(Arrays.copyOfRange(body, from, position));
            from = position;
        }
        parts.add(Arrays.copyOfRange(body, from, body.length));
        return parts;
    }

    /** One chunk per byte. */
    static List<byte[]> bytewise(byte[] body) {
        List<byte[]> parts = new ArrayList<>(body.length);
        for (byte b : body) {
            parts.add(new byte[] {b});
        }
        return parts;
    }

    /** Splits at random positions into chunks of 1 to {@code maxChunk} bytes. */
    static List<byte[]> randomSplit(byte[] body, Random random, int maxChunk) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        while (from < body.length) {
            int size = 1 + random.nextInt(maxChunk);
            int to = Math.min(body.length, from + size);
            parts.add(Arrays.copyOfRange(body, from, to));
            from = to;
        }
        return parts;
    }

    /** A standalone heap buffer holding {@code text}, for TestPublisher-driven tests (caller releases). */
    static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(utf8(text));
    }
}
