package kg.borderlands.export;

import kg.borderlands.Vocab;
import kg.borderlands.load.BuildManifest;
import kg.borderlands.load.StoreManager;
import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export --bundle DIR}: the build's dump for bulk loaders, and a manifest that tells the truth about it. */
class BundleTest {
    @Test
    void theBundleIsTheBuildsDumpWithAManifestThatMatchesIt(@TempDir Path dir) throws Exception {
        Path store = TestProject.realStore().root();
        Cli.Run r = Cli.run("export", "--store", store.toString(), "--bundle", dir.toString());
        assertEquals(0, r.code(), r.err());

        Bundle.Manifest m = Bundle.read(dir);
        Path dump = dir.resolve(Bundle.DUMP);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dump)));
        assertEquals(sha, m.sha256());
        assertEquals(Files.size(dump), m.bytes());

        Path build = new StoreManager(store).published();
        BuildManifest bm = BuildManifest.read(build);
        assertEquals(bm.files().get("dump.nq.gz").sha256(), sha, "the bundle's dump is the build's, byte for byte");
        assertEquals(build.getFileName().toString(), m.build());
        assertEquals(bm.fingerprint(), m.fingerprint());

        // count the quads per graph by reading the lines of the file, independently of the code under test
        Map<String, Long> perGraph = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dump)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                // a quad in a named graph ends with "<graph> ."; one in the default graph has three terms
                org.apache.jena.sparql.core.Quad q = org.apache.jena.riot.RDFParser.fromString(line, org.apache.jena.riot.Lang.NQUADS)
                        .toDatasetGraph().find().next();
                String graph = q.isDefaultGraph() ? Bundle.DEFAULT_GRAPH : q.getGraph().getURI();
                perGraph.merge(graph, 1L, Long::sum);
            }
        }
        Map<String, Long> listed = new TreeMap<>();
        m.graphs().forEach(g -> listed.put(g.name(), g.triples()));
        assertEquals(perGraph, listed);
        assertEquals(perGraph.values().stream().mapToLong(Long::longValue).sum(), m.quads());
        assertEquals(bm.dataTriples(), listed.get(Vocab.GRAPH_DATA));
        assertEquals(bm.ontologyTriples(), listed.get(Vocab.GRAPH_ONTOLOGY));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", m.licence(), "the data licence of LICENSE-DATA");
    }

    @Test
    void bundleAndFormatDoNotMix(@TempDir Path dir) {
        Path store = TestProject.realStore().root();
        Cli.Run r = Cli.run("export", "--store", store.toString(), "--bundle", dir.toString(), "--format", "nt");
        assertEquals(2, r.code());
        assertEquals("error: --bundle writes its own files: give it without --format and --out", r.errLine());
        Cli.Run none = Cli.run("export", "--store", store.toString());
        assertEquals(2, none.code());
        assertEquals("error: give --format FORMAT (or --bundle DIR)", none.errLine());
    }
}
