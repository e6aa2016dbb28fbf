package kg.borderlands.serve;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** When {@code serve} re-executes itself in a child JVM, decided before the command line is parsed. */
class HeapLimitTest {
    private static final Optional<Path> JAR = Optional.of(Path.of("/opt/bkg/borderlands-kg.jar"));

    private static Optional<HeapLimit.Launch> plan(String... args) {
        return HeapLimit.plan(args, false, false, JAR);
    }

    @Test
    void serveFromTheJarWithoutAHeapOptionStartsAChild() {
        assertEquals(Optional.of(new HeapLimit.Launch("1g", Path.of("store"), true, JAR.get())), plan("serve"));
        assertEquals(Optional.of(new HeapLimit.Launch("768m", Path.of("/srv/kg"), true, JAR.get())),
                plan("serve", "--port", "8080", "--heap", "768M", "--store=/srv/kg"));
        assertEquals(Optional.of(new HeapLimit.Launch("2g", Path.of("s"), false, JAR.get())),
                plan("serve", "--heap=2g", "--store", "s", "--no-class-archive"));
    }

    @Test
    void nothingIsReExecutedOtherwise() {
        assertEquals(Optional.empty(), plan("load"), "another command");
        assertEquals(Optional.empty(), plan(), "no command");
        assertEquals(Optional.empty(), plan("--verbose", "serve"), "serve not first: decided later, after parsing");
        assertEquals(Optional.empty(), plan("serve", "--help"));
        assertEquals(Optional.empty(), plan("serve", "-h"));
        assertEquals(Optional.empty(), plan("serve", "--version"));
        assertEquals(Optional.empty(), plan("serve", "--heap", "lots"), "not a size: reported by the command line");
        assertEquals(Optional.empty(), plan("serve", "--heap"), "no value: reported by the command line");
        assertEquals(Optional.empty(), HeapLimit.plan(new String[] {"serve"}, true, false, JAR), "already the child");
        assertEquals(Optional.empty(), HeapLimit.plan(new String[] {"serve"}, false, true, JAR), "-Xmx given");
        assertEquals(Optional.empty(), HeapLimit.plan(new String[] {"serve"}, false, false, Optional.empty()), "not a jar");
    }

    @Test
    void theChildGetsTheHeapTheArchiveOptionsAndEveryArgument() {
        List<String> cmd = HeapLimit.command("1g", JAR.get(), List.of("-XX:SharedArchiveFile=/s/cds/k.jsa"),
                List.of("serve", "--port", "0"));
        assertEquals(List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/s/cds/k.jsa", "-jar",
                JAR.get().toString(), "serve", "--port", "0"), cmd.subList(1, cmd.size()));
        assertTrue(cmd.get(0).endsWith("java"));
    }
}
