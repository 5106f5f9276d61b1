package org.dunlin.futures;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * When and how often {@link Futures#retry} tries again: at most {@link #maxAttempts()} attempts, an
 * exponential backoff between them ({@code initialDelay * multiplier^(n-1)}, capped at {@code maxDelay},
 * optionally spread by ± {@code jitter} with an injected random generator), an optional overall
 * {@link #deadline()}, and which failures are worth retrying (by default everything but cancellation).
 *
 * <p>Immutable and thread-safe if its predicate and random generator are.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .maxAttempts(4)
 *         .backoff(Duration.ofMillis(50), 2.0, Duration.ofSeconds(1))
 *         .deadline(Duration.ofSeconds(5))
 *         .retryOn(x -> x instanceof IOException)
 *         .build();
 * }</pre>
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;
    private final RandomGenerator random;
    private final Duration deadline;
    private final Predicate<? super Throwable> retryOn;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.multiplier = b.multiplier;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.random = b.random;
        this.deadline = b.deadline;
        this.retryOn = b.retryOn;
    }

    /** A builder with the defaults: 3 attempts, 100 ms doubling up to 10 s, no jitter, no deadline. */
    public static Builder builder() {
        return new Builder();
    }

    /** The maximum number of attempts, the first included (at least 1). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The overall time budget from the start of the first attempt, if any. */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** Whether a failed attempt with this (unwrapped) cause should be retried. */
    public boolean shouldRetry(Throwable cause) {
        return retryOn.test(cause);
    }

    /**
     * The pause before attempt number {@code attempt} (2 for the first retry): the exponential backoff,
     * capped at the maximum delay, then spread by the jitter.
     */
    public Duration delayBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, attempt - 2);
        nanos = Math.min(nanos, maxDelay.toNanos());
        if (jitter > 0) {
            nanos *= 1 - jitter + 2 * jitter * random.nextDouble();
            nanos = Math.min(nanos, maxDelay.toNanos());
        }
        return Duration.ofNanos((long) Math.max(0, nanos));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", multiplier="
                + multiplier + ", maxDelay=" + maxDelay + ", jitter=" + jitter
                + (deadline == null ? "" : ", deadline=" + deadline) + "]";
    }

    /** Builds a {@link RetryPolicy}; not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(100);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofSeconds(10);
        private double jitter;
        private RandomGenerator random;
        private Duration deadline;
        private Predicate<? super Throwable> retryOn = x -> !(x instanceof CancellationException);

        private Builder() {
        }

        /** At most {@code n} attempts, the first included; {@code n >= 1}. */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + n);
            }
            this.maxAttempts = n;
            return this;
        }

        /** Exponential backoff: {@code initial}, then times {@code multiplier} (>= 1), at most {@code max}. */
        public Builder backoff(Duration initial, double multiplier, Duration max) {
            requireNonNegative(initial, "initial");
            requireNonNegative(max, "max");
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1: " + multiplier);
            }
            this.initialDelay = initial;
            this.multiplier = multiplier;
            this.maxDelay = max;
            return this;
        }

        /** The same pause before every retry. */
        public Builder fixedDelay(Duration delay) {
            return backoff(delay, 1.0, delay);
        }

        /** Spreads each pause uniformly by ± {@code fraction} (0 to 1) of itself, drawing from {@code random}. */
        public Builder jitter(double fraction, RandomGenerator random) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1: " + fraction);
            }
            this.jitter = fraction;
            this.random = fraction == 0 ? null : Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * An overall budget: when it runs out the retry fails with a {@code TimeoutException} (whose cause
         * is the last attempt's failure, if any) and cancels the attempt in flight; no attempt starts if
         * its backoff would end past the deadline.
         */
        public Builder deadline(Duration deadline) {
            requireNonNegative(deadline, "deadline");
            this.deadline = deadline;
            return this;
        }

        /** Which (unwrapped) failures to retry; others fail the retry at once. */
        public Builder retryOn(Predicate<? super Throwable> retryOn) {
            this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static void requireNonNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative: " + d);
            }
        }
    }
}
