package kg.borderlands.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An OutOfMemoryError explains a failure wherever it sits: the failure itself, a cause, or a suppressed error. */
class HeapExhaustionTest {
    @Test
    void anOutOfMemoryErrorInTheChainOrSuppressedExplainsTheFailure() {
        assertTrue(HeapExhaustion.explains(new OutOfMemoryError("Java heap space")));
        assertTrue(HeapExhaustion.explains(new IllegalStateException("wrapped", new OutOfMemoryError())));
        RuntimeException cleanup = new NullPointerException("txn is null");
        cleanup.addSuppressed(new OutOfMemoryError());
        assertTrue(HeapExhaustion.explains(new RuntimeException("outer", cleanup)));
    }
}
