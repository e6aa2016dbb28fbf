package kg.borderlands;

import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licences are stated where users look: the top-level files and the README, with the IRIs of {@link Vocab}. */
class LicenceFilesTest {
    @Test
    void codeAndDataLicencesAreStated() throws Exception {
        String code = Files.readString(TestProject.root().resolve("LICENSE"));
        String data = Files.readString(TestProject.root().resolve("LICENSE-DATA"));
        String readme = Files.readString(TestProject.root().resolve("README.md"));
        assertTrue(code.contains("Apache License") && code.contains("Version 2.0, January 2004"), "LICENSE is Apache-2.0");
        assertTrue(data.contains(Vocab.LICENSE_DATA) && data.contains("Attribution 4.0 International Public License"),
                "LICENSE-DATA names CC BY 4.0 by its IRI and holds its text");
        assertTrue(readme.contains("## Licence") && readme.contains("`LICENSE-DATA`") && readme.contains("Apache License 2.0"),
                "the README says which licence covers what");
        assertTrue(Vocab.LICENSE_CODE.startsWith("https://www.apache.org/licenses/LICENSE-2.0"));
    }
}
