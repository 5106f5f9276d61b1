package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;

/** A certificate association: TLSA (RFC 6698 §2.1) and SMIMEA (RFC 8162 §2), which share one format. */
public sealed interface CertificateAssociationData extends Rdata permits TlsaRdata, SmimeaRdata {
    int usage();

    int selector();

    int matchingType();

    ByteString data();
}
