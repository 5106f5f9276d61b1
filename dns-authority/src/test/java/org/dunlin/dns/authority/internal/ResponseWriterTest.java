package org.dunlin.dns.authority.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.junit.jupiter.api.Test;

/** The response buffer: compression that decodes to the same names, and truncation at unit boundaries. */
class ResponseWriterTest {
    private static final byte[] QUERY = Message.builder().id(0x1234).question(Name.of("www.Example.COM."), RRType.A).build().toWire();

    private static ResponseWriter begun() {
        ResponseWriter w = new ResponseWriter();
        w.begin(QUERY, 0, 0x8400, QUERY.length - 12);
        return w;
    }

    /** Writes an NS record owned by {@code owner} pointing at {@code target}. */
    private static void ns(ResponseWriter w, String owner, String target) {
        w.name(Name.of(owner).toWire(), 0, true);
        w.u16(2);
        w.u16(1);
        w.u32(60);
        int lenAt = w.position();
        w.u16(0);
        int at = w.position();
        w.name(Name.of(target).toWire(), 0, true);
        w.patch16(lenAt, w.position() - at);
        w.counted();
    }

    @Test
    void compressedNamesDecodeToTheSameNamesIgnoringCase() throws Exception {
        ResponseWriter w = begun();
        List<String[]> records = List.of(new String[] {"www.example.com.", "ns1.example.com."},
                new String[] {"example.com.", "ns1.EXAMPLE.com."}, new String[] {"a.b.c.", "x.a.b.c."},
                new String[] {"x.a.b.c.", "www.example.com."}, new String[] {".", "com."});
        for (String[] r : records) {
            assertTrue(w.beginUnit(false));
            ns(w, r[0], r[1]);
            w.endUnit(ResponseWriter.MAX_MESSAGE);
        }
        assertFalse(w.finish(65535));
        byte[] out = Arrays.copyOf(w.buffer(), w.length());
        Message m = Message.fromWire(out);
        assertEquals(records.size(), m.answer().size());
        for (int i = 0; i < records.size(); i++) {
            Record r = m.answer().get(i);
            assertEquals(Name.of(records.get(i)[0]), r.owner());
            assertEquals(Name.of(records.get(i)[1]), ((org.dunlin.dns.wire.rdata.NsRdata) r.rdata()).nameServer());
        }
        assertEquals(113, out.length, "every name compressed as far as it can be");
    }

    @Test
    void truncationKeepsWholeUnitsAndSetsTcForAnswerData() throws Exception {
        ResponseWriter w = begun();
        for (int i = 0; i < 40; i++) {
            assertTrue(w.beginUnit(false));
            ns(w, "n" + i + ".example.org.", "target" + i + ".example.net.");
            w.endUnit(ResponseWriter.MAX_MESSAGE);
        }
        assertTrue(w.finish(512));
        assertTrue(w.length() <= 512);
        Message m = Message.fromWire(Arrays.copyOf(w.buffer(), w.length()));
        assertTrue(m.isSet(Flag.TC));
        assertTrue(m.answer().size() > 5 && m.answer().size() < 40, "kept what fits: " + m.answer().size());
    }

    @Test
    void droppingOptionalAdditionalDataLeavesTcClearButRequiredGlueSetsIt() throws Exception {
        for (boolean required : new boolean[] {false, true}) {
            ResponseWriter w = begun();
            assertTrue(w.beginUnit(false));
            ns(w, "example.com.", "ns.example.com.");
            w.endUnit(ResponseWriter.MAX_MESSAGE);
            w.section(3);
            for (int i = 0; i < 40; i++) {
                assertTrue(w.beginUnit(required));
                ns(w, "glue" + i + ".example.com.", "x" + i + ".example.net.");
                w.endUnit(ResponseWriter.MAX_MESSAGE);
            }
            assertEquals(required, w.finish(512));
            Message m = Message.fromWire(Arrays.copyOf(w.buffer(), w.length()));
            assertEquals(1, m.answer().size());
            assertTrue(m.additional().size() > 3 && m.additional().size() < 40);
        }
    }

    @Test
    void ownersPast16KiBAreCopiedNotPointedAt() throws Exception {
        ResponseWriter w = begun();
        for (int i = 0; i < 500; i++) {
            assertTrue(w.beginUnit(false));
            int owner = w.position();
            w.name(Name.of("host-number-" + i + ".example.com.").toWire(), 0, true);
            int ownerLen = w.position() - owner;
            for (int k = 0; k < 2; k++) {
                if (k > 0) {
                    w.nameRef(owner, ownerLen);
                }
                w.u16(1);
                w.u16(1);
                w.u32(60);
                w.u16(4);
                w.u32(0xC0000200L + i);
                w.counted();
            }
            w.endUnit(ResponseWriter.MAX_MESSAGE);
        }
        assertFalse(w.finish(65535));
        assertTrue(w.length() > 0x4000);
        Message m = Message.fromWire(Arrays.copyOf(w.buffer(), w.length()));
        assertEquals(1000, m.answer().size());
        assertEquals(Name.of("host-number-499.example.com."), m.answer().get(999).owner());
    }
}
