package org.dunlin.dns.resolver;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a {@link DnsClient} talks to its server. Immutable; {@link #DEFAULT} holds the defaults below.
 *
 * <ul>
 *   <li>{@link #tcpOnly()}: never use UDP (default: UDP first, TCP when a response is truncated).</li>
 *   <li>{@link #randomizeCase()}: DNS 0x20, random letter case in the question name, which the
 *       response must echo exactly (default off: some servers and middleboxes do not preserve case).</li>
 *   <li>{@link #ednsFallback()}: retry without EDNS when a server answers an EDNS query with FORMERR or
 *       NOTIMP and no OPT record, and remember that for {@link #ednsFallbackMemory()} (default on,
 *       10 minutes).</li>
 *   <li>{@link #maxInFlight()}: the most exchanges in flight at once; more wait in order until their
 *       deadline (default 1024).</li>
 *   <li>{@link #tcpIdleTimeout()}: how long an unused TCP connection stays open for reuse (default 5 s;
 *       RFC 7766 §6.2.3 asks clients to close idle connections).</li>
 *   <li>{@link #random()}: the source of message IDs and 0x20 bits (RFC 5452 §9.2: unpredictable);
 *       default a new {@link SecureRandom} for each client. It must be thread-safe. Source ports come from the kernel's
 *       ephemeral port allocation, which Linux randomizes.</li>
 * </ul>
 */
public final class ClientOptions {
    /** The defaults. */
    public static final ClientOptions DEFAULT = builder().build();

    private final boolean tcpOnly;
    private final boolean randomizeCase;
    private final boolean ednsFallback;
    private final Duration ednsFallbackMemory;
    private final int maxInFlight;
    private final Duration tcpIdleTimeout;
    private final RandomGenerator random;

    private ClientOptions(Builder b) {
        this.tcpOnly = b.tcpOnly;
        this.randomizeCase = b.randomizeCase;
        this.ednsFallback = b.ednsFallback;
        this.ednsFallbackMemory = b.ednsFallbackMemory;
        this.maxInFlight = b.maxInFlight;
        this.tcpIdleTimeout = b.tcpIdleTimeout;
        this.random = b.random;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tcpOnly = tcpOnly;
        b.randomizeCase = randomizeCase;
        b.ednsFallback = ednsFallback;
        b.ednsFallbackMemory = ednsFallbackMemory;
        b.maxInFlight = maxInFlight;
        b.tcpIdleTimeout = tcpIdleTimeout;
        b.random = random;
        return b;
    }

    public boolean tcpOnly() {
        return tcpOnly;
    }

    public boolean randomizeCase() {
        return randomizeCase;
    }

    public boolean ednsFallback() {
        return ednsFallback;
    }

    public Duration ednsFallbackMemory() {
        return ednsFallbackMemory;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public Duration tcpIdleTimeout() {
        return tcpIdleTimeout;
    }

    /** The injected generator, or empty for the default: a new {@link SecureRandom} per client. */
    public Optional<RandomGenerator> random() {
        return Optional.ofNullable(random);
    }

    @Override
    public String toString() {
        return "ClientOptions[" + (tcpOnly ? "tcp only" : "udp then tcp") + (randomizeCase ? ", 0x20" : "")
                + (ednsFallback ? ", edns fallback" : "") + ", maxInFlight=" + maxInFlight + ", tcpIdle="
                + tcpIdleTimeout + "]";
    }

    /** Builds {@link ClientOptions}; not thread-safe. */
    public static final class Builder {
        private boolean tcpOnly;
        private boolean randomizeCase;
        private boolean ednsFallback = true;
        private Duration ednsFallbackMemory = Duration.ofMinutes(10);
        private int maxInFlight = 1024;
        private Duration tcpIdleTimeout = Duration.ofSeconds(5);
        private RandomGenerator random;

        private Builder() {
        }

        public Builder tcpOnly(boolean on) {
            this.tcpOnly = on;
            return this;
        }

        public Builder randomizeCase(boolean on) {
            this.randomizeCase = on;
            return this;
        }

        public Builder ednsFallback(boolean on) {
            this.ednsFallback = on;
            return this;
        }

        public Builder ednsFallbackMemory(Duration d) {
            Objects.requireNonNull(d, "ednsFallbackMemory");
            if (d.isNegative()) {
                throw new IllegalArgumentException("ednsFallbackMemory must not be negative: " + d);
            }
            this.ednsFallbackMemory = d;
            return this;
        }

        /** At least 1. */
        public Builder maxInFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1: " + n);
            }
            this.maxInFlight = n;
            return this;
        }

        /** Positive. */
        public Builder tcpIdleTimeout(Duration d) {
            Objects.requireNonNull(d, "tcpIdleTimeout");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("tcpIdleTimeout must be positive: " + d);
            }
            this.tcpIdleTimeout = d;
            return this;
        }

        /** A thread-safe generator (tests inject a seeded one). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
