package org.dunlin.futures.io.internal;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies keepalive probe timing through {@code jdk.net.ExtendedSocketOptions} (TCP_KEEPIDLE,
 * TCP_KEEPINTERVAL, TCP_KEEPCOUNT) where the platform supports them; elsewhere the system's timing stays
 * and a debug line says so. These options take whole seconds: a duration is rounded up to at least 1 s.
 */
public final class KeepAliveSupport {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAliveSupport.class);

    private KeepAliveSupport() {
    }

    /** Sets whichever of the three options are given ({@code null} / 0 leaves one alone). */
    public static void apply(NetworkChannel ch, Duration idle, Duration interval, int count) throws IOException {
        if (idle != null) {
            set(ch, ExtendedSocketOptions.TCP_KEEPIDLE, seconds(idle));
        }
        if (interval != null) {
            set(ch, ExtendedSocketOptions.TCP_KEEPINTERVAL, seconds(interval));
        }
        if (count > 0) {
            set(ch, ExtendedSocketOptions.TCP_KEEPCOUNT, count);
        }
    }

    private static void set(NetworkChannel ch, SocketOption<Integer> option, int value) throws IOException {
        if (!ch.supportedOptions().contains(option)) {
            LOG.debug("{} is not supported on this platform; keeping the system's value", option.name());
            return;
        }
        ch.setOption(option, value);
    }

    private static int seconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, s));
    }
}
