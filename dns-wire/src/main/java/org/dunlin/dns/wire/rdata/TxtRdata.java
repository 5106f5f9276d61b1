package org.dunlin.dns.wire.rdata;

import java.util.ArrayList;
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
        strings = Check.list(strings, "TXT.strings");
        if (strings.isEmpty()) {
            throw new IllegalArgumentException("TXT needs at least one character-string");
        }
        for (ByteString s : strings) {
            Check.bytes(s, 0, 255, "TXT.strings element");
        }
    }

    /**
     * TXT data holding {@code texts} as UTF-8; a text longer than 255 octets is split into several
     * character-strings (as RFC 7208 §3.3 allows for SPF).
     */
    public static TxtRdata of(String... texts) {
        List<ByteString> out = new ArrayList<>();
        for (String t : texts) {
            ByteString b = ByteString.ofUtf8(t);
            if (b.length() <= 255) {
                out.add(b);
            } else {
                for (int i = 0; i < b.length(); i += 255) {
                    out.add(b.substring(i, Math.min(b.length(), i + 255)));
                }
            }
        }
        return new TxtRdata(out);
    }

    @Override
    public RRType type() {
        return RRType.TXT;
    }
}
