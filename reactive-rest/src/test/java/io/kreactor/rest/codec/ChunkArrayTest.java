package io.kreactor.rest.codec;

import static io.kreactor.rest.codec.ChunkSource.randomSplit;
import static io.kreactor.rest.codec.TestObjects.MAPPER;
import static io.kreactor.rest.codec.TestObjects.OBJ;
import static io.kreactor.rest.codec.TestObjects.TIMEOUT;
import static io.kreactor.rest.codec.TestObjects.expectedList;
import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.rest.ListElement;
import io.kreactor.rest.codec.TestObjects.Obj;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * {@link ChunkArray}: the pooled arrays that parallel binding slices values from, returned to the pool only when
 * the last value is bound, and reused by later chunks and responses.
 */
class ChunkArrayTest {

    private final Scheduler reader = Schedulers.newSingle("reader");
    private final Scheduler binders = Schedulers.newParallel("binder", 2);

    @AfterEach
    void dispose() {
        reader.dispose();
        binders.dispose();
    }

    /** Takes every free array out of the pool (the pool is the JVM's), so a test starts from an empty one. */
    private static List<ChunkArray> emptyThePool() {
        List<ChunkArray> taken = new ArrayList<>();
        while (ChunkArray.pooled() > 0) {
            taken.add(ChunkArray.acquire(ChunkArray.SIZE));
        }
        return taken;
    }

    @Test
    void anArrayReturnsToThePoolOnlyWhenItsLastReferenceIsReleased() {
        List<ChunkArray> others = emptyThePool();
        ChunkArray array = ChunkArray.acquire(ChunkArray.MIN_POOLED);
        array.retain();
        array.retain();
        assertThat(array.bytes()).hasSize(ChunkArray.SIZE);
        assertThat(array.references()).isEqualTo(3);
        int pooled = ChunkArray.pooled();

        array.release();
        array.release();
        assertThat(ChunkArray.pooled()).isEqualTo(pooled);

        array.release();
        assertThat(array.references()).isZero();
        assertThat(ChunkArray.pooled()).isEqualTo(pooled + 1);
        ChunkArray again = ChunkArray.acquire(ChunkArray.SIZE);
        assertThat(again).isSameAs(array);
        assertThat(again.references()).isEqualTo(1);
        again.release();
        others.forEach(ChunkArray::release);
    }

    @Test
    void requestsOutsideThePooledRangeGetExactArraysThatAreNeverPooled() {
        int pooled = ChunkArray.pooled();

        ChunkArray large = ChunkArray.acquire(ChunkArray.SIZE + 1);
        ChunkArray small = ChunkArray.acquire(ChunkArray.MIN_POOLED - 1);
        assertThat(large.bytes()).hasSize(ChunkArray.SIZE + 1);
        assertThat(small.bytes()).hasSize(ChunkArray.MIN_POOLED - 1);
        large.release();
        small.release();

        assertThat(ChunkArray.pooled()).isEqualTo(pooled);
    }

    @Test
    void aSmallValueThatCrossedChunksIsCopiedIntoAPooledArray() {
        List<ChunkArray> others = emptyThePool();

        ChunkArray array = ChunkArray.acquireForValue(100);
        assertThat(array.bytes()).hasSize(ChunkArray.SIZE);
        array.release();

        assertThat(ChunkArray.pooled()).isEqualTo(1);
        assertThat(ChunkArray.acquire(ChunkArray.SIZE)).isSameAs(array);
        array.release();
        others.forEach(ChunkArray::release);
    }

    @Test
    void thePoolKeepsAtMostItsLimit() {
        List<ChunkArray> held = new ArrayList<>();
        for (int i = 0; i < ChunkArray.POOL_LIMIT + 10; i++) {
            held.add(ChunkArray.acquire(ChunkArray.SIZE));
        }
        held.forEach(ChunkArray::release);

        assertThat(ChunkArray.pooled()).isEqualTo(ChunkArray.POOL_LIMIT);
    }

    @Test
    void aParallelDecodeReleasesEveryArraySoTheNextResponseMakesNoNewOnes() {
        byte[] body = TestObjects.podLikeList(400);
        List<ListElement<Obj>> expected = expectedList(new String(body, StandardCharsets.UTF_8));
        JsonStreamDecoder decoder = new JsonStreamDecoder(MAPPER, 1 << 20).withParallelBinding(2, binders);
        Random random = new Random(20261125L);
        int[] madeByRound = new int[3];
        for (int round = 0; round < madeByRound.length; round++) {
            // chunks of up to 8 KiB, as an HTTP/1.1 body arrives: values inside one are slices of its array, the
            // others cross chunks and are copied out of the carry into pooled arrays of their own
            ChunkSource source = ChunkSource.pooledOn(randomSplit(body, random, 8192), reader);
            int before = ChunkArray.created();

            StepVerifier.create(decoder.<Obj>decodeList(source.flux(), OBJ))
                    .expectNextSequence(expected)
                    .expectComplete()
                    .verify(TIMEOUT);

            madeByRound[round] = ChunkArray.created() - before;
            source.assertAllReleased();
        }
        // an array still referenced after its values were bound (or released twice) would never come back, and
        // each later response would need new ones
        assertThat(madeByRound[1]).isZero();
        assertThat(madeByRound[2]).isZero();
    }
}
