package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;
import org.dunlin.dns.wire.internal.SvcParamsField;

/**
 * SVCB: RFC 9460 §2.2: general-purpose service binding. Class IN only. Parameters are kept sorted by key (the constructor sorts them and
 * rejects duplicates; the decoder rejects keys out of order, RFC 9460 §2.2), and every key listed in
 * {@code mandatory} must be present (RFC 9460 §8). The target is never compressed.
 * <pre>
 *   | SvcPriority (16) |  /  TargetName  /  /  SvcParams: (key (16), length (16), value)*  /
 * </pre>
 */
public record SvcbRdata(int priority, Name target, List<SvcParam> params) implements ServiceBindingData {
    public SvcbRdata {
        Check.u16(priority, "SVCB.priority");
        Check.absolute(target, "SVCB.target");
        params = SvcParamsField.normalize(params, "SVCB");
    }

    @Override
    public RRType type() {
        return RRType.SVCB;
    }
}
