package kg.borderlands.analyse;

import kg.borderlands.cli.Main;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The {@code network} command on the real store (target/test-store, shared with the other tests). */
class NetworkCliTest {
    private static String store;

    @BeforeAll
    static void store() {
        store = TestProject.realStore().root().toString();
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        Path root = TestProject.root();
        if (!all.contains("--help")) {
            all.addAll(List.of("--store", store, "--ontology", root.resolve("ontology").toString(),
                    "--data", root.resolve("data").toString(), "--qc", root.resolve("queries/qc").toString()));
        }
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats", "ego", "path", "communities", "export"})
    void everySubcommandHasHelp(String sub) {
        Run r = run("network", sub, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: borderlands-kg network " + sub), r.out());
        assertTrue(r.out().contains("--as-of") && r.out().contains("--kinds") && r.out().contains("--store"), r.out());
    }

    @Test
    void networkWithoutSubcommandIsAUsageError() {
        assertEquals(2, run("network").code());
    }

    @Test
    void pathPrintsHopsWithRelationsAndFootnotes() {
        Run r = run("network", "path", "qatar", "ttp");
        assertEquals(0, r.code(), r.err());
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("qatar -- ") && first.contains(" -- ttp"), first);
        assertTrue(r.out().contains("1. qatar -- "), r.out());
        assertTrue(r.out().contains("record ") && r.out().contains(", fn "), r.out());
    }

    @Test
    void unknownActorIsOneLineAndExit2() {
        Run r = run("network", "path", "qatar", "no-such-actor");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: BKG-E050 unknown actor 'no-such-actor'"), r.err());
        Run e = run("network", "ego", "nobody-at-all");
        assertEquals(2, e.code());
        assertTrue(e.err().contains("BKG-E050"), e.err());
    }

    @Test
    void badFiltersAreOneLineAndExit2() {
        Run kind = run("network", "stats", "--kinds", "Friendship");
        assertEquals(2, kind.code());
        assertTrue(kind.err().startsWith("error: BKG-E051 unknown relation kind 'Friendship'"), kind.err());
        Run date = run("network", "stats", "--as-of", "2025-13-01");
        assertEquals(2, date.code());
        assertTrue(date.err().contains("BKG-E052"), date.err());
        Run both = run("network", "stats", "--as-of", "2025-01-01", "--from", "2024-01-01");
        assertEquals(2, both.code());
        assertEquals(1, both.err().strip().lines().count(), both.err());
    }

    @Test
    void statsEgoAndCommunities() {
        Run s = run("network", "stats", "--top", "3", "--no-contested");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("top 3 by betweenness") && s.out().contains("who accuses whom"), s.out());
        Run e = run("network", "ego", "ttp", "--hops", "1", "--kinds", "Allegiance,Sanctuary");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("ego network of ttp, 1 hop(s)"), e.out());
        assertTrue(e.out().contains("afghan-taliban"), e.out());
        Run c = run("network", "communities");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("girvan-newman (best modularity)"), c.out());
    }

    @Test
    void exportWritesEachFormat(@TempDir Path dir) throws Exception {
        for (String f : List.of("graphml", "gexf", "cytoscape")) {
            Path out = dir.resolve("net." + f);
            Run r = run("network", "export", "--format", f, "--out", out.toString(), "--as-of", "2025-10-18");
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.size(out) > 1000, f);
        }
        Run csv = run("network", "export", "--format", "csv", "--out", dir.resolve("csv").toString());
        assertEquals(0, csv.code(), csv.err());
        assertTrue(Files.readString(dir.resolve("csv/edges.csv")).startsWith("id,source,target,kind"));
        Run bad = run("network", "export", "--format", "xlsx", "--out", dir.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown format 'xlsx'"), bad.err());
    }
}
