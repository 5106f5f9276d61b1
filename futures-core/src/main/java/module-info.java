/**
 * Futures, combinators, async streams, channels and timers on {@link java.util.concurrent.CompletableFuture}.
 * Depends on nothing but the JDK.
 */
module org.dunlin.futures {
}
