package kg.borderlands.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @Test
    void slugsAreLowerCaseAsciiWords() {
        assertEquals("pakistans-hard-choices", Slugs.slug("Pakistan’s Hard Choices"));
        assertEquals("turkiye-and-qatar", Slugs.slug("Türkiye and Qatar"));
        assertEquals("k-p-sees-605-attacks", Slugs.slug("K-P sees 605 attacks!"));
    }

    @Test
    void publisherSlugs() {
        assertEquals("dawn", Slugs.publisher("Dawn"));
        assertEquals("the-express-tribune", Slugs.publisher("The Express Tribune"));
        assertEquals("unhcr", Slugs.publisher("UN High Commissioner for Refugees (UNHCR)"));
        assertEquals("crss", Slugs.publisher("Centre for Research and Security Studies"));
        assertEquals("unssc", Slugs.publisher("UN Security Strategy Council"));
        assertEquals("jamestown-foundation", Slugs.publisher("Jamestown Foundation"));
    }

    @Test
    void titleIdsTakeAtMostFiveWordsAndSixtyCharacters() {
        assertEquals("work-dawn-2025-10-13-fierce-clashes-along-afghan-border",
                Slugs.withTitle("work-dawn-2025-10-13", "Fierce clashes along Afghan border take heavy toll"));
        String id = Slugs.withTitle("work-the-express-tribune-2025-11-13", "Reopen Afghan border, demand traders");
        assertEquals("work-the-express-tribune-2025-11-13-reopen-afghan-border", id);
        assertTrue(id.length() <= Slugs.MAX_ID);
        assertEquals("work-x-averyveryverylongwordthatdoesnotfitanywhereatallreally",
                Slugs.withTitle("work-x", "averyveryverylongwordthatdoesnotfitanywhereatallreally second"));
    }
}
