package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.ByteString;

/** RDATA made of one or more character-strings: TXT, SPF, AVC and RESINFO (RFC 1035 §3.3.14, RFC 7208 §3, RFC 9606 §3). */
public sealed interface TextData extends Rdata permits TxtRdata, SpfRdata, AvcRdata, ResinfoRdata {
    /** The character-strings, each at most 255 octets. */
    List<ByteString> strings();

    /** The strings decoded as UTF-8 and concatenated (RFC 7208 §3.3 joins SPF strings this way). */
    default String text() {
        StringBuilder sb = new StringBuilder();
        for (ByteString s : strings()) {
            sb.append(s.toUtf8());
        }
        return sb.toString();
    }
}
