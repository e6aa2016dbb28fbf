package kg.borderlands.serve.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The timeline, map and claim views (/explorer/atlas.html) in headless Chromium against the real store,
 * walking the scenarios of issue #10. Screenshots in target/screenshots/geo-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AtlasBrowserTest {
    private static BrowserSession b;

    @BeforeAll
    static void start() throws Exception {
        b = BrowserSession.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) b.close();
    }

    @Test
    @Order(1)
    void october2025TimelineOrdersOrakzaiKabulCeasefireAndShowsFootnotes() {
        b.size(1280, 800);
        b.open("/explorer/atlas.html#/time?month=2025-10");
        String orakzai = "ev-2025-10-08-orakzai-attack", kabul = "ev-2025-10-09-kabul-airstrike", ceasefire = "ev-2025-10-15-ceasefire";
        b.waitFor(() -> Boolean.TRUE.equals(b.js("return [...arguments].every(id => document.querySelector('.vis-item.ev-' + id))",
                orakzai, kabul, ceasefire)));
        double x1 = left(orakzai), x2 = left(kabul), x3 = left(ceasefire);
        assertTrue(x1 < x2 && x2 < x3, "Orakzai (8 Oct) before the Kabul strike (9 Oct) before the ceasefire (15 Oct): " + x1 + ", " + x2 + ", " + x3);
        b.shot("geo-1-timeline-october-2025");

        b.driver.findElement(By.cssSelector(".vis-item.ev-" + orakzai)).click();
        b.wait(ExpectedConditions.textToBe(By.id("detail-title"), "TTP kills eleven soldiers in Orakzai"));
        // the detail lists the sources the entity API gives: a footnote is inside its report's space (issue #11)
        WebElement fn = b.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#detail .sources a[href='/id/icg-asia-354/fn-56']")));
        assertEquals("fn 56", fn.getText());
        String panel = b.driver.findElement(By.id("detail")).getText();
        assertTrue(panel.contains("Tehreek-e-Taliban Pakistan") && panel.contains("Orakzai"), panel);
        assertTrue(panel.contains("11") && panel.contains("according to"), "figure with who gives it: " + panel);
        b.shot("geo-2-timeline-orakzai-detail");

        // zoom buttons: "all years" spans decades (the earliest event is the refugee influx of the 1980s)
        b.driver.findElement(By.id("tl-all")).click();
        Number years = (Number) b.js("const w = atlas.timeline().getWindow(); return (w.end - w.start) / (365.25 * 86400000)");
        assertTrue(years.doubleValue() > 30, "the whole timeline spans decades: " + years);
        b.shot("geo-2b-timeline-all-years");
        b.js("atlas.zoomToMonth()");

        // keyboard: right arrow on the focused timeline moves to the next event of the month
        b.driver.findElement(By.id("timeline")).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        b.waitFor(() -> !orakzai.equals(b.js("return atlas.state.selected")));
        List<String> errors = b.consoleErrors();
        assertTrue(errors.isEmpty(), "no console errors: " + errors);
    }

    @Test
    @Order(2)
    void mapOnNovember2025ShowsWanaIslamabadAndPeshawarAttacksAtTheirPlaces() {
        b.size(1280, 800);
        b.open("/explorer/atlas.html#/time?month=2025-11");
        b.waitFor(() -> "2025-11".equals(b.js("return document.body.dataset.month")));
        Map<String, String> attacks = Map.of("ev-2025-11-10-wana-cadet-college-attack", "pl-wana",
                "ev-2025-11-11-islamabad-court-bombing", "pl-islamabad", "ev-2025-11-24-peshawar-fc-attack", "pl-peshawar");
        for (var a : attacks.entrySet()) {
            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) b.js("""
                    const m = atlas.state.markers.get(arguments[0]); const p = atlas.state.places.get(arguments[1]);
                    if (!m || !p) return null;
                    const ll = m.getLatLng();
                    return [ll.lat, ll.lng, p.point.lat, p.point.lon];""", a.getKey(), a.getValue());
            assertNotNull(at, a.getKey() + " drawn on the map in November 2025");
            assertEquals(at.get(2).doubleValue(), at.get(0).doubleValue(), 0.2, a.getKey() + " latitude at " + a.getValue());
            assertEquals(at.get(3).doubleValue(), at.get(1).doubleValue(), 0.2, a.getKey() + " longitude at " + a.getValue());
        }
        assertNull(b.js("return atlas.state.markers.get('ev-2025-10-08-orakzai-attack') || null"), "October events are not on the November map");
        b.shot("geo-3-map-november-2025");

        b.js("atlas.state.markers.get('ev-2025-11-10-wana-cadet-college-attack').fire('click')");
        WebElement popup = b.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertTrue(popup.getText().contains("Wana") && popup.getText().contains("cadet college"), popup.getText());
        b.shot("geo-4-map-wana-clicked");
    }

    @Test
    @Order(3)
    void claimThreadsShowTheStrikeClaimAnsweredByTheMilitarysDenial() {
        b.size(1280, 800);
        b.open("/explorer/atlas.html#/claims");
        WebElement thread = b.wait(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-thread='cl-kabul-pakistan-struck-khost-kunar-paktika']")));
        WebElement denial = thread.findElement(By.cssSelector(".claim-responses [data-claim='cl-ispr-denies-strikes-in-afghanistan']"));
        assertTrue(denial.getText().toLowerCase().contains("denial"), denial.getText());
        assertFalse(thread.findElements(By.cssSelector("a[href='/id/icg-asia-354/fn-67']")).isEmpty(), "thread carries its footnote");
        b.js("arguments[0].scrollIntoView({block: 'center'})", thread);
        b.shot("geo-5-claim-thread-khost-strikes");
    }

    @Test
    @Order(4)
    void octoberCasualtyClaimsAppearAs58Versus23PerClaimant() {
        b.size(1280, 800);
        b.open("/explorer/atlas.html#/claims");
        WebElement group = b.wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".fig-group[data-event='ev-2025-10-11-border-clashes'][data-measure='Pakistani soldiers killed']")));
        List<WebElement> bars = group.findElements(By.cssSelector(".bar"));
        assertEquals(List.of("23", "58"), bars.stream().map(e -> e.getAttribute("data-value")).sorted().toList(), "two figures, never merged");
        String text = group.getText();
        assertTrue(text.contains("Pakistani military") || text.contains("Pakistan"), text);
        assertTrue(text.contains("Taliban"), text);
        b.js("arguments[0].scrollIntoView({block: 'center'})", group);
        b.shot("geo-6-contested-figures-58-vs-23");
    }

    @Test
    @Order(5)
    void anEventLinkFromTheNetworkSelectsItOnTheTimelineAndTheMap() {
        b.size(1280, 800);
        b.open("/#/actor/ttp");
        b.waitFor(() -> Boolean.TRUE.equals(b.js("return !!document.querySelector(\"#events a[href*='ev-2025-11-10-wana-cadet-college-attack']\")")));
        b.driver.findElement(By.cssSelector("#events a[href*='atlas.html'][href*='ev-2025-11-10-wana-cadet-college-attack']")).click();
        b.waitFor(() -> "true".equals(b.js("return document.body.dataset.ready || ''")));
        b.wait(ExpectedConditions.textToBe(By.id("detail-title"), "Suicide-and-gun attack on the Wana cadet college"));
        assertEquals(List.of("ev-2025-11-10-wana-cadet-college-attack"), b.js("return atlas.timeline().getSelection()"));
        assertEquals(Boolean.TRUE, b.js("return (atlas.state.allMarkers || []).some(m => m.eventId === arguments[0] && m.options.weight === 3)",
                "ev-2025-11-10-wana-cadet-college-attack"), "highlighted on the map");
        b.shot("geo-9-from-network-to-timeline");
    }

    @Test
    @Order(6)
    void phoneWidthStaysReadable() {
        b.size(390, 844);
        b.open("/explorer/atlas.html#/time?month=2025-11");
        Number overflow = (Number) b.js("const m = document.querySelector('main:not([hidden])');"
                + " return Math.max(document.documentElement.scrollWidth - window.innerWidth, m.scrollWidth - m.clientWidth)");
        assertTrue(overflow.intValue() <= 1, "no horizontal scrolling at phone width: " + overflow);
        b.shot("geo-7-phone-timeline-map");
        b.open("/explorer/atlas.html#/claims");
        b.shot("geo-8-phone-claims");
        b.size(1280, 800);
    }

    private static double left(String id) {
        return ((Number) b.js("return document.querySelector('.vis-item.ev-' + arguments[0]).getBoundingClientRect().left", id)).doubleValue();
    }
}
