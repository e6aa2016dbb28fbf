package kg.borderlands.load;

import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A {@code load} whose heap is too small for the build (the project's data in 32 MB) fails with one line,
 * BKG-E208 (docs/errors.md), exit code 3, no stack trace, and leaves the published build as it was.
 */
class LoadOutOfMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void outOfMemoryIsOneLineAndPublishesNothing() throws Exception {
        Path data = tmp.resolve("data");
        Path store = tmp.resolve("store");
        TestProject.copyTree(TestProject.root().resolve("data"), data);
        String[] load = Cli.args(List.of("load", "--force", "--store", store.toString()), Cli.inputs(data));
        assertEquals(0, Cli.run(load).code());
        Path published = new StoreManager(store).published();
        String current = Files.readString(store.resolve(StoreManager.CURRENT));

        Path err = tmp.resolve("load.err");
        Process p = Cli.start(err, "32m", load);
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        int code = p.waitFor();
        List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.contains(" WARN ") && !l.contains(" INFO ")).toList();
        assertEquals(3, code, String.join("\n", lines));
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).matches("error: BKG-E208 load ran out of memory \\(Java heap of \\d+ MB\\); nothing was "
                + "published and the store is unchanged; give Java a larger heap, e\\.g\\. java -Xmx\\d+m -jar "
                + "borderlands-kg\\.jar load"), lines.get(0));
        assertFalse(String.join("\n", Files.readAllLines(err)).contains("\tat "), "no stack trace");

        assertEquals(current, Files.readString(store.resolve(StoreManager.CURRENT)), "CURRENT unchanged");
        StoreManager after = new StoreManager(store);
        assertEquals(published, after.published(), "the published build still verifies");
        try (var builds = Files.list(store.resolve("builds"))) {
            assertEquals(List.of(published.getFileName().toString()),
                    builds.map(b -> b.getFileName().toString()).toList(), "no unfinished build left");
        }
    }
}
