package org.dunlin.futures.io;

/**
 * Options of a {@link UdpSocket}, immutable. {@link #DEFAULT}: no {@code SO_REUSEADDR} or
 * {@code SO_REUSEPORT}, system buffer sizes, a receive queue of 1024 datagrams and a send queue of 1024.
 *
 * <p>The receive queue holds datagrams that arrived while nobody was waiting in
 * {@link UdpSocket#receive()}; when it is full, new datagrams are dropped and counted
 * ({@link UdpSocket#receiveDrops()}), so a slow consumer costs bounded memory. The send queue holds
 * datagrams the kernel's send buffer had no room for; when it is full, a send fails and is counted
 * ({@link UdpSocket#sendDrops()}).
 */
public final class UdpOptions {
    /** The defaults described in the class comment. */
    public static final UdpOptions DEFAULT = builder().build();

    private final boolean reuseAddress;
    private final boolean reusePort;
    private final int sendBufferSize;
    private final int receiveBufferSize;
    private final int receiveQueueCapacity;
    private final int sendQueueCapacity;

    private UdpOptions(Builder b) {
        this.reuseAddress = b.reuseAddress;
        this.reusePort = b.reusePort;
        this.sendBufferSize = b.sendBufferSize;
        this.receiveBufferSize = b.receiveBufferSize;
        this.receiveQueueCapacity = b.receiveQueueCapacity;
        this.sendQueueCapacity = b.sendQueueCapacity;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code SO_REUSEADDR}. */
    public boolean reuseAddress() {
        return reuseAddress;
    }

    /**
     * {@code SO_REUSEPORT}: lets several sockets bind the same address and port, the kernel spreading
     * datagrams between them (one socket per core). Opening fails with
     * {@link UnsupportedOperationException} where the platform lacks it.
     */
    public boolean reusePort() {
        return reusePort;
    }

    /** {@code SO_SNDBUF} in bytes; 0 for the system's default. */
    public int sendBufferSize() {
        return sendBufferSize;
    }

    /** {@code SO_RCVBUF} in bytes; 0 for the system's default. */
    public int receiveBufferSize() {
        return receiveBufferSize;
    }

    /** The most datagrams waiting to be received; see the class comment. */
    public int receiveQueueCapacity() {
        return receiveQueueCapacity;
    }

    /** The most datagrams waiting to be sent; see the class comment. */
    public int sendQueueCapacity() {
        return sendQueueCapacity;
    }

    @Override
    public String toString() {
        return "UdpOptions[reuseAddress=" + reuseAddress + ", reusePort=" + reusePort + ", sndbuf=" + sendBufferSize
                + ", rcvbuf=" + receiveBufferSize + ", receiveQueue=" + receiveQueueCapacity + ", sendQueue="
                + sendQueueCapacity + "]";
    }

    /** Builds {@link UdpOptions}; not thread-safe. */
    public static final class Builder {
        private boolean reuseAddress;
        private boolean reusePort;
        private int sendBufferSize;
        private int receiveBufferSize;
        private int receiveQueueCapacity = 1024;
        private int sendQueueCapacity = 1024;

        private Builder() {
        }

        /** Sets {@code SO_REUSEADDR}. */
        public Builder reuseAddress(boolean on) {
            this.reuseAddress = on;
            return this;
        }

        /** Sets {@code SO_REUSEPORT}; see {@link UdpOptions#reusePort()}. */
        public Builder reusePort(boolean on) {
            this.reusePort = on;
            return this;
        }

        /** Sets {@code SO_SNDBUF}; 0 keeps the system's default. */
        public Builder sendBufferSize(int bytes) {
            this.sendBufferSize = TcpOptions.requireNonNegative(bytes, "send buffer size");
            return this;
        }

        /** Sets {@code SO_RCVBUF}; 0 keeps the system's default. */
        public Builder receiveBufferSize(int bytes) {
            this.receiveBufferSize = TcpOptions.requireNonNegative(bytes, "receive buffer size");
            return this;
        }

        /** See {@link UdpOptions#receiveQueueCapacity()} (at least 1). */
        public Builder receiveQueueCapacity(int datagrams) {
            if (datagrams < 1) {
                throw new IllegalArgumentException("receive queue capacity must be at least 1: " + datagrams);
            }
            this.receiveQueueCapacity = datagrams;
            return this;
        }

        /** See {@link UdpOptions#sendQueueCapacity()} (at least 1). */
        public Builder sendQueueCapacity(int datagrams) {
            if (datagrams < 1) {
                throw new IllegalArgumentException("send queue capacity must be at least 1: " + datagrams);
            }
            this.sendQueueCapacity = datagrams;
            return this;
        }

        /** The options. */
        public UdpOptions build() {
            return new UdpOptions(this);
        }
    }
}
