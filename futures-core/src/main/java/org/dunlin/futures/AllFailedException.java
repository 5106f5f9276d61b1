package org.dunlin.futures;

import java.util.List;

/**
 * Every one of several alternatives failed ({@link Futures#selectOk}). {@link #causes()} lists each
 * input's cause in input order; the first is also the
 * {@linkplain #getCause() cause} and the others are attached as suppressed exceptions, for logging.
 */
public final class AllFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> causes;

    /** Creates the exception from the causes, in input order. */
    public AllFailedException(List<Throwable> causes) {
        super("all " + causes.size() + " alternatives failed"
                + (causes.isEmpty() ? "" : "; first: " + causes.get(0)), causes.isEmpty() ? null : causes.get(0));
        this.causes = List.copyOf(causes);
        for (int i = 1; i < this.causes.size(); i++) {
            addSuppressed(this.causes.get(i));
        }
    }

    /** The causes, in input order. */
    public List<Throwable> causes() {
        return causes;
    }
}
