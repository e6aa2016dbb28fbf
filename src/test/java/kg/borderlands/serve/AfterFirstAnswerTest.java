package kg.borderlands.serve;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The start's background work begins after the first answer, once; or after the longest wait without one. */
class AfterFirstAnswerTest {
    @Test
    void theWorkStartsAfterTheFirstAnswerAndOnlyOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        AfterFirstAnswer f = AfterFirstAnswer.start(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }, 60_000);
        CountDownLatch inChain = new CountDownLatch(1);
        f.doFilter(null, null, (rq, rs) -> {
            assertEquals(0, runs.get(), "not while the first request runs");
            inChain.countDown();
        });
        assertEquals(0, inChain.getCount());
        assertTrue(ran.await(10, TimeUnit.SECONDS), "started once the first request was answered");
        f.doFilter(null, null, (rq, rs) -> {});
        f.doFilter(null, null, (rq, rs) -> {});
        Thread.sleep(200);
        assertEquals(1, runs.get());
    }

    @Test
    void withoutARequestTheWorkStartsAfterTheLongestWait() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        long t0 = System.nanoTime();
        AfterFirstAnswer.start(ran::countDown, 300);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300), "not before the wait is over");
    }
}
