package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * TXT: RFC 1035 §3.3.14: one or more character-strings.
 * <pre>
 *   /  TXT-DATA: one or more &lt;character-string&gt;s (length octet + up to 255 octets)  /
 * </pre>
 */
public record TxtRdata(List<ByteString> strings) implements TextData {
    public TxtRdata {
        strings = Check.characterStrings(strings, "TXT");
    }

    /**
     * TXT data holding {@code texts} as UTF-8; a text longer than 255 octets is split into several
     * character-strings (as RFC 7208 §3.3 allows for SPF).
     */
    public static TxtRdata of(String... texts) {
        return new TxtRdata(Check.utf8CharacterStrings(texts));
    }

    @Override
    public RRType type() {
        return RRType.TXT;
    }
}
