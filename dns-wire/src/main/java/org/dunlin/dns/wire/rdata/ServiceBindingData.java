package org.dunlin.dns.wire.rdata;

import java.util.List;
import java.util.Optional;
import org.dunlin.dns.wire.Name;

/** Service binding: SVCB and HTTPS (RFC 9460 §2.2), which share one format. */
public sealed interface ServiceBindingData extends Rdata permits SvcbRdata, HttpsRdata {
    /** 0 for AliasMode, otherwise the ServiceMode priority. */
    int priority();

    /** The target name ("." means the owner name in ServiceMode, RFC 9460 §2.5). */
    Name target();

    /** The parameters in increasing key order. */
    List<SvcParam> params();

    /** Whether this is an AliasMode record (priority 0, RFC 9460 §2.4.2). */
    default boolean isAliasMode() {
        return priority() == 0;
    }

    /** The parameter with {@code key}, if present. */
    default Optional<SvcParam> param(SvcParamKey key) {
        for (SvcParam p : params()) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
