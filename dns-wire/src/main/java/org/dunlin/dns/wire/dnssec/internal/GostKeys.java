package org.dunlin.dns.wire.dnssec.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;

/** Access to the GOST key factory for PEM import; only call when Bouncy Castle is present. */
public final class GostKeys {

    private GostKeys() {
    }

    /** Bouncy Castle's ECGOST3410 key factory, through the private provider instance. */
    public static KeyFactory keyFactory() throws GeneralSecurityException {
        return GostSuite.keyFactory();
    }
}
