package org.dunlin.dns.authority.internal;

/**
 * Copies RRsets from a zone's arena into a response: owner references, type, class IN, TTL, and RDATA
 * with the embedded names compressed where RFC 3597 §4 allows it (the RFC 1035 types: NS, MD, MF,
 * CNAME, SOA, MB, MG, MR, PTR, MINFO, MX). Every other type's RDATA is copied as stored, which also keeps
 * names that must not be compressed (SRV, NAPTR, RRSIG signer, NSEC next name, ...) as they are.
 */
final class RecordWriter {
    private RecordWriter() {
    }

    /**
     * Writes the records of the set at {@code set} with TTL {@code ttl}. The owner of every record is a
     * reference to the name written at {@code ownerPos} ({@code ownerLen} octets); when
     * {@code firstOwnerWritten}, the caller has just written the first record's owner there itself.
     * Returns the offset of the first record's RDATA in the response, or -1 if nothing was written.
     */
    static int write(ResponseWriter out, ZoneData z, int set, int ownerPos, int ownerLen, long ttl,
            boolean firstOwnerWritten) {
        byte[] d = z.data;
        int type = z.setType(set);
        int r = ZoneData.firstRecord(set);
        int firstRdata = -1;
        boolean skipOwner = firstOwnerWritten;
        for (int i = z.setCount(set); i > 0; i--) {
            if (skipOwner) {
                skipOwner = false;
            } else {
                out.nameRef(ownerPos, ownerLen);
            }
            int rdlen = (d[r] & 0xFF) << 8 | d[r + 1] & 0xFF;
            int rd = r + 2;
            out.u16(type);
            out.u16(1);
            out.u32(ttl);
            int lenAt = out.position();
            out.u16(rdlen);
            int rdataAt = out.position();
            if (firstRdata < 0) {
                firstRdata = rdataAt;
            }
            switch (type) {
                case 2: case 3: case 4: case 5: case 7: case 8: case 9: case 12:
                    // NS, MD, MF, CNAME, MB, MG, MR, PTR: one name
                    out.name(d, rd, true);
                    out.patch16(lenAt, out.position() - rdataAt);
                    break;
                case 15:
                    // MX: PREFERENCE, EXCHANGE
                    out.bytes(d, rd, 2);
                    out.name(d, rd + 2, true);
                    out.patch16(lenAt, out.position() - rdataAt);
                    break;
                case 6: case 14: {
                    // SOA: MNAME, RNAME, five 32-bit fields; MINFO: RMAILBX, EMAILBX
                    int second = rd + WireNames.length(d, rd);
                    out.name(d, rd, true);
                    out.name(d, second, true);
                    if (type == 6) {
                        out.bytes(d, second + WireNames.length(d, second), 20);
                    }
                    out.patch16(lenAt, out.position() - rdataAt);
                    break;
                }
                default:
                    out.bytes(d, rd, rdlen);
            }
            out.counted();
            r = rd + rdlen;
        }
        return firstRdata;
    }
}
