package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * HIP: a Host Identity Protocol record (RFC 8005 §5). The HIT and public key lengths of the wire form
 * are derived from the components; rendezvous server names are never compressed.
 * <pre>
 *   | HIT LENGTH (8) | PK ALGORITHM (8) |  PK LENGTH (16)  |
 *   /  HIT  /  PUBLIC KEY  /  RENDEZVOUS SERVERS (names)  /
 * </pre>
 */
public record HipRdata(int publicKeyAlgorithm, ByteString hit, ByteString publicKey, List<Name> rendezvousServers)
        implements Rdata {
    public HipRdata {
        Check.u8(publicKeyAlgorithm, "HIP.publicKeyAlgorithm");
        Check.bytes(hit, 1, 255, "HIP.hit");
        Check.bytes(publicKey, 1, 65535, "HIP.publicKey");
        rendezvousServers = Check.list(rendezvousServers, "HIP.rendezvousServers");
        for (Name n : rendezvousServers) {
            Check.absolute(n, "HIP.rendezvousServers element");
        }
    }

    @Override
    public RRType type() {
        return RRType.HIP;
    }
}
