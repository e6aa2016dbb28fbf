package kg.borderlands.load;

import kg.borderlands.support.ServingArtifactsComparison;
import kg.borderlands.bench.CorpusGenerator;
import kg.borderlands.support.TestProject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Builds of a data directory with source units (a synthetic corpus of two sources, test-scoped): a build from
 * the unit cache, and an incremental build after one record of one source changed (its label, then its type),
 * give the same database (every quad, the VoID graph included), dump, findings and serving artifacts as a
 * build from scratch of the same inputs. Then more kinds of edit — a tie's endpoint, an event's date and place, a
 * claim's claimant, a figure's value — each an incremental build whose serving artifacts, patched from the
 * previous build's, are the very bytes written from scratch over its database.
 */
class IncrementalBuildTest {
    @TempDir
    Path tmp;

    @Test
    void incrementalAndCachedBuildsEqualABuildFromScratch() throws Exception {
        Path root = TestProject.root();
        Path data = tmp.resolve("corpus");
        new CorpusGenerator(root.resolve("data"), 2, 1).write(data);
        ProjectInputs inputs = new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"));
        StoreManager store = new StoreManager(tmp.resolve("store"));
        LoadOperation.ensure(inputs, store, false, Duration.ZERO, s -> {});

        // one record of the second source changes: the label of one of its ties
        Path ties = Files.list(data.resolve("sources/s0002/ties")).sorted().findFirst().orElseThrow();
        String text = Files.readString(ties);
        int at = text.indexOf("  label: ");
        assertTrue(at > 0, "a tie label in " + ties);
        String edited = text.substring(0, at) + "  label: \"An edited label for the incremental test\"\n"
                + text.substring(text.indexOf('\n', at) + 1);
        Files.writeString(ties, edited);
        StoreManager fresh = rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh"), "incremental",
                "incremental build: 1 of 3 units changed [s0002]").fresh();
        // the delta carries VoID's sources: both sources' works, each subset its own
        java.util.Map<String, String> sources = java.util.Map.of(
                kg.borderlands.curate.RdfMapper.sourceGraph("s0001"), kg.borderlands.Vocab.ID + "icg-asia-354-s0001",
                kg.borderlands.curate.RdfMapper.sourceGraph("s0002"), kg.borderlands.Vocab.ID + "icg-asia-354-s0002");
        assertSources(store, sources, "incremental");

