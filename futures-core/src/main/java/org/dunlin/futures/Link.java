package org.dunlin.futures;

/**
 * What a derived {@link Promise} remembers about the work it waits on, so that {@code cancel} can reach
 * it. A promise's {@code upstream} slot holds a {@code Promise}, a foreign {@link java.util.concurrent.Future},
 * or a {@code Link}; links exist for every combinator whose inputs change over time (a compose waits on
 * its source, then on the inner future) or are several (select, join).
 *
 * <p>Cancellation is two-phase. First {@link #acquireCancel()} is asked, walking single-input chains
 * toward the source; a link that can still deliver a value it has already taken (a channel receiver that
 * a sender has claimed) refuses, and {@code cancel} returns {@code false} so no item is lost. Then
 * {@link #cancelSources()} cancels what the link waits on. Links drop their references when they fire,
 * so a completed promise does not keep its inputs alive.
 */
abstract class Link {
    /** {@link #acquireCancel()} answer: cancellation may proceed; stop walking. */
    static final Object ALLOW = new Object();
    /** {@link #acquireCancel()} answer: a result is already on its way; the cancel must fail. */
    static final Object VETO = new Object();

    /**
     * Decides whether the downstream promise may be cancelled: {@link #ALLOW}, {@link #VETO}, or the next
     * upstream node (a promise, future or link) to ask. A link that commits to cancellation here (by a
     * state change) must treat a repeated call as {@link #ALLOW}.
     */
    Object acquireCancel() {
        return ALLOW;
    }

    /**
     * Cancels what this link waits on and forgets it. Returns one more node to cancel (so long chains are
     * cancelled iteratively, without recursion), or {@code null}. A node may be returned only if
     * {@link #acquireCancel()} walked into that same node; anything else must be cancelled here through its
     * own {@code cancel}, so that its veto is consulted.
     */
    abstract Object cancelSources();

    /** A short description of the node for {@code Promise.toString}, never recursing through a chain. */
    static String describe(Object node) {
        if (node == null) {
            return "none";
        }
        if (node instanceof Link) {
            return node.toString();
        }
        return node.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(node));
    }
}
