package org.dunlin.futures.io;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of one TCP connection, immutable: socket options applied when it opens (or is accepted) and the
 * guards Dunlin enforces itself. {@link #DEFAULT}: {@code TCP_NODELAY} on, keepalive off, system buffer
 * sizes, no idle or write timeout, at most 16 MiB of queued writes.
 *
 * <pre>{@code
 * TcpOptions opts = TcpOptions.builder()
 *         .keepAlive(Duration.ofSeconds(10), Duration.ofSeconds(3), 3)   // dead peers found in ~19 s
 *         .idleTimeout(Duration.ofSeconds(30))                            // no byte either way: closed
 *         .writeTimeout(Duration.ofSeconds(10))                           // a peer that stops reading
 *         .build();
 * }</pre>
 */
public final class TcpOptions {
    /** The defaults described in the class comment. */
    public static final TcpOptions DEFAULT = builder().build();

    private final boolean noDelay;
    private final boolean keepAlive;
    private final Duration keepAliveIdle;
    private final Duration keepAliveInterval;
    private final int keepAliveCount;
    private final int sendBufferSize;
    private final int receiveBufferSize;
    private final Duration idleTimeout;
    private final Duration writeTimeout;
    private final long maxQueuedWriteBytes;
    private final InetSocketAddress localAddress;

    private TcpOptions(Builder b) {
        this.noDelay = b.noDelay;
        this.keepAlive = b.keepAlive;
        this.keepAliveIdle = b.keepAliveIdle;
        this.keepAliveInterval = b.keepAliveInterval;
        this.keepAliveCount = b.keepAliveCount;
        this.sendBufferSize = b.sendBufferSize;
        this.receiveBufferSize = b.receiveBufferSize;
        this.idleTimeout = b.idleTimeout;
        this.writeTimeout = b.writeTimeout;
        this.maxQueuedWriteBytes = b.maxQueuedWriteBytes;
        this.localAddress = b.localAddress;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.noDelay = noDelay;
        b.keepAlive = keepAlive;
        b.keepAliveIdle = keepAliveIdle;
        b.keepAliveInterval = keepAliveInterval;
        b.keepAliveCount = keepAliveCount;
        b.sendBufferSize = sendBufferSize;
        b.receiveBufferSize = receiveBufferSize;
        b.idleTimeout = idleTimeout;
        b.writeTimeout = writeTimeout;
        b.maxQueuedWriteBytes = maxQueuedWriteBytes;
        b.localAddress = localAddress;
        return b;
    }

    /** {@code TCP_NODELAY}: send small writes at once instead of waiting to coalesce them (Nagle). */
    public boolean noDelay() {
        return noDelay;
    }

    /** {@code SO_KEEPALIVE}. */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** {@code TCP_KEEPIDLE}: idle time before the first probe; {@code null} for the system's default. */
    public Duration keepAliveIdle() {
        return keepAliveIdle;
    }

    /** {@code TCP_KEEPINTERVAL}: time between probes; {@code null} for the system's default. */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** {@code TCP_KEEPCOUNT}: unanswered probes before the peer is declared dead; 0 for the system's. */
    public int keepAliveCount() {
        return keepAliveCount;
    }

    /** {@code SO_SNDBUF} in bytes; 0 for the system's default. */
    public int sendBufferSize() {
        return sendBufferSize;
    }

    /** {@code SO_RCVBUF} in bytes; 0 for the system's default. */
    public int receiveBufferSize() {
        return receiveBufferSize;
    }

    /**
     * Closes the connection when no byte was read or written for this long; {@code null} for never. The
     * check is lazy: one timer task per period, not per operation.
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Closes the connection when a write makes no progress for this long (the peer stopped reading);
     * {@code null} for never.
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * The most bytes that may wait in the write queue when a write is added; a write finding more closes
     * the connection with {@link WriteQueueFullException}. A single write may be larger.
     */
    public long maxQueuedWriteBytes() {
        return maxQueuedWriteBytes;
    }

    /** The local address to bind before connecting; {@code null} for any (ephemeral port). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public String toString() {
        return "TcpOptions[noDelay=" + noDelay + ", keepAlive=" + keepAlive
                + (keepAlive ? " (idle " + keepAliveIdle + ", interval " + keepAliveInterval + ", count "
                        + keepAliveCount + ")" : "")
                + ", sndbuf=" + sendBufferSize + ", rcvbuf=" + receiveBufferSize + ", idleTimeout=" + idleTimeout
                + ", writeTimeout=" + writeTimeout + ", maxQueuedWriteBytes=" + maxQueuedWriteBytes
                + (localAddress != null ? ", local=" + localAddress : "") + "]";
    }

    /** Builds {@link TcpOptions}; not thread-safe. */
    public static final class Builder {
        private boolean noDelay = true;
        private boolean keepAlive;
        private Duration keepAliveIdle;
        private Duration keepAliveInterval;
        private int keepAliveCount;
        private int sendBufferSize;
        private int receiveBufferSize;
        private Duration idleTimeout;
        private Duration writeTimeout;
        private long maxQueuedWriteBytes = 16L << 20;
        private InetSocketAddress localAddress;

        private Builder() {
        }

        /** Sets {@code TCP_NODELAY} (default on). */
        public Builder noDelay(boolean on) {
            this.noDelay = on;
            return this;
        }

        /** Turns {@code SO_KEEPALIVE} on or off, with the system's probe timing. */
        public Builder keepAlive(boolean on) {
            this.keepAlive = on;
            return this;
        }

        /**
         * Turns keepalive on with the given probe timing, so that a dead peer is found after about
         * {@code idle + count * interval}. The timing is applied through {@code jdk.net.ExtendedSocketOptions}
         * where the platform supports it (Linux, macOS, Windows 10+), and ignored elsewhere.
         */
        public Builder keepAlive(Duration idle, Duration interval, int count) {
            requirePositive(idle, "keepalive idle");
            requirePositive(interval, "keepalive interval");
            if (count < 1) {
                throw new IllegalArgumentException("keepalive count must be at least 1: " + count);
            }
            this.keepAlive = true;
            this.keepAliveIdle = idle;
            this.keepAliveInterval = interval;
            this.keepAliveCount = count;
            return this;
        }

        /** Sets {@code SO_SNDBUF}; 0 keeps the system's default. */
        public Builder sendBufferSize(int bytes) {
            this.sendBufferSize = requireNonNegative(bytes, "send buffer size");
            return this;
        }

        /** Sets {@code SO_RCVBUF}; 0 keeps the system's default. */
        public Builder receiveBufferSize(int bytes) {
            this.receiveBufferSize = requireNonNegative(bytes, "receive buffer size");
            return this;
        }

        /** See {@link TcpOptions#idleTimeout()}; {@code null} turns it off. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout == null ? null : requirePositive(timeout, "idle timeout");
            return this;
        }

        /** See {@link TcpOptions#writeTimeout()}; {@code null} turns it off. */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout == null ? null : requirePositive(timeout, "write timeout");
            return this;
        }

        /** See {@link TcpOptions#maxQueuedWriteBytes()}. */
        public Builder maxQueuedWriteBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("max queued write bytes must be positive: " + bytes);
            }
            this.maxQueuedWriteBytes = bytes;
            return this;
        }

        /** See {@link TcpOptions#localAddress()}. */
        public Builder localAddress(InetSocketAddress local) {
            this.localAddress = local;
            return this;
        }

        /** The options. */
        public TcpOptions build() {
            return new TcpOptions(this);
        }
    }

    static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    static int requireNonNegative(int v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + v);
        }
        return v;
    }
}
