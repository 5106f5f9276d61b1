package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * RESINFO: resolver information as key=value character-strings (RFC 9606 §3), in TXT format.
 * <pre>
 *   /  one or more &lt;character-string&gt;s  /
 * </pre>
 */
public record ResinfoRdata(List<ByteString> strings) implements TextData {
    public ResinfoRdata {
        strings = Check.characterStrings(strings, "RESINFO");
    }

    @Override
    public RRType type() {
        return RRType.RESINFO;
    }
}
