package org.dunlin.dns.resolver;

/**
 * Thrown by {@link LookupResult#valuesOrThrow()} for every outcome but an answer; carries that outcome so
 * callers can still tell NXDOMAIN from a timeout.
 */
public final class LookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient LookupResult<?> result;

    /** An exception for {@code result}, with a message naming its status and name. */
    public LookupException(LookupResult<?> result) {
        super(result.status() + " for " + result.name() + describe(result));
        this.result = result;
    }

    /** The outcome that was not an answer. */
    public LookupResult<?> result() {
        return result;
    }

    private static String describe(LookupResult<?> r) {
        if (r instanceof LookupResult.ServFail<?> s) {
            return ": " + s.rcode() + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")") + edes(s.errors());
        }
        if (r instanceof LookupResult.Timeout<?> t) {
            return t.detail().isEmpty() ? "" : ": " + t.detail();
        }
        if (r instanceof LookupResult.Bogus<?> b) {
            return edes(b.errors());
        }
        if (r instanceof LookupResult.Refused<?> f) {
            return edes(f.errors());
        }
        return "";
    }

    private static String edes(java.util.List<org.dunlin.dns.wire.edns.ExtendedError> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" [EDE");
        for (var e : errors) {
            sb.append(' ').append(e.infoCode().value()).append(" ").append(e.infoCode());
            if (!e.extraText().isEmpty()) {
                sb.append(": ").append(e.extraText());
            }
        }
        return sb.append(']').toString();
    }
}
