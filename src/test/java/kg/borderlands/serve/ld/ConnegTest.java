package kg.borderlands.serve.ld;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ConnegTest {
    private static final List<String> OFFERS = List.of("text/html", "text/turtle", "application/ld+json");

    private static String pick(String accept) {
        return Conneg.choose(accept, OFFERS).orElse(null);
    }

    @Test
    void exactTypes() {
        assertEquals("text/html", pick("text/html"));
        assertEquals("text/turtle", pick("text/turtle"));
        assertEquals("application/ld+json", pick("application/ld+json"));
        assertEquals("text/turtle", pick("TEXT/Turtle; charset=utf-8"));
    }

    @Test
    void highestQualityWins() {
        assertEquals("text/turtle", pick("text/html;q=0.5, text/turtle;q=0.9"));
        assertEquals("application/ld+json", pick("text/turtle;q=0.2, application/ld+json"));
        assertEquals("text/html", pick("text/html;q=0.8, text/turtle;q=0.8"), "equal quality: server's preference");
    }

    @Test
    void wildcardsAndSpecificity() {
        assertEquals("text/html", pick("*/*"));
        assertEquals("text/html", pick(null));
        assertEquals("text/html", pick(""));
        assertEquals("text/turtle", pick("text/*;q=0.5, text/html;q=0.1"), "the more specific range rates text/html");
        assertEquals("application/ld+json", pick("application/*"));
        assertEquals("text/turtle", pick("text/html;q=0, */*;q=0.1"), "q=0 excludes text/html despite */*");
    }

    @Test
    void browserHeaderGetsHtml() {
        assertEquals("text/html", pick("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"));
    }

    @Test
    void nothingAcceptable() {
        assertEquals(Optional.empty(), Conneg.choose("image/png", OFFERS));
        assertEquals(Optional.empty(), Conneg.choose("text/html;q=0, text/turtle;q=0, application/ld+json;q=0", OFFERS));
        assertEquals(Optional.empty(), Conneg.choose("text/turtle;q=abc", OFFERS), "a malformed q counts as 0");
    }
}
