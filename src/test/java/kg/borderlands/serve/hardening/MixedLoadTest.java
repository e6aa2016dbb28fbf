package kg.borderlands.serve.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI form of the mixed-load run (docs/benchmarks.md has the 64 clients × 60 s one): {@code serve} in its own
 * JVM with {@code -Xmx512m}, 16 clients for 15 s. No request may fail, and the server's resident memory must
 * stay under 1.5 GiB (heap 512 MiB plus metaspace, code, thread stacks and TDB2's memory-mapped files).
 */
class MixedLoadTest {
    @TempDir
    Path work;

    @Test
    void sixteenClientsForFifteenSecondsWithoutErrorAndWithBoundedMemory() throws Exception {
        try (kg.borderlands.serve.bench.MixedLoadAccess.Server server = kg.borderlands.serve.bench.MixedLoadAccess.start("512m", work)) {
            var r = kg.borderlands.serve.bench.MixedLoadAccess.run(server, 16, 15);
            System.out.println("mixed load (16 clients, 15 s, -Xmx512m): " + r);
            assertTrue(r.requests() > 20, "the load ran: " + r.requests() + " requests");
            assertEquals(0, r.errors(), r.errorSamples().toString());
            assertTrue(r.rssMaxKb() < 1536 * 1024, "server RSS peaked at " + r.rssMaxKb() / 1024 + " MiB");
        }
    }
}
