package org.dunlin.dns.wire.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.internal.RecordText;
import org.dunlin.dns.wire.zone.ZoneCheck;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.dunlin.dns.wire.zone.ZoneProblem;

/**
 * {@code zone print --origin ORIGIN FILE}: the zone in canonical order, one record per line with
 * absolute owner, TTL and class: the records {@code named-compilezone -s full} prints.
 */
public final class ZonePrintCommand implements Subcommand {
    @Override
    public String name() {
        return "print";
    }

    @Override
    public String usage() {
        return "--origin ORIGIN FILE";
    }

    @Override
    public String summary() {
        return "print a zone in canonical order, one record per line (as named-compilezone -s full)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ZoneArgs a = ZoneArgs.parse(args);
        ZoneCheck.Result r;
        try {
            r = ZoneCheck.run(ZoneParser.builder(a.origin()).collectErrors(ZoneCheckCommand.MAX_ERRORS).build(), a.file());
        } catch (IOException e) {
            err.println(a.file() + ":0:0: cannot read: " + e.getMessage());
            return 1;
        }
        for (ZoneProblem w : r.warnings()) {
            err.println(w.file() + ":" + w.line() + ":" + w.column() + ": warning: " + w.message());
        }
        if (!r.ok()) {
            for (ZoneProblem p : r.errors()) {
                err.println(p);
            }
            return 1;
        }
        StringBuilder sb = new StringBuilder(256);
        for (Record rec : r.records()) {
            sb.setLength(0);
            RecordText.append(sb, rec);
            out.println(sb);
        }
        out.flush();
        return out.checkError() ? 1 : 0;
    }
}
