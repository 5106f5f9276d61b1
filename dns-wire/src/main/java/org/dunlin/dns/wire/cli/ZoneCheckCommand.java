package org.dunlin.dns.wire.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.dunlin.dns.wire.zone.ZoneCheck;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.dunlin.dns.wire.zone.ZoneProblem;

/** {@code zone check --origin ORIGIN FILE}: prints {@code OK <n> records} or every problem as FILE:LINE:COL. */
public final class ZoneCheckCommand implements Subcommand {
    /** Syntax errors collected before giving up. */
    static final int MAX_ERRORS = 1000;

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "--origin ORIGIN FILE";
    }

    @Override
    public String summary() {
        return "check a zone file; print 'OK <n> records' or each error as FILE:LINE:COL: message";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ZoneArgs a = ZoneArgs.parse(args);
        ZoneCheck.Result r;
        try {
            r = ZoneCheck.run(ZoneParser.builder(a.origin()).collectErrors(MAX_ERRORS).build(), a.file());
        } catch (IOException e) {
            out.println(a.file() + ":0:0: cannot read: " + e.getMessage());
            return 1;
        }
        for (ZoneProblem w : r.warnings()) {
            err.println(w.file() + ":" + w.line() + ":" + w.column() + ": warning: " + w.message());
        }
        if (!r.ok()) {
            for (ZoneProblem p : r.errors()) {
                out.println(p);
            }
            return 1;
        }
        out.println("OK " + r.records().size() + " records");
        return 0;
    }
}
