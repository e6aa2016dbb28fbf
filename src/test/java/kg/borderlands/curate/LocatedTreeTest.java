package kg.borderlands.curate;

import kg.borderlands.support.Cli;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Reading a data file: bytes that are not UTF-8 and YAML anchors/aliases are errors at the right place. */
class LocatedTreeTest {
    @TempDir
    Path tmp;

    @Test
    void aBadByteIsReportedOnItsOwnLine() throws Exception {
        // a real data file of 500 lines, with one Latin-1 byte on line 118 (the YAML reader used to say 112)
        List<String> lines = Files.readAllLines(TestProject.root().resolve("data/sources/icg-asia-354/ties/domestic-politics.yaml"));
        assertTrue(lines.size() > 200);
        Path f = tmp.resolve("ties.yaml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 117) {
                bytes.write(l.substring(0, 6).getBytes(StandardCharsets.UTF_8));
                bytes.write(0xE9);
                bytes.write(l.substring(6).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(l.getBytes(StandardCharsets.UTF_8));
            }
            bytes.write('\n');
        }
        Files.write(f, bytes.toByteArray());
        CurationException e = assertThrows(CurationException.class, () -> LocatedTree.read(f));
        Problem p = e.problems().get(0);
        assertEquals(118, p.line(), p.format());
        assertEquals(7, p.column(), p.format());
        assertEquals(f + ":118:7: BKG-E001 the file is not valid UTF-8 (byte 0xE9); save it as UTF-8", p.format());
    }

    @Test
    void loadNamesTheBadByteAndExits1() throws Exception {
        Path data = copyFixture();
        Path core = data.resolve("core.yaml");
        byte[] b = Files.readAllBytes(core);
        String s = new String(b, StandardCharsets.UTF_8);
        int at = s.indexOf("label: Afghan Taliban") + "label: Afghan ".length();
        b[at] = (byte) 0xFF;
        Files.write(core, b);
        Cli.Run r = Cli.run(Cli.args(List.of("load", "--store", tmp.resolve("store").toString()), Cli.inputs(data)));
        assertEquals(1, r.code(), r.err());
        assertEquals(core + ":10:19: BKG-E001 the file is not valid UTF-8 (byte 0xFF); save it as UTF-8",
                r.err().lines().findFirst().orElse(""));
    }

    @Test
    void anAnchorIsRefused() throws Exception {
        Path f = tmp.resolve("a.yaml");
        Files.writeString(f, "actors:\n  - id: ttp\n    aliases: &names [TTP, Pakistani Taliban]\n  - id: x\n    aliases: *names\n");
        CurationException e = assertThrows(CurationException.class, () -> LocatedTree.read(f));
        Problem p = e.problems().get(0);
        assertEquals(3, p.line(), p.format());
        assertTrue(p.format().endsWith("BKG-E001 YAML anchor '&names': anchors and aliases are not supported; write the value out"),
                p.format());
    }

    @Test
    void anAliasIsRefusedNotReadAsItsName() throws Exception {
        Path data = copyFixture();
        Path core = data.resolve("core.yaml");
        Files.writeString(core, Files.readString(core).replace("object: afghan-taliban", "object: *b0"));
        Cli.Run r = Cli.run(Cli.args(List.of("load", "--store", tmp.resolve("store").toString()), Cli.inputs(data)));
        assertEquals(1, r.code(), r.err());
        assertEquals(core + ":18:13: BKG-E001 YAML alias '*b0': anchors and aliases are not supported; write the value out",
                r.err().lines().findFirst().orElse(""));
    }

    private Path copyFixture() {
        Path data = tmp.resolve("data");
        TestProject.copyTree(TestProject.root().resolve("src/test/resources/fixtures/minimal/data"), data);
        return data;
    }
}
