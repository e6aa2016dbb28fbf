package kg.borderlands.load;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** When the build's collector counts as thrashing (GcThrashGuard), and that the guard stays off in the tests' JVM. */
class GcThrashGuardTest {
    @Test
    void nineTenthsOfAFullWindowSpentCollectingIsThrashing() {
        assertTrue(GcThrashGuard.thrashing(10_000, 9_000));
        assertTrue(GcThrashGuard.thrashing(12_000, 11_500));
        assertFalse(GcThrashGuard.thrashing(10_000, 8_999), "a busy collector, not thrashing");
        assertFalse(GcThrashGuard.thrashing(9_000, 9_000), "less than the window: not yet judged");
    }

    @Test
    void notStartedOutsideLoadsOwnProcess() throws Exception {
        AtomicBoolean fired = new AtomicBoolean();
        try (GcThrashGuard g = GcThrashGuard.start(() -> fired.set(true))) {
            assertNotNull(g);
        }
        assertFalse(fired.get());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("gc-thrash-guard")),
                "no guard thread in a process that did not enable it (it halts the JVM)");
    }
}
