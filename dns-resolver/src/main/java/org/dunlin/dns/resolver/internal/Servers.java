package org.dunlin.dns.resolver.internal;

import java.net.InetSocketAddress;

/** How servers are written in messages: {@code 192.0.2.1#53}, as dig writes them. */
public final class Servers {
    private Servers() {
    }

    public static String format(InetSocketAddress a) {
        return (a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString()) + "#" + a.getPort();
    }
}
