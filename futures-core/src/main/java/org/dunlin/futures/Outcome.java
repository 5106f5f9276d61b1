package org.dunlin.futures;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * How a future ended: a {@link Success} with its value (which may be {@code null}) or a {@link Failure}
 * with its cause (never a {@code CompletionException} wrapper). Immutable; {@link Futures#settleAll}
 * returns one per input.
 *
 * <pre>{@code
 * for (Outcome<Message> o : outcomes) {
 *     if (o instanceof Outcome.Success<Message> s) use(s.value());
 *     else log(((Outcome.Failure<Message>) o).cause());
 * }
 * }</pre>
 */
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Failure {

    /** A successful outcome. */
    record Success<T>(T value) implements Outcome<T> {
        @Override
        public boolean isSuccess() {
            return true;
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> onSuccess, Function<? super Throwable, ? extends R> onFailure) {
            return onSuccess.apply(value);
        }

        @Override
        public Promise<T> toPromise() {
            return Promise.completed(value);
        }
    }

    /** A failed outcome; a cancelled future's cause is its {@link CancellationException}. */
    record Failure<T>(Throwable cause) implements Outcome<T> {
        public Failure {
            cause = Promise.unwrap(Objects.requireNonNull(cause, "cause"));
        }

        @Override
        public boolean isSuccess() {
            return false;
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> onSuccess, Function<? super Throwable, ? extends R> onFailure) {
            return onFailure.apply(cause);
        }

        @Override
        public Promise<T> toPromise() {
            return Promise.failed(cause);
        }
    }

    /** A success holding {@code value}. */
    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    /** A failure holding {@code cause}, unwrapped. */
    static <T> Outcome<T> failure(Throwable cause) {
        return new Failure<>(cause);
    }

    /** An outcome from a value and a possibly wrapped cause, as a completion callback receives them. */
    static <T> Outcome<T> of(T value, Throwable cause) {
        return cause == null ? new Success<>(value) : new Failure<>(cause);
    }

    /** Whether this is a {@link Success}. */
    boolean isSuccess();

    /** Applies {@code onSuccess} to the value or {@code onFailure} to the cause. */
    <R> R fold(Function<? super T, ? extends R> onSuccess, Function<? super Throwable, ? extends R> onFailure);

    /** A completed promise with this outcome. */
    Promise<T> toPromise();
}
