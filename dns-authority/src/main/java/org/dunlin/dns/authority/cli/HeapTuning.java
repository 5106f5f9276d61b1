package org.dunlin.dns.authority.cli;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the memory that loading zones needed and serving does not. Parsing a large zone file
 * produces garbage for a while, and the JVM keeps the heap it grew to; the zones themselves are small
 * (about 40 bytes per name plus RDATA). After the load, {@code serve} lowers the heap's free-space
 * targets (the manageable {@code MinHeapFreeRatio}/{@code MaxHeapFreeRatio} flags) and runs full
 * collections, which compact the live data and return the rest to the system (down to the initial
 * heap size: with the JVM's default of 1/64 of the machine's memory, {@code -Xms} in
 * {@code DUNLIN_JAVA_OPTS} is what lets a server of small zones stay small). Serving allocates
 * little (a few hundred bytes per UDP query in the I/O layer), so the small heap holds.
 *
 * <p>Best effort: on a JVM without these flags nothing happens. Setting {@code -XX:MaxHeapFreeRatio}
 * explicitly (in {@code DUNLIN_JAVA_OPTS}) keeps the user's value.
 */
final class HeapTuning {
    private static final Logger LOG = LoggerFactory.getLogger(HeapTuning.class);

    private HeapTuning() {
    }

    static void compactAfterLoad() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (vm.getVMOption("MaxHeapFreeRatio").getOrigin() == com.sun.management.VMOption.Origin.DEFAULT) {
                vm.setVMOption("MinHeapFreeRatio", "10");
                vm.setVMOption("MaxHeapFreeRatio", "30");
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("heap free ratios not adjustable here: {}", e.toString());
        }
        // The serial and parallel collectors damp shrinking over consecutive collections (none on the
        // first, all of it by the fourth): collect until the committed heap stops shrinking.
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            if (rt.totalMemory() - rt.freeMemory() > rt.totalMemory() * 3 / 4) {
                break; // shrunk as far as the free-ratio allows
            }
        }
        LOG.debug("heap after load: {} MiB used of {} MiB", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20);
    }
}
