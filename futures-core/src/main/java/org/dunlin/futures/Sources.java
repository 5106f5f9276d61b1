package org.dunlin.futures;

import java.util.Iterator;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The stream sources behind {@link AsyncStream}'s factory methods. */
final class Sources {
    private Sources() {
    }

    static final class Empty<T> extends AbstractAsyncStream<T> {
        @Override
        protected Promise<T> pull() {
            return endOfStream();
        }
    }

    static final class Failed<T> extends AbstractAsyncStream<T> {
        private final Throwable cause;

        Failed(Throwable cause) {
            this.cause = cause;
        }

        @Override
        protected Promise<T> pull() {
            return Promise.failed(cause);
        }
    }

    static final class FromIterable<T> extends AbstractAsyncStream<T> {
        private final Iterable<? extends T> items;
        private Iterator<? extends T> it;

        FromIterable(Iterable<? extends T> items) {
            this.items = items;
        }

        @Override
        protected Promise<T> pull() {
            if (it == null) {
                it = items.iterator();
            }
            if (!it.hasNext()) {
                return endOfStream();
            }
            T item = it.next();
            if (item == null) {
                return Promise.failed(new NullPointerException("null element in the iterable behind a stream"));
            }
            return Promise.completed(item);
        }

        @Override
        protected void onClose() {
            if (it instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) it).close();
                } catch (Exception ignored) {
                    // closing is best effort
                }
            }
        }
    }

    static final class Generate<T> extends AbstractAsyncStream<T> {
        private final Supplier<? extends CompletionStage<T>> supplier;

        Generate(Supplier<? extends CompletionStage<T>> supplier) {
            this.supplier = supplier;
        }

        @Override
        protected Promise<T> pull() {
            CompletionStage<T> s = supplier.get();
            if (s == null) {
                return Promise.failed(new NullPointerException("stream generator returned null"));
            }
            return Promise.from(s);
        }
    }
}
