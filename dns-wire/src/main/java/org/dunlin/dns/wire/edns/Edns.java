package org.dunlin.dns.wire.edns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dunlin.dns.wire.internal.Check;

/**
 * The EDNS(0) information of a message (RFC 6891 §6.1.3): a typed view of its OPT pseudo-record. The
 * extended RCODE bits are not here: {@code Message.rcode()} holds the full 12-bit code and the encoder
 * splits it between header and OPT.
 *
 * @param udpPayloadSize the requestor's UDP payload size (values below 512 are treated as 512,
 *                       RFC 6891 §6.2.5, but kept as received)
 * @param version        the EDNS version (0; a server answers BADVERS to others)
 * @param flags          the 16 flag bits, DO (0x8000, RFC 3225) among them
 * @param options        the options in message order
 */
public record Edns(int udpPayloadSize, int version, int flags, List<EdnsOption> options) {
    /** The DNSSEC OK flag (RFC 3225 §3). */
    public static final int FLAG_DO = 0x8000;

    /** EDNS version 0 with the payload size of DNS flag day 2020 (1232), no flags, no options. */
    public static final Edns DEFAULT = new Edns(1232, 0, 0, List.of());

    public Edns {
        Check.u16(udpPayloadSize, "EDNS UDP payload size");
        Check.u8(version, "EDNS version");
        Check.u16(flags, "EDNS flags");
        options = Check.list(options, "EDNS options");
    }

    /** Whether DO is set. */
    public boolean dnssecOk() {
        return (flags & FLAG_DO) != 0;
    }

    /** The payload size a responder may use: at least 512 (RFC 6891 §6.2.5). */
    public int effectivePayloadSize() {
        return Math.max(512, udpPayloadSize);
    }

    /** A copy with DO set or cleared. */
    public Edns withDnssecOk(boolean dnssecOk) {
        return new Edns(udpPayloadSize, version, dnssecOk ? flags | FLAG_DO : flags & ~FLAG_DO, options);
    }

    /** A copy with another payload size. */
    public Edns withUdpPayloadSize(int size) {
        return new Edns(size, version, flags, options);
    }

    /** A copy with {@code option} added, replacing any option with the same code. */
    public Edns withOption(EdnsOption option) {
        List<EdnsOption> l = new ArrayList<>(options.size() + 1);
        for (EdnsOption o : options) {
            if (!o.code().equals(option.code())) {
                l.add(o);
            }
        }
        l.add(option);
        return new Edns(udpPayloadSize, version, flags, l);
    }

    /** A copy without options. */
    public Edns withoutOptions() {
        return new Edns(udpPayloadSize, version, flags, List.of());
    }

    /** The first option of class {@code type}, e.g. {@code option(Cookie.class)}. */
    public <T extends EdnsOption> Optional<T> option(Class<T> type) {
        for (EdnsOption o : options) {
            if (type.isInstance(o)) {
                return Optional.of(type.cast(o));
            }
        }
        return Optional.empty();
    }

    /** The first option with {@code code}. */
    public Optional<EdnsOption> option(EdnsOptionCode code) {
        for (EdnsOption o : options) {
            if (o.code().equals(code)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
