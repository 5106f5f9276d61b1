package org.dunlin.futures.io;

import java.util.Objects;

/**
 * Options of a {@link TcpListener}, immutable. {@link #DEFAULT}: backlog 1024, {@code SO_REUSEADDR} on,
 * {@code SO_REUSEPORT} off, at most 10,000 connections in total and no per-address limit, accepted
 * connections with {@link TcpOptions#DEFAULT}.
 *
 * <p>Connection limits: an accepted connection that would exceed {@link #maxConnections()} or
 * {@link #maxConnectionsPerAddress()} (counted by the client's IP address) is closed at once and counted
 * in {@link TcpListener#rejectedCount()}; the client sees the connection closed without data. This keeps a
 * single client from pinning a server's connections (RFC 7766 §6.2.2).
 */
public final class ListenerOptions {
    /** The defaults described in the class comment. */
    public static final ListenerOptions DEFAULT = builder().build();

    private final int backlog;
    private final boolean reuseAddress;
    private final boolean reusePort;
    private final int maxConnections;
    private final int maxConnectionsPerAddress;
    private final TcpOptions connectionOptions;

    private ListenerOptions(Builder b) {
        this.backlog = b.backlog;
        this.reuseAddress = b.reuseAddress;
        this.reusePort = b.reusePort;
        this.maxConnections = b.maxConnections;
        this.maxConnectionsPerAddress = b.maxConnectionsPerAddress;
        this.connectionOptions = b.connectionOptions;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The accept backlog (capped by the system, {@code net.core.somaxconn} on Linux). */
    public int backlog() {
        return backlog;
    }

    /** {@code SO_REUSEADDR}. */
    public boolean reuseAddress() {
        return reuseAddress;
    }

    /** {@code SO_REUSEPORT}: several listeners on one port; binding fails where unsupported. */
    public boolean reusePort() {
        return reusePort;
    }

    /** The most connections open at once from this listener. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The most connections open at once from one client IP address. */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /** The options of accepted connections. */
    public TcpOptions connectionOptions() {
        return connectionOptions;
    }

    @Override
    public String toString() {
        return "ListenerOptions[backlog=" + backlog + ", reuseAddress=" + reuseAddress + ", reusePort=" + reusePort
                + ", maxConnections=" + maxConnections + ", maxConnectionsPerAddress=" + maxConnectionsPerAddress
                + ", " + connectionOptions + "]";
    }

    /** Builds {@link ListenerOptions}; not thread-safe. */
    public static final class Builder {
        private int backlog = 1024;
        private boolean reuseAddress = true;
        private boolean reusePort;
        private int maxConnections = 10_000;
        private int maxConnectionsPerAddress = Integer.MAX_VALUE;
        private TcpOptions connectionOptions = TcpOptions.DEFAULT;

        private Builder() {
        }

        /** Sets the accept backlog (at least 1). */
        public Builder backlog(int backlog) {
            if (backlog < 1) {
                throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
            }
            this.backlog = backlog;
            return this;
        }

        /** Sets {@code SO_REUSEADDR} (default on). */
        public Builder reuseAddress(boolean on) {
            this.reuseAddress = on;
            return this;
        }

        /** Sets {@code SO_REUSEPORT} (default off). */
        public Builder reusePort(boolean on) {
            this.reusePort = on;
            return this;
        }

        /** See {@link ListenerOptions#maxConnections()} (at least 1). */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max connections must be at least 1: " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /** See {@link ListenerOptions#maxConnectionsPerAddress()} (at least 1). */
        public Builder maxConnectionsPerAddress(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max connections per address must be at least 1: " + max);
            }
            this.maxConnectionsPerAddress = max;
            return this;
        }

        /** Sets the options of accepted connections. */
        public Builder connectionOptions(TcpOptions options) {
            this.connectionOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The options. */
        public ListenerOptions build() {
            return new ListenerOptions(this);
        }
    }
}
