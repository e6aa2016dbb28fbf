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

    @Test
    void withoutSourcesTheWholeDirectoryIsTheSharedUnit() throws Exception {
        write(tmp.resolve("actors/a.yaml"), "actors: []\n");
        write(tmp.resolve("report/w.yaml"), "works: []\n");
        SourceUnits units = SourceUnits.of(tmp);
        assertEquals(List.of(), units.sources());
        assertEquals(2, units.shared().files().size());
        assertEquals(List.of(), units.sharedContextFiles());
    }

    @Test
    void eachSourcesFolderIsAUnitAndTheRestIsShared() throws Exception {
        write(tmp.resolve("actors/a.yaml"), "actors: []\n");
        write(tmp.resolve("sources/b-report/report/sections.yaml"), "sections: []\n");
        write(tmp.resolve("sources/b-report/ties/t.yaml"), "ties: []\n");
        write(tmp.resolve("sources/a-report/report/sections.yaml"), "sections: []\n");
        write(tmp.resolve("mappings/m.yaml"), "not read: true\n");
        SourceUnits units = SourceUnits.of(tmp);
        assertEquals(List.of("a-report", "b-report"), units.sources().stream().map(SourceUnits.Unit::id).toList());
        assertEquals(List.of(tmp.resolve("actors/a.yaml")), units.shared().files());
        assertEquals(2, units.sources().get(1).files().size());
        // shared records resolve section numbers in the first unit's apparatus
        assertEquals(List.of(tmp.resolve("sources/a-report/report/sections.yaml")), units.sharedContextFiles());
    }

    @Test
    void anIdDefinedInTwoUnitsFailsTheLoadNamingBothUnits() throws Exception {
        Path root = TestProject.root();
        Path data = tmp.resolve("data");
        write(data.resolve("actors/a.yaml"), "actors:\n- id: ttp\n  type: MilitantGroup\n  label: TTP\n");
        write(data.resolve("sources/one/ties/t.yaml"), "ties:\n- id: tie-x\n  type: Hostility\n  label: x\n  subject: ttp\n  object: ttp\n");
        write(data.resolve("sources/two/ties/t.yaml"), "ties:\n\n- id: tie-x\n  type: Hostility\n  label: y\n  subject: ttp\n  object: ttp\n");
        ProjectInputs inputs = new ProjectInputs(root.resolve("ontology"), data, root.resolve("queries/qc"));
        StoreManager store = new StoreManager(tmp.resolve("store"));
        CurationException e = assertThrows(CurationException.class,
                () -> LoadOperation.ensure(inputs, store, false, Duration.ZERO, s -> {}));
        Problem p = e.problems().stream().filter(x -> x.code().equals(Problem.DUPLICATE_ID)).findFirst().orElseThrow();
        assertEquals("tie-x", p.recordId());
        assertEquals(data.resolve("sources/two/ties/t.yaml"), p.file());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("unit one") && p.message().contains("unit two"), p.message());
        assertFalse(Files.exists(tmp.resolve("store/CURRENT")));
    }
}
