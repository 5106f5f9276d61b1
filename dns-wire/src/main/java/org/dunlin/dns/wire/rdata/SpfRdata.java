package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * SPF: RFC 7208 §3.1 (type 99, historic): the same format as TXT.
 * <pre>
 *   /  TXT-DATA: one or more &lt;character-string&gt;s (length octet + up to 255 octets)  /
 * </pre>
 */
public record SpfRdata(List<ByteString> strings) implements TextData {
    public SpfRdata {
        strings = Check.characterStrings(strings, "SPF");
    }

    /**
     * SPF data holding {@code texts} as UTF-8; a text longer than 255 octets is split into several
     * character-strings (as RFC 7208 §3.3 allows for SPF).
     */
    public static SpfRdata of(String... texts) {
        return new SpfRdata(Check.utf8CharacterStrings(texts));
    }

    @Override
    public RRType type() {
        return RRType.SPF;
    }
}
