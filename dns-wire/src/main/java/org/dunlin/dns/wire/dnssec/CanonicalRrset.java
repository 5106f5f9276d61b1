package org.dunlin.dns.wire.dnssec;

import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.dnssec.internal.Buf;
import org.dunlin.dns.wire.rdata.SignatureData;

/**
 * The octets an RRSIG signs (RFC 4034 §3.1.8.1):
 * <pre>
 *   signature = sign(RRSIG_RDATA | RR(1) | RR(2) | ...)
 *   RRSIG_RDATA = the RRSIG RDATA without the Signature field, signer's name in canonical form
 *   RR(i) = owner | type | class | original TTL | RDLENGTH | RDATA   (canonical form, RFC 4034 §6.2)
 * </pre>
 * with the RRs in canonical order and duplicates removed (RFC 4034 §6.3), names in RDATA lower-cased
 * for the types RFC 4034 §6.2 lists as amended by RFC 6840 §5.1 (NSEC's next name and unknown types
 * keep their case; the record model's {@code toCanonicalWire} applies these rules), and the owner
 * replaced by {@code *.<closest encloser>} when the RRSIG's Labels field shows that the RRset was
 * synthesised from a wildcard (RFC 4035 §5.3.2). Stateless.
 */
public final class CanonicalRrset {

    private CanonicalRrset() {
    }

    /**
     * The signed data for {@code rrsig} over {@code rrset}; the RRSIG's Signature field is ignored, so a
     * signer passes a template with an empty signature.
     *
     * @throws IllegalArgumentException if the Labels field exceeds the owner's label count
     */
    public static byte[] signedData(SignatureData rrsig, RRset rrset) {
        List<byte[]> rdata = rrset.canonicalRdata();
        byte[] owner = signedOwner(rrset.owner(), rrsig.labels()).toCanonicalWire();
        int estimate = 18 + rrsig.signerName().wireLength();
        for (byte[] r : rdata) {
            estimate += owner.length + 10 + r.length;
        }
        Buf out = new Buf(estimate);
        writeRdataWithoutSignature(out, rrsig);
        int type = rrset.type().value();
        int rrClass = rrset.rrClass().value();
        long ttl = rrsig.originalTtl();
        for (byte[] r : rdata) {
            out.bytes(owner).u16(type).u16(rrClass).u32(ttl).u16(r.length).bytes(r);
        }
        return out.toByteArray();
    }

    /**
     * The owner name used in the signed data: the owner itself, or {@code *.} followed by its rightmost
     * {@code labels} labels when the owner has more labels than the RRSIG says (RFC 4035 §5.3.2); the
     * leading {@code *} of a wildcard owner is not counted (RFC 4034 §3.1.3).
     *
     * @throws IllegalArgumentException if {@code labels} exceeds the owner's count
     */
    public static Name signedOwner(Name owner, int labels) {
        int count = labelsOf(owner);
        if (labels > count) {
            throw new IllegalArgumentException("RRSIG labels " + labels + " exceed the " + count
                    + " labels of " + owner);
        }
        if (labels == count) {
            return owner;
        }
        return owner.suffix(labels).child("*");
    }

    /** The RRSIG Labels value for an owner: its label count, not counting the root or a leading {@code *}. */
    public static int labelsOf(Name owner) {
        return owner.labelCount() - (owner.isWildcard() ? 1 : 0);
    }

    /** The RRSIG (or SIG) RDATA up to and without the Signature field, signer's name lower-cased. */
    static void writeRdataWithoutSignature(Buf out, SignatureData sig) {
        out.u16(sig.typeCovered().value()).u8(sig.algorithm()).u8(sig.labels()).u32(sig.originalTtl())
                .u32(sig.expiration()).u32(sig.inception()).u16(sig.keyTag())
                .bytes(sig.signerName().toCanonicalWire());
    }
}
