package org.dunlin.dns.wire;

/** A message section (RFC 1035 §4.1); dynamic update renames them (RFC 2136 §2). */
public enum Section {
    QUESTION("QUESTION", "ZONE"),
    ANSWER("ANSWER", "PREREQUISITE"),
    AUTHORITY("AUTHORITY", "UPDATE"),
    ADDITIONAL("ADDITIONAL", "ADDITIONAL");

    private final String queryName;
    private final String updateName;

    Section(String queryName, String updateName) {
        this.queryName = queryName;
        this.updateName = updateName;
    }

    /** The section's name as dig prints it for {@code opcode}. */
    public String displayName(Opcode opcode) {
        return opcode.equals(Opcode.UPDATE) ? updateName : queryName;
    }
}