        // a second edit on top: the same tie becomes a rivalry (its types, inferred types and shortcuts change:
        // VoID's classes, partitions and entities, the network, the usage counts)
        String retyped = edited.replaceFirst("type: \"Hostility\"", "type: \"Rivalry\"");
        Files.writeString(ties, retyped);
        Rebuilt second = rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh2"), "second incremental",
                "incremental build: 1 of 3 units changed [s0002]");
        StoreManager fresh2 = second.fresh();
        assertVoidDiffers(fresh, fresh2);
        assertSources(store, sources, "second incremental");

        // a third edit that changes a shared node's findings: the tie's subject becomes a person of the shared unit
        // who held no tie (SHACL warned "Person holds no tie"); the shared unit's shapes, validated again only for
        // the nodes the change can affect, must drop that warning as a build from scratch does
        String lodhi = kg.borderlands.Vocab.ID + "maleeha-lodhi";
        assertTrue(holdsNoTie(second.incremental(), lodhi), "the person held no tie before");
        Files.writeString(ties, retyped.replaceFirst("subject: \"ttp\"", "subject: \"maleeha-lodhi\""));
        Rebuilt third = rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh3"), "third incremental",
                "incremental build: 1 of 3 units changed [s0002]");
        assertFalse(holdsNoTie(third.incremental(), lodhi), "the person now holds a tie");
        fresh2 = third.fresh();

        // --force: every unit from the cache, through the bulk loader
        LoadOperation.ensure(inputs, store, true, Duration.ZERO, s -> {});
        assertSameDatabase(fresh2, store, "from the cache");
        assertSameDump(fresh2, store, "from the cache");

        // more kinds of edit, each patched into the serving artifacts
        Path s2 = data.resolve("sources/s0002");
        editAndCompare(inputs, store, ties, "  object: \"pakistan\"\n", "  object: \"pakistan-military\"\n",
                "a tie's endpoint", List.of("network.json"));
        Path attacks = s2.resolve("events/attacks-2025-2026.yaml");
        editAndCompare(inputs, store, attacks, "  date: \"2025-11-10\"\n", "  date: \"2025-11-09\"\n",
                "an event's date", List.of("story/events.json"));
        editAndCompare(inputs, store, attacks, "  - \"pl-wana\"\n", "  - \"pl-bannu\"\n",
                "an event's place", List.of("story/events.json"));
        Path claims = Files.list(s2.resolve("claims")).sorted().findFirst().orElseThrow();
        editAndCompare(inputs, store, claims, "  claimant:\n  - \"pakistan\"\n", "  claimant:\n  - \"taliban-government\"\n",
                "a claim's claimant", List.of("story/claims.json"));
        Path figures = Files.list(s2.resolve("figures")).sorted().findFirst().orElseThrow();
        editAndCompare(inputs, store, figures, "  value: 2\n", "  value: 3\n", "a figure's value", List.of("story/figures.json"));
    }

    /**
     * Replaces the first {@code from} in {@code file} by {@code to}, loads {@code store} again — an incremental build
     * — and checks its serving artifacts were patched (not written from the whole database), changed where the edit
     * shows ({@code changes}, files under {@code serving/}), and are the bytes a write from scratch over the same
     * database gives.
     */
    private void editAndCompare(ProjectInputs inputs, StoreManager store, Path file, String from, String to, String what,
                                List<String> changes) throws Exception {
        String text = Files.readString(file);
        int at = text.indexOf(from);
        assertTrue(at >= 0, what + ": '" + from.strip() + "' in " + file);
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
        Path before = store.published();
        List<String> notes = new ArrayList<>();
        LoadOperation.Result r = LoadOperation.ensure(inputs, store, false, Duration.ZERO, notes::add);
        assertFalse(r.reused(), what);
        assertTrue(notes.stream().anyMatch(n -> n.contains("incremental build: 1 of 3 units changed [s0002]")), what + ": " + notes);
        assertPatched(what);
        Path after = store.published();
        for (String f : changes) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(before.resolve("serving").resolve(f)),
                    Files.readAllBytes(after.resolve("serving").resolve(f))), what + " changes " + f);
        }
        Path scratch = tmp.resolve("scratch-" + what.replaceAll("\\W+", "-"));
        DatasetGraph d = store.open();
        try {
            kg.borderlands.serve.artifacts.ServingArtifacts.write(d, scratch);
        } finally {
            StoreManager.close(d);
        }
        ServingArtifactsComparison.assertSameDir(scratch, after.resolve("serving"), what);
    }

    /**
     * The VoID description's sources follow the source units (issue #11): the dataset's dct:source names the work
     * of every source unit, each source graph's subset its own. A source unit added, its work renamed, the unit
     * removed: each build equals a build from scratch of the same inputs and names the sources the units'
     * descriptors give. None of the three is an incremental build (a changed set of units is never applied as a
     * delta, and the descriptors are part of the shared unit's fingerprint): each loads every unit, from the unit
     * cache, and reads the sources from the source graphs. An incremental build carries them (VoidDelta), checked
     * by {@link #incrementalAndCachedBuildsEqualABuildFromScratch}.
     */
    @Test
    void voidNamesTheSourcesOfTheBuildAsUnitsComeAndGo() throws Exception {
        Path root = TestProject.root();
        Path data = tmp.resolve("corpus");
        new CorpusGenerator(root.resolve("data"), 2, 1).write(data);
        Path aside = tmp.resolve("s0002");
        Files.move(data.resolve("sources/s0002"), aside);
        ProjectInputs inputs = new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"));
        StoreManager store = new StoreManager(tmp.resolve("store"));
        LoadOperation.ensure(inputs, store, false, Duration.ZERO, s -> {});
        String s1 = kg.borderlands.Vocab.ID + "icg-asia-354-s0001";
        String g1 = kg.borderlands.curate.RdfMapper.sourceGraph("s0001");
        String g2 = kg.borderlands.curate.RdfMapper.sourceGraph("s0002");
        assertSources(store, java.util.Map.of(g1, s1), "one source");

        // a second source unit
        TestProject.copyTree(aside, data.resolve("sources/s0002"));
        rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh-added"), "unit added", null);
        assertSources(store, java.util.Map.of(g1, s1, g2, kg.borderlands.Vocab.ID + "icg-asia-354-s0002"), "unit added");

        // its work renamed: descriptor, works record and the sections that name it (a new fingerprint of the
        // shared unit too, whose records may cite a source by its work: not a delta)
        String renamed = "synthetic-report-renamed";
        try (var files = Files.walk(data.resolve("sources/s0002"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String t = Files.readString(f);
                String u = t.replace("\"icg-asia-354-s0002\"", "\"" + renamed + "\"")
                        .replace("work: icg-asia-354-s0002\n", "work: " + renamed + "\n");
                if (!u.equals(t)) Files.writeString(f, u);
            }
        }
        assertTrue(Files.readString(data.resolve("sources/s0002/source.yaml")).contains("work: " + renamed + "\n"));
        rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh-renamed"), "work renamed", null);
        assertSources(store, java.util.Map.of(g1, s1, g2, kg.borderlands.Vocab.ID + renamed), "work renamed");

        // the unit removed
        TestProject.deleteTree(data.resolve("sources/s0002"));
        rebuildEqualsBuildFromScratch(inputs, store, tmp.resolve("fresh-removed"), "unit removed", null);
        assertSources(store, java.util.Map.of(g1, s1), "unit removed");
    }

    /** The published VoID graph names exactly these sources: source graph IRI → its work's IRI. */
    private static void assertSources(StoreManager store, java.util.Map<String, String> bySourceGraph, String what)
            throws Exception {
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(voidGraph(store));
        org.apache.jena.rdf.model.Resource ds = m.getResource(kg.borderlands.link.VoidDescription.DATASET);
        org.apache.jena.rdf.model.Property sdName = m.createProperty(kg.borderlands.link.VoidDescription.SD + "name");
        assertEquals(bySourceGraph.values().stream().sorted().toList(), m.listObjectsOfProperty(ds,
                org.apache.jena.vocabulary.DCTerms.source).mapWith(n -> n.asResource().getURI()).toList().stream()
                .sorted().toList(), what + ": the dataset's dct:source");
        java.util.Map<String, String> subsets = new java.util.HashMap<>();
        for (org.apache.jena.rdf.model.Resource sub : m.listSubjectsWithProperty(sdName).toList()) {
            List<String> sources = m.listObjectsOfProperty(sub, org.apache.jena.vocabulary.DCTerms.source)
                    .mapWith(n -> n.asResource().getURI()).toList();
            assertEquals(1, sources.size(), what + ": one source per subset " + sub);
            subsets.put(sub.getPropertyResourceValue(sdName).getURI(), sources.get(0));
        }
        assertEquals(bySourceGraph, subsets, what + ": each subset's dct:source");
    }

    /** A build from scratch, and the incremental build it was compared with. */
    private record Rebuilt(StoreManager fresh, LoadOperation.Result incremental) {
    }

    private static boolean holdsNoTie(LoadOperation.Result build, String person) {
        return build.report().findings().stream().anyMatch(f -> person.equals(f.focusNode())
                && f.message().startsWith("Person holds no tie"));
    }

    /**
     * Loads {@code store} again after its inputs changed — an incremental build, whose note contains
     * {@code incrementalNote}, or, when that is null, a build of every unit (no incremental note) — then builds the
     * same inputs from scratch into {@code freshDir}, and checks both give the same database, dump, findings and
     * serving artifacts. Returns the build from scratch and the incremental build's result.
     */
    private static Rebuilt rebuildEqualsBuildFromScratch(ProjectInputs inputs, StoreManager store, Path freshDir,
                                                         String what, String incrementalNote) throws Exception {
        List<String> notes = new ArrayList<>();
        LoadOperation.Result incremental = LoadOperation.ensure(inputs, store, false, Duration.ZERO, notes::add);
        assertFalse(incremental.reused(), what);
        if (incrementalNote != null) {
            assertTrue(notes.stream().anyMatch(n -> n.contains(incrementalNote)), notes.toString());
            assertPatched(what);
        } else {
            assertTrue(notes.stream().noneMatch(n -> n.contains("incremental build")), notes.toString());
        }

        StoreManager fresh = new StoreManager(freshDir);
        LoadOperation.Result full = LoadOperation.ensure(inputs, fresh, false, Duration.ZERO, s -> {});
        assertSameDatabase(fresh, store, what);
        assertSameDump(fresh, store, what);
        assertSameFindings(full, incremental, what);
        ServingArtifactsComparison.assertSame(fresh.published(), store.published(), what);
        return new Rebuilt(fresh, incremental);
    }

    /** The last build's serving artifacts were patched from the previous build's, not written from the whole database. */
    private static void assertPatched(String what) {
        Map<String, String> how = kg.borderlands.serve.artifacts.ServingArtifacts.lastWrite();
        for (String f : List.of("records.json", "network.json", "usage.json", "story/events.json", "story/places.json",
                "story/claims.json", "story/figures.json", "story/labels.json")) {
            assertEquals("patched", how.get(f), what + ": " + f + " " + how);
        }
    }

    /** The findings (SHACL warnings, quality checks) of both builds are the same, in any order. */
    private static void assertSameFindings(LoadOperation.Result want, LoadOperation.Result got, String what) {
        assertNotNull(got.report(), what);
        assertEquals(new java.util.HashSet<>(want.report().findings()), new java.util.HashSet<>(got.report().findings()),
                what + ": findings");
        assertEquals(want.report().findings().size(), got.report().findings().size(), what + ": number of findings");
    }

    /** The second edit changed VoID's counts (so the comparison above compared counts that moved). */
    private static void assertVoidDiffers(StoreManager before, StoreManager after) throws Exception {
        Graph a = voidGraph(before);
        Graph b = voidGraph(after);
        assertFalse(a.isIsomorphicWith(b), "the retyped tie changes the VoID description");
    }

    private static Graph voidGraph(StoreManager store) throws Exception {
        DatasetGraph d = store.open();
        try {
            return Txn.calculateRead(d, () -> copy(d.getGraph(org.apache.jena.graph.NodeFactory.createURI(
                    kg.borderlands.link.VoidDescription.GRAPH))));
        } finally {
            StoreManager.close(d);
        }
    }

    private static void assertSameDatabase(StoreManager want, StoreManager got, String what) throws Exception {
        DatasetGraph a = want.open();
        DatasetGraph b = got.open();
        try {
            Txn.executeRead(a, () -> Txn.executeRead(b, () -> {
                List<Node> graphs = new ArrayList<>();
                a.listGraphNodes().forEachRemaining(graphs::add);
                List<Node> other = new ArrayList<>();
                b.listGraphNodes().forEachRemaining(other::add);
                assertEquals(new java.util.HashSet<>(graphs), new java.util.HashSet<>(other), what + ": graph names");
                for (Node g : graphs) assertSame(a.getGraph(g), b.getGraph(g), what + ": " + g);
                assertSame(a.getDefaultGraph(), b.getDefaultGraph(), what + ": default graph");
            }));
        } finally {
            StoreManager.close(a);
            StoreManager.close(b);
        }
    }

    private static void assertSameDump(StoreManager want, StoreManager got, String what) throws Exception {
        try (StoreManager.PublishedBuild a = want.readPublished(); StoreManager.PublishedBuild b = got.readPublished()) {
            a.dataset().listGraphNodes().forEachRemaining(g -> assertSame(a.dataset().getGraph(g), b.dataset().getGraph(g),
                    what + ": dump graph " + g));
            assertSame(a.dataset().getDefaultGraph(), b.dataset().getDefaultGraph(), what + ": dump default graph");
        }
    }

    private static void assertSame(Graph want, Graph got, String what) {
        Graph w = copy(want);
        Graph g = copy(got);
        assertEquals(w.size(), g.size(), what + ": size");
        assertTrue(w.isIsomorphicWith(g), what + ": not the same triples");
    }

    private static Graph copy(Graph g) {
        Graph m = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(m::add);
        return m;
    }
}
