package org.dunlin.dns.authority.internal;

/**
 * Everything answering one query needs that would otherwise be allocated per query: the parsed query,
 * the response buffer, scratch space for names met along CNAME and DNAME chains, the additional-section
 * work list, and the counters. One per thread that answers (each UDP worker owns one; TCP I/O threads
 * get one each); never shared between threads at the same time.
 */
public final class Workspace {
    final ParsedQuery query = new ParsedQuery();
    final ResponseWriter out = new ResponseWriter();
    final Counters counters = new Counters();
    final Resolver resolver;
    /** The zone whose transfer {@link QueryEngine#answer} accepted, until {@link QueryEngine#transfer} takes it. */
    ZoneData transfer;
    /** The TSIG check of the transfer's request (null if unsigned), until {@link QueryEngine#transfer} takes it. */
    org.dunlin.dns.wire.tsig.TsigVerification transferTsig;

    // The name being resolved when it is not the question's: label starts and suffix hashes.
    final int[] starts = new int[WireNames.MAX_LABELS + 1];
    final int[] hashes = new int[WireNames.MAX_LABELS + 1];
    // Synthesized names (DNAME) alternate between two buffers: each is built from the previous one.
    final byte[][] names = {new byte[256], new byte[256]};
    int nextNameBuffer;

    // Chains: nodes visited, with the hash of the owner name they were reached by.
    static final int MAX_CHAIN = 16;
    final int[] chainNodes = new int[MAX_CHAIN + 1];
    final int[] chainHashes = new int[MAX_CHAIN + 1];
    int chain;

    // Additional-section work: targets (offsets of names in the zone's arena) and their kind.
    static final int MAX_ADDITIONAL = 64;
    final int[] addNames = new int[MAX_ADDITIONAL];
    final byte[] addKind = new byte[MAX_ADDITIONAL];
    final int[] addDone = new int[MAX_ADDITIONAL];
    int additional;

    // Canonical-order comparisons (NSEC denial) and relative names.
    final int[] scratchA = new int[WireNames.MAX_LABELS];
    final int[] scratchB = new int[WireNames.MAX_LABELS];
    final byte[] relName = new byte[256];

    /** A fresh workspace. */
    public Workspace() {
        this.resolver = new Resolver(this);
    }

    /** This workspace's counters. */
    public Counters counters() {
        return counters;
    }

    /** The response buffer. */
    public ResponseWriter out() {
        return out;
    }

    /** The query last parsed. */
    public ParsedQuery query() {
        return query;
    }
}
