package org.dunlin.dns.wire;

import java.util.Objects;

/**
 * A question: the name, type and class asked for (RFC 1035 §4.1.2). Immutable; the name is absolute.
 *
 * @param name    the QNAME (case preserved; equality ignores case)
 * @param type    the QTYPE
 * @param rrClass the QCLASS
 */
public record Question(Name name, RRType type, RRClass rrClass) {
    public Question {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rrClass, "rrClass");
        if (!name.isAbsolute()) {
            throw new IllegalArgumentException("question name must be absolute: " + name);
        }
    }

    /** A class IN question for {@code name} (presentation form, see {@link Name#of(String)}). */
    public static Question of(String name, RRType type) {
        return new Question(Name.of(name), type, RRClass.IN);
    }

    /** A class IN question. */
    public static Question of(Name name, RRType type) {
        return new Question(name, type, RRClass.IN);
    }

    /** As dig prints it: {@code ;name.		IN	A} without the leading semicolon. */
    @Override
    public String toString() {
        return name + " " + rrClass + " " + type;
    }
}
