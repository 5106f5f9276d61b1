/**
 * Futures, combinators, async streams, channels and timers on {@link java.util.concurrent.CompletableFuture}.
 * Depends on nothing but the JDK. The one exported package, {@code org.dunlin.futures}, is the whole API;
 * implementation classes in it are package-private.
 */
module org.dunlin.futures {
    exports org.dunlin.futures;
}
