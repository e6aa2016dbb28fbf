package kg.borderlands.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

class CliTest {
    @ParameterizedTest
    @ValueSource(strings = {"load", "validate", "serve", "query", "export", "publish", "ingest", "coverage", "network", "link"})
    void everyCommandHasHelp(String command) {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), command, "--help");
        assertEquals(0, code);
        assertTrue(out.toString().startsWith("Usage: borderlands-kg " + command), out.toString());
    }

    @Test
    void unknownOptionIsOneLineAndExit2() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "load", "--bogus");
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--bogus"));
    }

    @Test
    void badFormatIsOneLineAndExit2() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "export", "--format", "xlsx", "--store", "target/never-built");
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("unknown format 'xlsx'"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate --help", "frobnicate", "--help frobnicate"})
    void anUnknownCommandIsOneLineAndExit2EvenWithHelp(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), line.split(" "));
        assertEquals(2, code, out.toString());
        assertEquals("error: BKG-E206 unknown command 'frobnicate'; the commands are: load, validate, serve, query, export, publish, "
                + "ingest, coverage, network, link (see 'borderlands-kg --help')", err.toString().strip());
        assertEquals("", out.toString(), "no help printed");
    }

    @Test
    void anUnknownSubcommandNamesItsParent() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "network", "centrality", "--help");
        assertEquals(2, code);
        assertEquals("error: BKG-E206 unknown command 'centrality' for 'network'; the commands are: stats, ego, path, "
                + "communities, export (see 'network --help')", err.toString().strip());
    }

    @Test
    void noCommandIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
    }
}
