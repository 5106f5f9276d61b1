package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Dunlin's future: a {@link CompletableFuture} (so it goes anywhere a {@link CompletionStage} does)
 * whose derived stages are promises too, with combinators that propagate cancellation upstream and hand
 * callbacks the original exception.
 *
 * <h2>Contract of every combinator on this class and in {@link Futures}</h2>
 * <ul>
 *   <li><b>Thread.</b> A continuation runs on the thread that completes the promise it waits on, or, if
 *       that promise is already complete when the continuation is attached, on the thread attaching it.
 *       Nothing ever runs on {@link java.util.concurrent.ForkJoinPool#commonPool()}: the
 *       {@linkplain #defaultExecutor() default executor} of the {@code *Async} methods runs tasks inline.
 *       Use {@link #on(Executor)} to move continuations to an executor of your choice.</li>
 *   <li><b>Cancellation</b> flows upstream: cancelling a promise returned by {@link #map}, {@link #andThen},
 *       {@link #orElse}, {@link #timeout} or any {@link Futures} combinator cancels the work it waits on
 *       (its source, then the inner future of a compose; every input of a select or join). It never flows
 *       downstream except as the failure every dependent sees. A promise with several dependents is
 *       cancelled by any of them: use {@link #shared()} for fan-out with independent cancellation.
 *       {@code cancel} may return {@code false} while the promise is still pending when its result is
 *       already on its way (its source has completed, or a channel has handed it an item): the promise
 *       then completes normally, and nothing is lost.</li>
 *   <li><b>Exceptions.</b> Callbacks ({@code map}, {@code andThen}, {@code orElse}, {@code recover},
 *       {@code mapError}, {@code inspect}, and the inherited {@code handle}, {@code whenComplete},
 *       {@code exceptionally}, {@code exceptionallyCompose}) receive the original exception, never a
 *       {@link CompletionException} or {@link ExecutionException} wrapper. An exception thrown by a
 *       callback completes the derived promise with that exception. {@link #get()} throws
 *       {@link ExecutionException} with the original cause and {@link #join()} throws
 *       {@link CompletionException} with it, as for any {@code CompletableFuture}.</li>
 *   <li><b>Happens-before.</b> Everything done before completing a promise happens-before every
 *       continuation attached to it.</li>
 * </ul>
 *
 * <p>{@link #obtrudeValue} and {@link #obtrudeException} are refused: a completed promise never changes,
 * which is what lets combinators share completed promises freely. Methods inherited from
 * {@code CompletableFuture} that are not overridden here ({@code thenApply}, {@code thenCompose}, ...)
 * keep their JDK meaning and do not propagate cancellation; prefer the combinators. The inherited
 * {@code orTimeout} and {@code completeOnTimeout} use the JDK's shared delay thread and do not cancel the
 * work; prefer {@link #timeout(Duration, Timer)}.
 *
 * <p>{@link #toString()} shows an identity and the state: pending (with dependents and upstream),
 * completed, failed (with the cause) or cancelled.
 */
public class Promise<T> extends CompletableFuture<T> {
    /*
     * Design.
     *
     * The single extra field, `upstream`, fits in the padding of CompletableFuture's object layout, so a
     * promise costs no more memory than a plain CompletableFuture. It holds what cancel() must reach: a
     * Promise, a foreign Future, or a Link (see Link). Links clear their references when they fire, so
     * completed promises release their inputs; a promise that completed through the JDK's compose
     * machinery without firing its link releases it on its next join/get/getNow/cancel/toString.
     *
     * Combinators have a fast path for an already-completed source: map of a completed promise computes
     * directly into a new completed promise (one allocation, like thenApply), and a failed source is
     * returned as its own "derived" stage (a completed promise can never change, so sharing it is
     * unobservable). Pending sources register one JDK completion (handle or thenCompose) whose function
     * is the link itself, so the dependent is created by CompletableFuture's own machinery through
     * newIncompleteFuture().
     */

    private static final VarHandle UPSTREAM =
            FieldHandles.of(MethodHandles.lookup(), Promise.class, "upstream", Object.class);

    /** Runs tasks on the calling thread: the default executor of the {@code *Async} methods. */
    private static final Executor INLINE = new Executor() {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public String toString() {
            return "Promise.INLINE";
        }
    };

    /** A completed promise that {@link #completed} derives from; completed promises never change. */
    private static final Promise<Object> SEED = new Promise<>();

    static {
        SEED.complete(null);
    }

    private volatile Object upstream;

    /** Creates a pending promise with no upstream: completing it is up to its creator. */
    public Promise() {
    }

    // ------------------------------------------------------------------------------------------------
    // Factories

    /** Returns a promise already completed with {@code value} (which may be {@code null}). */
    @SuppressWarnings("unchecked")
    public static <T> Promise<T> completed(T value) {
        // Derived from a completed seed, the JDK stores the value into the new stage with one plain
        // volatile write; new Promise() + complete() would pay a CAS (measured: about 40% slower).
        return (Promise<T>) SEED.thenApply(ignored -> value);
    }

    /** Returns a promise already failed with {@code cause} (unwrapped, see {@link #unwrap}). */
    public static <T> Promise<T> failed(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        Promise<T> p = new Promise<>();
        p.completeExceptionally(unwrap(cause));
        return p;
    }

    /**
     * Adapts any stage to a promise. A promise is returned as is. Otherwise the returned promise completes
     * with the stage's outcome (exception unwrapped) on the thread that completes the stage, and
     * cancelling it cancels the stage when the stage is a {@link Future}.
     */
    public static <T> Promise<T> from(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        if (stage instanceof Promise) {
            return (Promise<T>) stage;
        }
        if (stage instanceof CompletableFuture) {
            CompletableFuture<T> cf = (CompletableFuture<T>) stage;
            if (cf.isDone() && !cf.isCompletedExceptionally()) {
                return completed(cf.getNow(null));
            }
        }
        Promise<T> d = new Promise<>();
        d.setUpstream(stage);
        stage.whenComplete(d::settle);
        return d;
    }

    /**
     * Runs {@code task} on {@code executor} and completes the returned promise with its result or
     * exception, on that executor's thread. Cancelling the promise before the task starts keeps it from
     * running; a running task is not interrupted. If the executor rejects the task, the promise fails with
     * the {@link RejectedExecutionException}.
     */
    public static <T> Promise<T> spawn(Callable<? extends T> task, Executor executor) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(executor, "executor");
        Promise<T> d = new Promise<>();
        try {
            executor.execute(() -> {
                if (d.isDone()) {
                    return;
                }
                try {
                    d.complete(task.call());
                } catch (Throwable x) {
                    d.completeExceptionally(x);
                }
            });
        } catch (RuntimeException x) {
            d.completeExceptionally(x);
        }
        return d;
    }

    /**
     * Strips {@link CompletionException} and {@link ExecutionException} wrappers (those with a cause) and
     * returns the original exception.
     */
    public static Throwable unwrap(Throwable x) {
        for (int depth = 0; depth < 64; depth++) {
            if ((x instanceof CompletionException || x instanceof ExecutionException) && x.getCause() != null) {
                x = x.getCause();
            } else {
                return x;
            }
        }
        return x;
    }

    // ------------------------------------------------------------------------------------------------
    // Combinators

    /**
     * Returns a promise of {@code fn} applied to this promise's value. If this promise fails, {@code fn}
     * is not called and the result fails with the same cause.
     *
     * <p>Thread: {@code fn} runs on the thread completing this promise, or on the caller's if it is
     * already complete. Cancellation: cancelling the result cancels this promise (unless {@code fn} is
     * already running). Exceptions: an exception thrown by {@code fn} fails the result.
     */
    @SuppressWarnings("unchecked")
    public <U> Promise<U> map(Function<? super T, ? extends U> fn) {
        Objects.requireNonNull(fn, "fn");
        if (isDone()) {
            releaseUpstream();
            if (isCompletedExceptionally()) {
                return (Promise<U>) this;
            }
            // the JDK computes into the new stage with a plain store: no CAS, no link
            return (Promise<U>) super.thenApply(fn);
        }
        return attach(new StageLinks.Handle<T, U>(this, fn, StageLinks.Handle.MAP));
    }

    /**
     * Returns a promise of the future that {@code fn} returns for this promise's value (monadic bind,
     * {@code thenCompose}). If this promise fails, {@code fn} is not called and the result fails with the
     * same cause.
     *
     * <p>Thread: {@code fn} runs on the thread completing this promise (or the caller's); the result
     * completes on the thread completing the inner future. Cancellation: cancelling the result cancels
     * this promise while it is pending, then the inner future. Exceptions: an exception thrown by
     * {@code fn}, a {@code null} return, or the inner future's failure fails the result.
     */
    @SuppressWarnings("unchecked")
    public <U> Promise<U> andThen(Function<? super T, ? extends CompletionStage<U>> fn) {
        Objects.requireNonNull(fn, "fn");
        if (isDone()) {
            releaseUpstream();
            if (isCompletedExceptionally()) {
                return (Promise<U>) this;
            }
            CompletionStage<U> inner;
            try {
                inner = fn.apply(super.getNow(null));
            } catch (Throwable x) {
                return failed(x);
            }
            return adopt(inner, "andThen");
        }
        StageLinks.AndThen<T, U> link = new StageLinks.AndThen<>(this, fn);
        Promise<U> d = (Promise<U>) super.thenCompose(link);
        d.setUpstream(link);
        return d;
    }

    /**
     * Returns a promise that completes like this one on success, and on failure like the future that
     * {@code fn} returns for the (unwrapped) cause: recovery with a new asynchronous attempt.
     *
     * <p>Thread: as {@link #andThen}. Cancellation: cancelling the result cancels this promise while it
     * is pending, then the future returned by {@code fn}. Exceptions: an exception thrown by {@code fn},
     * a {@code null} return, or that future's failure fails the result.
     */
    @SuppressWarnings("unchecked")
    public Promise<T> orElse(Function<? super Throwable, ? extends CompletionStage<T>> fn) {
        Objects.requireNonNull(fn, "fn");
        if (isDone() && !isCompletedExceptionally()) {
            releaseUpstream();
            return this;
        }
        StageLinks.OrElse<T> link = new StageLinks.OrElse<>(this, fn);
        Promise<T> d = (Promise<T>) super.exceptionallyCompose(link);
        d.setUpstream(link);
        return d;
    }

    /**
     * Returns a promise that completes like this one on success, and on failure with the value
     * {@code fn} computes from the (unwrapped) cause. Thread, cancellation and exceptions as {@link #map}.
     */
    public Promise<T> recover(Function<? super Throwable, ? extends T> fn) {
        Objects.requireNonNull(fn, "fn");
        if (isDone() && !isCompletedExceptionally()) {
            releaseUpstream();
            return this;
        }
        return attach(new StageLinks.Handle<T, T>(this, fn, StageLinks.Handle.RECOVER));
    }

    /**
     * Returns a promise that completes like this one on success, and on failure with the exception
     * {@code fn} returns for the (unwrapped) cause (for example to translate an {@code IOException} into
     * a domain error). Thread and cancellation as {@link #map}; an exception thrown by {@code fn} (or a
     * {@code null} return, as {@link NullPointerException}) becomes the failure.
     */
    public Promise<T> mapError(Function<? super Throwable, ? extends Throwable> fn) {
        Objects.requireNonNull(fn, "fn");
        if (isDone() && !isCompletedExceptionally()) {
            releaseUpstream();
            return this;
        }
        return attach(new StageLinks.Handle<T, T>(this, fn, StageLinks.Handle.MAP_ERROR));
    }

    /**
     * Returns a promise that completes like this one after passing the value to {@code action} (for
     * logging or metrics); {@code action} is not called on failure. Thread and cancellation as
     * {@link #map}; an exception thrown by {@code action} fails the result.
     */
    public Promise<T> inspect(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        if (isDone()) {
            releaseUpstream();
            if (isCompletedExceptionally()) {
                return this;
            }
            try {
                action.accept(super.getNow(null));
            } catch (Throwable x) {
                return failed(x);
            }
            return this;
        }
        return attach(new StageLinks.Handle<T, T>(this, action, StageLinks.Handle.INSPECT));
    }

    /**
     * Returns a promise that completes like this one after passing a failure's (unwrapped) cause to
     * {@code action}; {@code action} is not called on success. Thread and cancellation as {@link #map};
     * an exception thrown by {@code action} replaces the failure.
     */
    public Promise<T> inspectError(Consumer<? super Throwable> action) {
        Objects.requireNonNull(action, "action");
        if (isDone() && !isCompletedExceptionally()) {
            releaseUpstream();
            return this;
        }
        return attach(new StageLinks.Handle<T, T>(this, action, StageLinks.Handle.INSPECT_ERROR));
    }

    /**
     * Returns a promise that completes like this one, but on a thread of {@code executor}, so that
     * continuations attached to the result before it completes run there. Cancelling the result cancels
     * this promise. If the executor rejects the hand-off, the result fails with the
     * {@link RejectedExecutionException} on the thread that completed this promise.
     */
    public Promise<T> on(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        Promise<T> d = new Promise<>();
        d.setUpstream(this);
        listenRaw((v, x) -> {
            try {
                executor.execute(() -> d.settle(v, x));
            } catch (Throwable rejected) {
                d.settle(null, rejected);
            }
        });
        return d;
    }

    /**
     * Returns a promise that completes like this one, or fails with a {@link TimeoutException} if this
     * one is still pending after {@code timeout} on {@code timer} — and then cancels this one, so the
     * work it guards stops. Thread: the timer's thread on timeout, otherwise the thread completing this
     * promise. Cancelling the result cancels this promise and the timer task. If the timer is closed, the
     * result fails with {@link RejectedExecutionException}.
     */
    public Promise<T> timeout(Duration timeout, Timer timer) {
        return Futures.timeout(this, timeout, timer);
    }

    /**
     * Returns a handle through which any number of subscribers share this promise's outcome, each with
     * its own cancellation; see {@link Shared}.
     */
    public Shared<T> shared() {
        return Shared.of(this);
    }

    // ------------------------------------------------------------------------------------------------
    // CompletableFuture plumbing

    /** Returns a new pending {@code Promise}: every stage derived from a promise is a promise. */
    @Override
    public <U> Promise<U> newIncompleteFuture() {
        return new Promise<>();
    }

    /**
     * Returns the executor of the {@code *Async} methods called without one: it runs the task inline, on
     * the thread that triggers it, exactly like the non-async variant. It is never
     * {@link java.util.concurrent.ForkJoinPool#commonPool()}; pass an executor to go elsewhere.
     */
    @Override
    public Executor defaultExecutor() {
        return INLINE;
    }

    /** Refused: a completed promise never changes. */
    @Override
    public final void obtrudeValue(T value) {
        throw new UnsupportedOperationException("a Promise cannot be obtruded");
    }

    /** Refused: a completed promise never changes. */
    @Override
    public final void obtrudeException(Throwable ex) {
        throw new UnsupportedOperationException("a Promise cannot be obtruded");
    }

    /**
     * Cancels this promise and, if that succeeds, the work it waits on (see the class comment). Returns
     * {@code true} if the promise is now cancelled; {@code false} if it had completed otherwise or its
     * result is already on its way. {@code mayInterruptIfRunning} is ignored, as in
     * {@code CompletableFuture}.
     */
    @Override
    public final boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            releaseUpstream();
            return isCancelled();
        }
        Object up = upstream;
        if (up != null && !acquireCancel(up)) {
            return false;
        }
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Object taken = UPSTREAM.getAndSet(this, null);
        if (taken != null) {
            cancelUpstream(taken);
        }
        return cancelled;
    }

    /** Returns this promise. */
    @Override
    public Promise<T> toCompletableFuture() {
        return this;
    }

    /** Returns a promise completing like this one; cancelling the copy does not cancel this one. */
    @Override
    public Promise<T> copy() {
        return (Promise<T>) super.copy();
    }

    @Override
    public T join() {
        try {
            return super.join();
        } finally {
            releaseUpstream();
        }
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        try {
            return super.get();
        } finally {
            releaseUpstream();
        }
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return super.get(timeout, unit);
        } finally {
            releaseUpstream();
        }
    }

    @Override
    public T getNow(T valueIfAbsent) {
        try {
            return super.getNow(valueIfAbsent);
        } finally {
            releaseUpstream();
        }
    }

    // The inherited callback methods, with the original exception instead of a CompletionException.

    @Override
    public <U> Promise<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return (Promise<U>) super.handle(unwrapping(fn));
    }

    @Override
    public <U> Promise<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
        return (Promise<U>) super.handleAsync(unwrapping(fn));
    }

    @Override
    public <U> Promise<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
        return (Promise<U>) super.handleAsync(unwrapping(fn), executor);
    }

    @Override
    public Promise<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return (Promise<T>) super.whenComplete(unwrapping(action));
    }

    @Override
    public Promise<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
        return (Promise<T>) super.whenCompleteAsync(unwrapping(action));
    }

    @Override
    public Promise<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action, Executor executor) {
        return (Promise<T>) super.whenCompleteAsync(unwrapping(action), executor);
    }

    @Override
    public Promise<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return (Promise<T>) super.exceptionally(unwrappingFn(fn));
    }

    @Override
    public Promise<T> exceptionallyAsync(Function<Throwable, ? extends T> fn) {
        return (Promise<T>) super.exceptionallyAsync(unwrappingFn(fn));
    }

    @Override
    public Promise<T> exceptionallyAsync(Function<Throwable, ? extends T> fn, Executor executor) {
        return (Promise<T>) super.exceptionallyAsync(unwrappingFn(fn), executor);
    }

    @Override
    public Promise<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return (Promise<T>) super.exceptionallyCompose(unwrappingFn(fn));
    }

    @Override
    public Promise<T> exceptionallyComposeAsync(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return (Promise<T>) super.exceptionallyComposeAsync(unwrappingFn(fn));
    }

    @Override
    public Promise<T> exceptionallyComposeAsync(
            Function<Throwable, ? extends CompletionStage<T>> fn, Executor executor) {
        return (Promise<T>) super.exceptionallyComposeAsync(unwrappingFn(fn), executor);
    }

    /**
     * Describes this promise: identity and state, for example
     * {@code Promise@1b6d3586[pending, 1 dependent, upstream=map of Promise@4554617c]} or
     * {@code Promise@1b6d3586[failed: java.io.IOException: refused]}. Never prints the value.
     */
    @Override
    public String toString() {
        String id = getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(this));
        if (!isDone()) {
            int deps = getNumberOfDependents();
            StringBuilder sb = new StringBuilder(id).append("[pending");
            if (deps > 0) {
                sb.append(", ").append(deps).append(deps == 1 ? " dependent" : " dependents");
            }
            Object up = upstream;
            if (up != null) {
                sb.append(", upstream=").append(Link.describe(up));
            }
            return sb.append(']').toString();
        }
        releaseUpstream();
        if (isCancelled()) {
            return id + "[cancelled]";
        }
        if (isCompletedExceptionally()) {
            return id + "[failed: " + causeOf(this) + "]";
        }
        return id + "[completed normally]";
    }

    // ------------------------------------------------------------------------------------------------
    // Package-private machinery shared by the combinators

    void setUpstream(Object node) {
        UPSTREAM.setRelease(this, node);
    }

    Object upstream() {
        return upstream;
    }

    /** Drops the upstream reference of a completed promise (it can no longer be cancelled). */
    private void releaseUpstream() {
        if (upstream != null && isDone()) {
            upstream = null;
        }
    }

    /** Completes with a value or with the unwrapped cause, and releases the upstream. */
    final boolean settle(T value, Throwable cause) {
        upstream = null;
        return cause == null ? complete(value) : completeExceptionally(unwrap(cause));
    }

    /** Registers a callback that sees the stored exception as is (callers unwrap); no extra allocation. */
    final void listenRaw(BiConsumer<? super T, ? super Throwable> callback) {
        super.whenComplete(callback);
    }

    /** Registers {@code callback} on any future, avoiding the unwrapping wrapper for promises. */
    static <T> void listen(CompletableFuture<T> f, BiConsumer<? super T, ? super Throwable> callback) {
        if (f instanceof Promise) {
            ((Promise<T>) f).listenRaw(callback);
        } else {
            f.whenComplete(callback);
        }
    }

    @SuppressWarnings("unchecked")
    private <U> Promise<U> attach(StageLinks.Handle<T, U> link) {
        Promise<U> d = (Promise<U>) super.handle(link);
        d.setUpstream(link);
        return d;
    }

    /** The promise for an inner stage returned by a compose function on the fast path. */
    static <U> Promise<U> adopt(CompletionStage<U> inner, String what) {
        if (inner == null) {
            return failed(new NullPointerException(what + " function returned null"));
        }
        if (inner instanceof Promise && ((Promise<U>) inner).isDone()) {
            return (Promise<U>) inner;
        }
        Promise<U> d = new Promise<>();
        d.setUpstream(inner);
        inner.whenComplete(d::settle);
        return d;
    }

    /** The cause of a completed, failed future, unwrapped (allocates; not for hot paths). */
    static Throwable causeOf(CompletableFuture<?> f) {
        try {
            f.join();
            return null;
        } catch (CancellationException x) {
            return x;
        } catch (CompletionException x) {
            return unwrap(x);
        }
    }

    private boolean cancelLocally() {
        return super.cancel(false);
    }

    /** Phase one of cancel: walks single-input chains upstream and asks whether cancel may proceed. */
    private static boolean acquireCancel(Object node) {
        while (node != null) {
            if (node instanceof Promise) {
                Promise<?> p = (Promise<?>) node;
                if (p.isDone()) {
                    return p.isCancelled();
                }
                node = p.upstream;
            } else if (node instanceof Link) {
                Object next = ((Link) node).acquireCancel();
                if (next == Link.ALLOW) {
                    return true;
                }
                if (next == Link.VETO) {
                    return false;
                }
                node = next;
            } else {
                return true;
            }
        }
        return true;
    }

    /** Phase two of cancel: cancels an upstream node and, iteratively, the chain above it. */
    static void cancelUpstream(Object node) {
        while (node != null) {
            if (node instanceof Promise) {
                Promise<?> p = (Promise<?>) node;
                if (!p.cancelLocally()) {
                    return;
                }
                node = UPSTREAM.getAndSet(p, null);
            } else if (node instanceof Link) {
                node = ((Link) node).cancelSources();
            } else if (node instanceof Future) {
                ((Future<?>) node).cancel(false);
                return;
            } else if (node instanceof CompletionStage) {
                try {
                    ((CompletionStage<?>) node).toCompletableFuture().cancel(false);
                } catch (UnsupportedOperationException ignored) {
                    // a stage that cannot be cancelled: nothing to reach
                }
                return;
            } else {
                return;
            }
        }
    }

    /** Cancels a future or stage through its full protocol (a promise's veto included). */
    static void cancelStage(Object stage) {
        if (stage instanceof Future) {
            ((Future<?>) stage).cancel(false);
        } else if (stage instanceof CompletionStage) {
            try {
                ((CompletionStage<?>) stage).toCompletableFuture().cancel(false);
            } catch (UnsupportedOperationException ignored) {
                // a stage that cannot be cancelled: nothing to reach
            }
        }
    }

    /** Registers {@code callback} on any stage (see {@link #listen}). */
    static <T> void listenStage(CompletionStage<T> stage, BiConsumer<? super T, ? super Throwable> callback) {
        if (stage instanceof CompletableFuture) {
            listen((CompletableFuture<T>) stage, callback);
        } else {
            stage.whenComplete(callback);
        }
    }

    /** Throws any throwable without declaring it: {@code throw rethrow(x)}. */
    @SuppressWarnings("unchecked")
    static <X extends Throwable> RuntimeException rethrow(Throwable x) throws X {
        throw (X) x;
    }

    private static <T, U> BiFunction<T, Throwable, U> unwrapping(BiFunction<? super T, Throwable, ? extends U> fn) {
        Objects.requireNonNull(fn, "fn");
        return (v, x) -> fn.apply(v, x == null ? null : unwrap(x));
    }

    private static <T> BiConsumer<T, Throwable> unwrapping(BiConsumer<? super T, ? super Throwable> action) {
        Objects.requireNonNull(action, "action");
        return (v, x) -> action.accept(v, x == null ? null : unwrap(x));
    }

    private static <R> Function<Throwable, R> unwrappingFn(Function<Throwable, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn");
        return x -> fn.apply(unwrap(x));
    }
}
