package org.dunlin.properties.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.OptRdata;
import org.dunlin.dns.wire.rdata.TsigRdata;
import org.dunlin.dns.wire.zone.ZoneParser;

/**
 * Zone text round trip: records printed one per line (as {@code zone print} prints them), in the
 * same zone file with relative owners under an {@code $ORIGIN} and omitted owners, parse back to the
 * same records.
 */
class ZoneRoundTripProperties {
    @Provide
    Arbitrary<List<Record>> zones() {
        return WireArbitraries.record()
                .filter(r -> r.rrClass().equals(RRClass.IN) && !(r.rdata() instanceof OptRdata) && !(r.rdata() instanceof TsigRdata))
                .list().ofMaxSize(20);
    }

    @Property
    void printedZonesParseBack(@ForAll("zones") List<Record> records) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Record r : records) {
            text.append(r).append('\n');
        }
        assertEquals(records, ZoneParser.of(Name.ROOT).parse(text.toString(), "printed.zone"));
    }

    @Property
    void relativeAndOmittedOwners(@ForAll("zones") List<Record> records) throws Exception {
        Name origin = Name.of("origin.example");
        StringBuilder text = new StringBuilder("$ORIGIN origin.example.\n");
        List<Record> expected = new ArrayList<>();
        Name previous = null;
        for (Record r : records) {
            Name owner = r.owner();
            String ownerText;
            if (owner.equals(previous)) {
                ownerText = "";           // omitted: the previous owner (RFC 1035 §5.1)
            } else if (owner.isSubdomainOf(origin)) {
                ownerText = owner.relativize(origin).toString();
            } else {
                ownerText = owner.toString();
            }
            text.append(ownerText).append('\t').append(r.ttl()).append('\t').append(r.rrClass()).append('\t')
                    .append(r.type()).append('\t').append(r.rdata().toText()).append('\n');
            expected.add(r);
            previous = owner;
        }
        assertEquals(expected, ZoneParser.of(origin).parse(text.toString(), "relative.zone"));
    }
}
