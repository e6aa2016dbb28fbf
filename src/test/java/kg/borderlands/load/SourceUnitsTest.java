package kg.borderlands.load;

import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.Problem;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The split of a data directory into units, and the cross-unit id check (before any unit is built). */
class SourceUnitsTest {
    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A source unit's descriptor (docs/data-format.md "Source units"). */
    private void descriptor(Path data, String id) throws Exception {
        write(data.resolve("sources/" + id + "/source.yaml"), "id: " + id + "\nwork: " + id + "\n");
    }

    @Test
    void withoutSourcesTheWholeDirectoryIsTheSharedUnit() throws Exception {
        write(tmp.resolve("actors/a.yaml"), "actors: []\n");
        write(tmp.resolve("report/w.yaml"), "works: []\n");
        BuildUnits units = BuildUnits.of(tmp);
        assertEquals(List.of(), units.sources());
        assertEquals(2, units.shared().files().size());
        assertEquals(List.of(), units.apparatusFiles());
    }

    @Test
    void eachSourceWithItsDescriptorIsAUnitAndTheRestIsShared() throws Exception {
        write(tmp.resolve("actors/a.yaml"), "actors: []\n");
        descriptor(tmp, "b-report");
        write(tmp.resolve("sources/b-report/report/sections.yaml"), "sections: []\n");
        write(tmp.resolve("sources/b-report/ties/t.yaml"), "ties: []\n");
        descriptor(tmp, "a-report");
        write(tmp.resolve("sources/a-report/report/sections.yaml"), "sections: []\n");
        write(tmp.resolve("mappings/m.yaml"), "not read: true\n");
        BuildUnits units = BuildUnits.of(tmp);
        assertEquals(List.of("a-report", "b-report"), units.sources().stream().map(BuildUnits.Unit::id).toList());
        assertEquals(List.of(tmp.resolve("actors/a.yaml")), units.shared().files());
        BuildUnits.Unit b = units.sources().get(1);
        // the descriptor is an input of the unit (its fingerprint), not a record file
        assertEquals(tmp.resolve("sources/b-report/source.yaml"), b.descriptor());
        assertEquals(List.of(tmp.resolve("sources/b-report/report/sections.yaml"), tmp.resolve("sources/b-report/ties/t.yaml")),
                b.records());
        assertEquals(3, b.files().size());
        // the unit of a file, by its directories (a lookup, not a scan of every unit per file)
        assertEquals("b-report", kg.borderlands.curate.SourceUnits.unitOf(units.curateUnits(), tmp.resolve("sources/b-report/ties/t.yaml")).id());
        assertEquals("a-report", kg.borderlands.curate.SourceUnits.lookup(units.curateUnits()).apply(tmp.resolve("sources/a-report/report/sections.yaml")).id());
        assertNull(kg.borderlands.curate.SourceUnits.unitOf(units.curateUnits(), tmp.resolve("actors/a.yaml")).id());
        assertNull(kg.borderlands.curate.SourceUnits.unitOf(units.curateUnits(), tmp.resolve("sources/c-report-not-a-unit/x.yaml")).id());
        // shared records name the source they cite (work:): every source's apparatus is their context
        assertEquals(List.of(tmp.resolve("sources/a-report/source.yaml"), tmp.resolve("sources/a-report/report/sections.yaml"),
                tmp.resolve("sources/b-report/source.yaml"), tmp.resolve("sources/b-report/report/sections.yaml")),
                units.apparatusFiles());
    }

    @Test
    void aSourceFolderWithoutItsDescriptorIsRefused() throws Exception {
        write(tmp.resolve("sources/x-report/ties/t.yaml"), "ties: []\n");
        CurationException e = assertThrows(CurationException.class, () -> BuildUnits.of(tmp));
        assertTrue(e.problems().get(0).message().contains("source.yaml"), e.problems().get(0).message());
    }

    private LoadOperation.Result load(Path data) throws Exception {
        Path root = TestProject.root();
        ProjectInputs inputs = new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"));
        return LoadOperation.ensure(inputs, new StoreManager(tmp.resolve("store")), false, Duration.ZERO, s -> {});
    }

    @Test
    void anActorDefinedInTwoUnitsFailsTheLoadNamingBothUnits() throws Exception {
        Path data = tmp.resolve("data");
        descriptor(data, "one");
        descriptor(data, "two");
        write(data.resolve("sources/one/actors.yaml"), "actors:\n- id: ttp\n  type: MilitantGroup\n  label: TTP\n");
        write(data.resolve("sources/two/actors.yaml"), "actors:\n\n- id: ttp\n  type: MilitantGroup\n  label: TTP\n");
        CurationException e = assertThrows(CurationException.class, () -> load(data));
        Problem p = e.problems().stream().filter(x -> x.code().equals(Problem.DUPLICATE_ID)).findFirst().orElseThrow();
        assertEquals("ttp", p.recordId());
        assertEquals(data.resolve("sources/two/actors.yaml"), p.file());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("unit one") && p.message().contains("unit two"), p.message());
        assertFalse(Files.exists(tmp.resolve("store/CURRENT")));
    }

    @Test
    void aStatementTwoSourcesGiveDifferentlyFailsTheLoad() throws Exception {
        Path data = tmp.resolve("data");
        write(data.resolve("actors/a.yaml"), "actors:\n- id: ttp\n  type: MilitantGroup\n  label: TTP\n");
        descriptor(data, "one");
        descriptor(data, "two");
        write(data.resolve("sources/one/ties/t.yaml"), "ties:\n- id: tie-x\n  type: Hostility\n  label: x\n  subject: ttp\n  object: ttp\n  source: [{section: I}]\n");
        write(data.resolve("sources/two/ties/t.yaml"), "ties:\n\n- id: tie-x\n  type: Hostility\n  label: y\n  subject: ttp\n  object: ttp\n  source: [{section: I}]\n");
        CurationException e = assertThrows(CurationException.class, () -> load(data));
        Problem p = e.problems().stream().filter(x -> x.code().equals(Problem.DUPLICATE_ID)).findFirst()
                .orElseThrow(() -> new AssertionError(e.problems().toString()));
        assertEquals("tie-x", p.recordId());
        assertEquals(data.resolve("sources/two/ties/t.yaml"), p.file());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("sources/one/ties/t.yaml") && p.message().contains("agree"), p.message());
        assertFalse(Files.exists(tmp.resolve("store/CURRENT")));
    }
}
