package org.dunlin.dns.wire;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.SoftReference;

/**
 * The scratch {@link WireWriter} behind the convenience encoders ({@link Message#toWire()} and its
 * overloads): one per platform thread, reused from call to call, so that a convenience encode
 * allocates the result and nothing else, like a {@link MessageEncoder}.
 *
 * <p>Why a per-thread cache, in a library that otherwise keeps no static mutable state: encoding is
 * bound by memory traffic, not arithmetic. Without reuse every call allocates (and the JVM zeroes) a
 * scratch buffer as large as the message, plus its compression table, and then copies the result
 * out of it: on a 1 KB DNSSEC response that is 2.5 times the bytes a reused encoder allocates, and
 * 60 % more time (benchmarks/RESULTS.md, dns-wire). Callers that can keep a {@code MessageEncoder}
 * should; this cache gives everyone else the same cost. It is bounded and cannot outlive its use:
 * <ul>
 *   <li>one writer per thread, and only while its buffer stays within {@link #MAX_RETAINED} octets
 *       (a writer that grew for a large message, say an AXFR, is dropped after that call);</li>
 *   <li>held through a {@link SoftReference}, so the collector can reclaim it under memory pressure,
 *       and a thread pool that outlives this library's class loader does not pin that loader once
 *       the reference is cleared (the ThreadLocal-in-a-container leak);</li>
 *   <li>virtual threads (JDK 21+, detected reflectively since the baseline is 17) are many and
 *       short-lived, so they skip the cache and get a fresh, right-sized writer as before;</li>
 *   <li>no foreign code runs while a message is encoded (RDATA, names and options are this
 *       library's own sealed types), so the writer cannot be re-entered; an exception leaves it to be
 *       reset by the next call.</li>
 * </ul>
 */
final class ScratchWriter {

    /** Writers whose buffer grew beyond this are not kept (a UDP response fits easily). */
    static final int MAX_RETAINED = 16 * 1024;

    private static final ThreadLocal<SoftReference<WireWriter>> CACHE = new ThreadLocal<>();
    /** {@code Thread::isVirtual} on JDK 21+, null before. */
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private ScratchWriter() {
    }

    /**
     * An empty compressing writer for this thread: the cached one, or a new one sized for
     * {@code message}. Pass it back with {@link #release(WireWriter)}.
     */
    static WireWriter acquire(Message message) {
        if (!onVirtualThread()) {
            SoftReference<WireWriter> ref = CACHE.get();
            WireWriter cached = ref != null ? ref.get() : null;
            if (cached != null) {
                cached.reset();
                return cached;
            }
        }
        return new WireWriter(MessageCodec.estimate(message), true, false);
    }

    /** Offers {@code writer} for reuse by this thread's next {@link #acquire(Message)}. */
    static void release(WireWriter writer) {
        if (writer.capacity() > MAX_RETAINED || onVirtualThread()) {
            SoftReference<WireWriter> ref = CACHE.get();
            if (ref != null && ref.get() == writer) {
                CACHE.remove();
            }
            return;
        }
        SoftReference<WireWriter> ref = CACHE.get();
        if (ref == null || ref.get() != writer) {
            CACHE.set(new SoftReference<>(writer));
        }
    }

    private static boolean onVirtualThread() {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
        } catch (Throwable e) {
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
