package kg.borderlands.serve.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The SPARQL workbench (/explorer/workbench.html) in headless Chromium. Screenshots: target/screenshots/wb-*.png. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {
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
    void aTypedGeoSparqlQueryDrawsItsResultsOnAMap() {
        b.size(1280, 800);
        b.open("/explorer/workbench.html");
        b.js("workbench.editor().setValue('')");
        WebElement editor = b.driver.findElement(By.cssSelector(".CodeMirror textarea"));
        // typed as a user would, without PREFIX lines for geo:, bkr: (the workbench adds the known ones)
        editor.sendKeys("PREFIX geof: <http://www.opengis.net/def/function/geosparql/>\n"
                + "SELECT ?place ?point WHERE {\n"
                + "bkr:pl-khyber-pakhtunkhwa geo:hasGeometry/geo:asWKT ?kp . FILTER(STRSTARTS(STR(?kp), \"MULTIPOLYGON\") || STRSTARTS(STR(?kp), \"POLYGON\"))\n"
                + "?place geo:hasGeometry/geo:asWKT ?point . FILTER(STRSTARTS(STR(?point), \"POINT\"))\n"
                + "FILTER(geof:sfWithin(?point, ?kp))\n}");
        b.js("document.querySelectorAll('.CodeMirror-hints').forEach(e => e.remove())");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        b.waitFor(() -> "true".equals(b.js("return document.body.dataset.resultReady")));
        assertEquals("map", b.js("return document.body.dataset.view"), "geometries in the results open the map: "
                + b.driver.findElement(By.id("error")).getText());
        b.waitFor(() -> b.js("return document.body.dataset.mapFeatures || ''") != null
                && !"".equals(b.js("return document.body.dataset.mapFeatures || ''")));
        int features = Integer.parseInt((String) b.js("return document.body.dataset.mapFeatures"));
        // points inside KP's outline include at least Peshawar, Wana, Bajaur, Bannu, Orakzai and Torkham
        assertTrue(features >= 6, features + " features on the map");
        String table = (String) b.js("return document.getElementById('out-table').textContent");
        for (String p : List.of("bkr:pl-peshawar", "bkr:pl-wana", "bkr:pl-bajaur", "bkr:pl-torkham"))
            assertTrue(table.contains(p), p + " in " + table);
        assertFalse(table.contains("bkr:pl-islamabad"), "Islamabad is not in Khyber Pakhtunkhwa");
        assertTrue(((String) b.js("return location.hash")).startsWith("#query="), "shareable URL");
        b.shot("wb-1-geosparql-map");
        List<String> errors = b.consoleErrors();
        assertTrue(errors.isEmpty(), "no console errors: " + errors);
    }

    @Test
    @Order(2)
    void competencyQuestionGivesASortableTableWithEntityLinksAndDownloads() {
        b.open("/explorer/workbench.html");
        b.driver.findElement(By.cssSelector("#examples li[data-name='cq-27-october-clash-casualty-figures'] a")).click();
        b.waitFor(() -> "true".equals(b.js("return document.body.dataset.resultReady")));
        b.driver.findElement(By.id("tab-table")).click();
        WebElement th = b.wait(ExpectedConditions.elementToBeClickable(By.xpath("//table[@id='wb-table']//th[text()='value']")));
        th.click();
        List<Double> values = b.driver.findElements(By.xpath("//table[@id='wb-table']/tbody/tr/td[1]")).stream()
                .map(e -> Double.valueOf(e.getText())).toList();
        assertEquals(List.of(23.0, 58.0, 112.0, 206.0), values, "sorted numerically by value, not as text");
        th = b.driver.findElement(By.xpath("//table[@id='wb-table']//th[text()='value']"));
        th.sendKeys(Keys.ENTER);
        assertEquals(206.0, Double.parseDouble(b.driver.findElement(By.xpath("//table[@id='wb-table']/tbody/tr[1]/td[1]")).getText()), "Enter sorts descending");
        WebElement link = b.driver.findElement(By.linkText("bkr:taliban-government"));
        assertTrue(link.getAttribute("href").endsWith("/id/taliban-government"));
        assertFalse(b.driver.findElement(By.id("dl-csv")).getAttribute("href").isEmpty());
        assertFalse(b.driver.findElement(By.id("dl-json")).getAttribute("href").isEmpty());
        b.driver.findElement(By.id("tab-chart")).click();
        assertEquals(4, b.driver.findElements(By.cssSelector("#out-chart .bar")).size(), "a bar per figure");
        b.shot("wb-2-chart-october-figures");
    }

    @Test
    @Order(3)
    void constructDrawsANetwork() {
        b.open("/explorer/workbench.html#query=" + java.net.URLEncoder.encode(
                "CONSTRUCT { ?d blk:respondsTo ?a . ?a blk:claimant ?who } WHERE { ?d a blk:Denial ; blk:respondsTo ?a . ?a blk:claimant ?who }",
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        b.waitFor(() -> "true".equals(b.js("return document.body.dataset.resultReady")));
        assertEquals("network", b.js("return document.body.dataset.view"), b.driver.findElement(By.id("error")).getText());
        assertTrue(Integer.parseInt((String) b.js("return document.body.dataset.networkNodes")) >= 3);
        b.shot("wb-3-construct-network");
        String url = b.driver.getCurrentUrl();
        b.size(390, 844);
        b.open(url.substring(url.indexOf("/explorer/")));
        b.waitFor(() -> "true".equals(b.js("return document.body.dataset.resultReady")));
        b.shot("wb-4-phone");
        Number overflow = (Number) b.js("const m = document.querySelector('main');"
                + " return Math.max(document.documentElement.scrollWidth - window.innerWidth, m.scrollWidth - m.clientWidth)");
        assertTrue(overflow.intValue() <= 1, "no horizontal scrolling at phone width: " + overflow);
        b.size(1280, 800);
    }
}
