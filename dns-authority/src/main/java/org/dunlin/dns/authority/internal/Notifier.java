package org.dunlin.dns.authority.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Opcode;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.tsig.SignedMessage;
import org.dunlin.dns.wire.tsig.Tsig;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.RetryPolicy;
import org.dunlin.futures.io.IoRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells secondaries that a zone changed (DNS NOTIFY, RFC 1996), so that they ask for its SOA and
 * transfer it at once instead of at their next refresh. For each target, one NOTIFY over UDP from a fresh
 * random port with a random ID (signed with a TSIG key if one is given), repeated until the target
 * answers with a matching NOTIFY response: {@value #ATTEMPTS} tries, 1 s apart and then doubling (§3.6).
 * The outcome is logged.
 *
 * <p>Thread-safe. Exchanges run on the runtime's UDP selector thread and timer; {@link #close()}
 * cancels those still running, and must be called before the runtime closes.
 */
public final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final int ATTEMPTS = 5;
    private static final Duration TRY_TIMEOUT = Duration.ofSeconds(1);
    private static final int RCODE_NOERROR = 0;

    private final IoRuntime runtime;
    private final List<InetSocketAddress> targets;
    private final TsigKey key;
    private final Tsig tsig = new Tsig(Clock.systemUTC());
    private final SecureRandom random = new SecureRandom();
    private final RetryPolicy policy;
    private final Set<Promise<?>> running = ConcurrentHashMap.newKeySet();

    /** A notifier sending to {@code targets} through {@code runtime}, signing with {@code key} (or null). */
    public Notifier(IoRuntime runtime, List<InetSocketAddress> targets, TsigKey key) {
        this.runtime = runtime;
        this.targets = List.copyOf(targets);
        this.key = key;
        this.policy = RetryPolicy.builder().maxAttempts(ATTEMPTS).backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(16))
                .retryOn(x -> !(x instanceof CancellationException) && !(x instanceof Refused)).build();
    }

    /** Whether there is anyone to notify. */
    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** Notifies every target that {@code zone} changed; each outcome is logged when it is known. */
    public void zoneChanged(Zone zone) {
        if (targets.isEmpty()) {
            return;
        }
        Message notify = Message.builder().opcode(Opcode.NOTIFY).flags(Flag.AA).question(zone.origin(), RRType.SOA)
                .answer(zone.rrset(zone.origin(), RRType.SOA).orElseThrow().records()).build();
        for (InetSocketAddress target : targets) {
            Promise<Integer> one = Futures.retry(() -> attempt(notify, target), policy, runtime.timer());
            running.add(one);
            one.whenComplete((rcode, x) -> {
                running.remove(one);
                if (x == null) {
                    LOG.info("NOTIFY {} serial {}: acknowledged by {}", zone.origin(), zone.serial(), target);
                } else if (!(Promise.unwrap(x) instanceof CancellationException)) {
                    Throwable cause = Promise.unwrap(x);
                    LOG.warn("NOTIFY {} serial {}: {} did not acknowledge: {}", zone.origin(), zone.serial(), target,
                            cause.getMessage() != null ? cause.getMessage() : cause.toString());
                }
            });
        }
    }

    /** One NOTIFY to {@code target}: completes with its NOERROR acknowledgement, or fails. */
    private Promise<Integer> attempt(Message notify, InetSocketAddress target) {
        int id = random.nextInt(0x10000);
        byte[] wire = notify.toBuilder().id(id).build().toWire();
        byte[] mac;
        if (key != null) {
            SignedMessage s = tsig.signRequest(key, wire);
            wire = s.wire();
            mac = s.mac();
        } else {
            mac = null;
        }
        return runtime.exchangeUdp(target, ByteBuffer.wrap(wire), TRY_TIMEOUT, datagram -> {
            byte[] b = new byte[datagram.remaining()];
            datagram.get(b);
            // RFC 1996 §4.7: the response echoes ID, QR set, opcode NOTIFY; anything else is not ours
            if (b.length < 12 || ((b[0] & 0xFF) << 8 | b[1] & 0xFF) != id || (b[2] & 0x80) == 0 || (b[2] >>> 3 & 0xF) != 4) {
                return null;
            }
            if (mac != null && !tsig.verifyResponse(key, mac, b).isVerified()) {
                return null; // unsigned or forged: keep waiting for the real answer
            }
            int rcode = b[3] & 0xF;
            if (rcode != RCODE_NOERROR) {
                throw new Refused("answered with RCODE " + rcode);
            }
            return rcode;
        });
    }

    /** Cancels the notifications still being sent. */
    @Override
    public void close() {
        for (Promise<?> p : running) {
            p.cancel(false);
        }
    }

    /** A target refused the NOTIFY: trying again would not help. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
