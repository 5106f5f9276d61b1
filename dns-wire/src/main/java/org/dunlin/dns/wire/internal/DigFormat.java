package org.dunlin.dns.wire.internal;

import java.util.List;
import java.util.Locale;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Opcode;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.Section;
import org.dunlin.dns.wire.edns.ClientSubnet;
import org.dunlin.dns.wire.edns.Cookie;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.EdnsOption;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.dunlin.dns.wire.edns.Nsid;
import org.dunlin.dns.wire.edns.Padding;
import org.dunlin.dns.wire.edns.TcpKeepalive;
import org.dunlin.dns.wire.edns.UnknownOption;

/** Formats a message as dig (BIND 9.18) prints a response: header, flags, OPT pseudo-section, sections. */
public final class DigFormat {
    private DigFormat() {
    }

    private static final Flag[] FLAG_ORDER = {Flag.QR, Flag.AA, Flag.TC, Flag.RD, Flag.RA, Flag.AD, Flag.CD};

    /** The whole message. */
    public static String format(Message m) {
        StringBuilder sb = new StringBuilder(512);
        Opcode op = m.opcode();
        sb.append(";; ->>HEADER<<- opcode: ").append(op).append(", status: ").append(m.rcode()).append(", id: ").append(m.id()).append('\n');
        sb.append(";; flags:");
        for (Flag f : FLAG_ORDER) {
            if (m.isSet(f)) {
                sb.append(' ').append(f.name().toLowerCase(Locale.ROOT));
            }
        }
        if (m.isSet(Flag.Z)) {
            sb.append("; MBZ: 0x4");
        }
        boolean update = op.equals(Opcode.UPDATE);
        var h = m.header();
        sb.append("; ").append(update ? "ZONE" : "QUERY").append(": ").append(h.questionCount())
                .append(", ").append(update ? "PREREQ" : "ANSWER").append(": ").append(h.answerCount())
                .append(", ").append(update ? "UPDATE" : "AUTHORITY").append(": ").append(h.authorityCount())
                .append(", ADDITIONAL: ").append(h.additionalCount()).append('\n');
        if (m.edns().isPresent()) {
            sb.append('\n');
            appendEdns(sb, m.edns().get());
        }
        if (!m.question().isEmpty()) {
            sb.append(m.edns().isPresent() ? "" : "\n").append(";; ").append(Section.QUESTION.displayName(op)).append(" SECTION:\n");
            for (Question q : m.question()) {
                RecordText.appendQuestion(sb, q);
                sb.append('\n');
            }
        }
        appendSection(sb, Section.ANSWER, op, m.answer());
        appendSection(sb, Section.AUTHORITY, op, m.authority());
        List<Record> add = m.additional();
        Record tsig = m.tsig().orElse(null);
        appendSection(sb, Section.ADDITIONAL, op, tsig != null ? add.subList(0, add.size() - 1) : add);
        if (tsig != null) {
            sb.append("\n;; TSIG PSEUDOSECTION:\n");
            RecordText.append(sb, tsig);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void appendSection(StringBuilder sb, Section s, Opcode op, List<Record> records) {
        if (records.isEmpty()) {
            return;
        }
        sb.append("\n;; ").append(s.displayName(op)).append(" SECTION:\n");
        for (Record r : records) {
            RecordText.append(sb, r);
            sb.append('\n');
        }
    }

    /** The OPT pseudo-section. */
    public static void appendEdns(StringBuilder sb, Edns e) {
        sb.append(";; OPT PSEUDOSECTION:\n");
        sb.append("; EDNS: version: ").append(e.version()).append(", flags:");
        if (e.dnssecOk()) {
            sb.append(" do");
        }
        int mbz = e.flags() & ~Edns.FLAG_DO;
        sb.append(';');
        if (mbz != 0) {
            sb.append(" MBZ: 0x").append(String.format("%04x", mbz)).append(',');
        }
        sb.append(" udp: ").append(e.udpPayloadSize()).append('\n');
        for (EdnsOption o : e.options()) {
            sb.append("; ");
            if (o instanceof Nsid n) {
                sb.append("NSID: ");
                hexAndText(sb, n.id());
            } else if (o instanceof ClientSubnet c) {
                sb.append("CLIENT-SUBNET: ");
                byte[] a = c.address().getAddress();
                sb.append(a.length == 4 ? (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF) : TextUtil.formatIpv6(a));
                sb.append('/').append(c.sourcePrefixLength()).append('/').append(c.scopePrefixLength());
            } else if (o instanceof Cookie c) {
                sb.append("COOKIE: ").append(c.clientCookie().toHexLower()).append(c.serverCookie().toHexLower());
            } else if (o instanceof TcpKeepalive k) {
                sb.append("TCP-KEEPALIVE: ");
                if (k.timeout().isPresent()) {
                    int t = k.timeout().getAsInt();
                    sb.append(t / 10).append('.').append(t % 10).append(" secs");
                }
            } else if (o instanceof Padding p) {
                sb.append("PADDING: (").append(p.length()).append(" bytes)");
            } else if (o instanceof ExtendedError x) {
                sb.append("EDE: ").append(x.infoCode());
                if (!x.extraText().isEmpty()) {
                    sb.append(": (").append(x.extraText()).append(')');
                }
            } else if (o instanceof UnknownOption u) {
                sb.append(u.code()).append(": ");
                hexAndText(sb, u.data());
            }
            sb.append('\n');
        }
    }

    private static void hexAndText(StringBuilder sb, ByteString b) {
        for (int i = 0; i < b.length(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b.get(i)));
        }
        if (!b.isEmpty()) {
            sb.append(" (\"");
            for (int i = 0; i < b.length(); i++) {
                int c = b.get(i);
                sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            sb.append("\")");
        }
    }
}
