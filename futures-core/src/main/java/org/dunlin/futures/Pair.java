package org.dunlin.futures;

/** Two values, the result of {@link Futures#join(java.util.concurrent.CompletableFuture, java.util.concurrent.CompletableFuture)}. */
public record Pair<A, B>(A first, B second) {
}
