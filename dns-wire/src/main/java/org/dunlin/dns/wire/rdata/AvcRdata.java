package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * AVC: application visibility and control (IANA type 258), in TXT format.
 * <pre>
 *   /  one or more &lt;character-string&gt;s  /
 * </pre>
 */
public record AvcRdata(List<ByteString> strings) implements TextData {
    public AvcRdata {
        strings = Check.characterStrings(strings, "AVC");
    }

    @Override
    public RRType type() {
        return RRType.AVC;
    }
}
