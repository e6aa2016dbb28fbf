package kg.borderlands.link;

import kg.borderlands.cli.Main;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The {@code link} command line: help, missing subcommand, bad options; and {@code link void}. */
class LinkCliTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] withStore(String... args) {
        Path root = TestProject.root();
        TestProject.realStore();
        String[] common = {"--store", root.resolve("target/test-store").toString(), "--ontology", root.resolve("ontology").toString(),
                "--data", root.resolve("data").toString(), "--qc", root.resolve("queries/qc").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + common.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        return all;
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("link", "--help");
        assertEquals(0, r.code, r.err);
        for (String sub : new String[] {"sssom", "reconcile", "federated", "void"}) assertTrue(r.out.contains(sub), r.out);
        Run top = run("--help");
        assertTrue(top.out.contains("link"), "registered in Main: " + top.out);
    }

    @Test
    void aSubcommandIsRequired() {
        Run r = run("link");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("a link command is required"), r.err);
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run format = run(withStore("link", "reconcile", "--format", "xml"));
        assertEquals(2, format.code, format.err);
        assertTrue(format.err.startsWith("error: unknown format 'xml'"), format.err);
        Run timeout = run(withStore("link", "reconcile", "--timeout", "0"));
        assertEquals(2, timeout.code, timeout.err);
        Run endpoint = run(withStore("link", "reconcile", "--endpoint", "ftp://example.org/sparql", "--id", "ttp"));
        assertEquals(2, endpoint.code, endpoint.err);
        assertTrue(endpoint.err.contains("http(s)"), endpoint.err);
    }

    @Test
    void voidPrintsTheDescriptionWithTheEndpointGiven() {
        Run r = run(withStore("link", "void", "--endpoint", "https://example.org/kg/sparql", "--format", "nt"));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("<https://w3id.org/borderlands-kg/dataset> <http://rdfs.org/ns/void#sparqlEndpoint> "
                + "<https://example.org/kg/sparql> ."), r.out);
        assertTrue(r.out.contains("<http://rdfs.org/ns/void#Linkset>"), r.out);
    }
}
