package org.dunlin.dns.wire.tsig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dunlin.dns.wire.Name;

/**
 * The keys a server accepts, looked up by key name (case-insensitively). Immutable and thread-safe.
 */
public final class TsigKeyring {

    private final Map<Name, TsigKey> byName;

    private TsigKeyring(Map<Name, TsigKey> byName) {
        this.byName = byName;
    }

    /**
     * A keyring of these keys.
     *
     * @throws IllegalArgumentException if two keys share a name
     */
    public static TsigKeyring of(Collection<TsigKey> keys) {
        Map<Name, TsigKey> map = new LinkedHashMap<>();
        for (TsigKey key : keys) {
            if (map.put(key.name(), key) != null) {
                throw new IllegalArgumentException("duplicate TSIG key name " + key.name());
            }
        }
        return new TsigKeyring(map);
    }

    /** A keyring of these keys. */
    public static TsigKeyring of(TsigKey... keys) {
        return of(List.of(keys));
    }

    /** The key with this name (any case), if present. */
    public Optional<TsigKey> find(Name name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All keys, in insertion order. */
    public List<TsigKey> keys() {
        return List.copyOf(new ArrayList<>(byName.values()));
    }
}
