package kg.borderlands.serve.guard;

import kg.borderlands.serve.http.HttpProblem;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate stops heavy queries, and only them, when the heap in use after collection passes its limit. */
class QueryGateMemoryTest {

    @Test
    void heavyQueriesAreCancelledUnderMemoryPressureCheapOnesGoOn() throws Exception {
        AtomicReference<Double> heap = new AtomicReference<>(0.10);
        try (QueryGate gate = new QueryGate(4, 1, 5, 1, heap::get)) {
            AtomicReference<QueryTicket> heavy = new AtomicReference<>();
            AtomicReference<QueryTicket> cheap = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            Thread spinner = new Thread(() -> {
                QueryTicket t = gate.enter();
                heavy.set(t);
                long x = 0;
                while (t.problem() == null && release.getCount() > 0) x += System.nanoTime() % 7;   // burns CPU
                if (x == 42) System.out.print("");
                done.countDown();
                gate.exit(t);
            });
            Thread idle = new Thread(() -> {
                QueryTicket t = gate.enter();
                cheap.set(t);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
                gate.exit(t);
            });
            spinner.start();
            idle.start();
            long until = System.currentTimeMillis() + 10_000;
            while ((heavy.get() == null || !heavy.get().heavy()) && System.currentTimeMillis() < until) Thread.sleep(10);
            assertTrue(heavy.get().heavy(), "the spinning query took a heavy slot");
            Thread.sleep(100);
            assertNull(heavy.get().problem(), "no memory pressure yet: the heavy query runs on");

            heap.set(0.90);
            while (heavy.get().problem() == null && System.currentTimeMillis() < until) Thread.sleep(10);
            HttpProblem p = heavy.get().problem();
            assertEquals(503, p.status());
            assertEquals(HttpProblem.BUSY, p.code());
            assertTrue(p.message().contains("short of memory"), p.message());
            assertFalse(cheap.get().heavy());
            assertNull(cheap.get().problem(), "a cheap query is not cancelled for memory");
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void theHeapReadingIsAShareOfTheMaximum() {
        double share = QueryGate.heapInUseAfterCollection();
        assertTrue(share >= 0 && share <= 1.0, "share " + share);
    }
}
