package org.dunlin.properties;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RunnerSmokeProperties {
    @Property
    boolean reverseTwiceIsIdentity(@ForAll String s) {
        return new StringBuilder(s).reverse().reverse().toString().equals(s);
    }

    @Test
    void junitRuns() {
        assertEquals(4, 2 + 2);
    }
}
