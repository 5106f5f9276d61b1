package org.dunlin.dns.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SRTT ordering: configured order first, fast servers rise, dead ones sink and come back, rotate. */
class ServerRankingTest {

    @Test
    void startsInConfiguredOrderAndFollowsMeasuredRtt() {
        ServerRanking r = new ServerRanking(3, false);
        assertEquals(List.of(0, 1, 2), r.order());
        r.answered(0, 50_000_000);   // 50 ms
        r.answered(1, 1_000_000);    // 1 ms
        r.answered(2, 10_000_000);   // 10 ms
        assertEquals(List.of(1, 2, 0), r.order());
        r.failed(1, 2_000_000_000L); // a 2 s timeout
        assertEquals(List.of(2, 0, 1), r.order());
    }

    @Test
    void aServerPassedOverIsTriedAgainEventually() {
        ServerRanking r = new ServerRanking(2, false);
        r.failed(0, 2_000_000_000L);
        r.answered(1, 1_000_000);
        int rounds = 0;
        while (r.order().get(0) != 0) {
            rounds++;
            r.answered(1, 1_000_000);
        }
        assertEquals(true, rounds > 10 && rounds < 1000, "rounds " + rounds);
    }

    @Test
    void rotateGoesRoundRobin() {
        ServerRanking r = new ServerRanking(3, true);
        assertEquals(List.of(0, 1, 2), r.order());
        assertEquals(List.of(1, 2, 0), r.order());
        assertEquals(List.of(2, 0, 1), r.order());
    }
}
