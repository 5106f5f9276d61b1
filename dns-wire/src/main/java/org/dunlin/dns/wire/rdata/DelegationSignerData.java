package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;

/** A delegation signer: DS (RFC 4034 §5), CDS (RFC 7344 §3.1), and the historic TA and DLV (RFC 4431), which share one format. */
public sealed interface DelegationSignerData extends Rdata permits DsRdata, CdsRdata, TaRdata, DlvRdata {
    int keyTag();

    int algorithm();

    int digestType();

    ByteString digest();
}
