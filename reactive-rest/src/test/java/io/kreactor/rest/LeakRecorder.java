package io.kreactor.rest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Netty leak detector that records leaks instead of only logging them, installed for the whole test JVM
 * through {@code io.netty.customResourceLeakDetector} (see the module's surefire configuration), with the
 * {@code paranoid} level so every buffer is tracked.
 *
 * @param <T> the tracked resource type
 */
public final class LeakRecorder<T> extends ResourceLeakDetector<T> {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    /** Called reflectively by Netty's {@code ResourceLeakDetectorFactory}. */
    public LeakRecorder(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        installed = true;
    }

    /** Called reflectively by Netty's {@code ResourceLeakDetectorFactory}. */
    public LeakRecorder(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval);
        installed = true;
    }

    /** True once Netty has created a detector of this class, proving the leak checks are active. */
    public static boolean isInstalled() {
        return installed && ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.PARANOID;
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add(resourceType + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add(resourceType);
        super.reportUntracedLeak(resourceType);
    }

    /**
     * Makes the garbage collector find unreleased buffers and returns every leak seen so far. Netty reports a
     * leak when it tracks the next allocation after the leaked buffer was collected, so this collects and
     * allocates a few times.
     */
    public static List<String> collectLeaks() {
        for (int round = 0; round < 5; round++) {
            System.gc();
            System.runFinalization();
            for (int i = 0; i < 200; i++) {
                ByteBuf probe = ByteBufAllocator.DEFAULT.directBuffer(16);
                probe.release();
                ByteBuf heap = ByteBufAllocator.DEFAULT.heapBuffer(16);
                heap.release();
            }
        }
        return List.copyOf(LEAKS);
    }
}
