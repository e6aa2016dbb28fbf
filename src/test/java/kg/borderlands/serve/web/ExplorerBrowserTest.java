package kg.borderlands.serve.web;

import kg.borderlands.serve.WebTestServer;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The explorer in a real browser: Debian's Chromium, headless, driven by Selenium through
 * {@code /usr/bin/chromedriver} (no Selenium Manager download), against the real store on an ephemeral port.
 * Screenshots of every step go to {@code target/screenshots/}. Without Chromium the test is skipped locally
 * and fails when the {@code CI} environment variable is {@code true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebTestServer server;
    private static ChromeDriver driver;
    private static ChromeDriverService service;
    private static Path profile;
    private static Path screenshots;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String msg = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " — required on CI");
            Assumptions.abort(msg + " — browser test skipped");
        }
        screenshots = TestProject.root().resolve("target/screenshots");
        Files.createDirectories(screenshots);
        profile = Files.createTempDirectory("bkg-chromium-");
        server = WebTestServer.start(TestProject.root().resolve("queries"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,950", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));   // to see CSP violations
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(TestProject.root().resolve("target/chromedriver.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) driver.quit();
        } finally {
            try {
                if (service != null) service.stop();
            } finally {
                if (server != null) server.close();
                if (profile != null) deleteTree(profile);
            }
        }
    }

    @AfterEach
    void screenshotAfterEachStep(TestInfo info) throws Exception {
        shot("after-" + info.getTestMethod().map(m -> m.getName()).orElse("step"));
    }

    @Test
    @Order(1)
    void searchOpensTheTtpWithItsAllegianceAndFootnote() {
        open("/");
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("Pakistani Taliban");
        WebElement first = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results li")));
        assertEquals("ttp", first.getAttribute("data-id"), "the TTP is the first hit");
        first.click();

        wait(ExpectedConditions.textToBe(By.id("entity-title"), "Tehreek-e-Taliban Pakistan"));
        waitFor(() -> Boolean.TRUE.equals(js("return explorer.state.centre === 'ttp' && explorer.cy().nodes('#ttp').length === 1")));
        WebElement allegiance = driver.findElement(By.cssSelector("#relations li[data-tie='tie-ttp-allegiance-afghan-taliban']"));
        String text = allegiance.getText();
        assertTrue(text.contains("allegiance") && text.contains("Afghan Taliban"), text);
        assertTrue(text.contains("2021-08-17"), text);
        WebElement fn = allegiance.findElement(By.linkText("fn 32"));
        assertTrue(fn.getAttribute("href").endsWith("/id/icg-asia-354/fn-32"), "the footnote's own IRI, in its source");
        assertTrue(text.contains("§ II.C ¶1, fn 32"), "section, paragraph and footnote: " + text);
        assertTrue(allegiance.isDisplayed());
        assertEquals(Boolean.TRUE, js("return explorer.cy().edges().some(e => e.data('kind') === 'Allegiance'"
                + " && e.data('source') === 'ttp' && e.data('target') === 'afghan-taliban')"), "allegiance edge drawn");
        assertTrue(driver.findElement(By.id("ld-link")).getAttribute("href").endsWith("/id/ttp"));
        assertTrue(((Number) js("return document.querySelectorAll('#kinds input[type=checkbox]').length")).intValue() > 10,
                "relation-kind checkboxes");
        shot("1-ttp");
    }

    @Test
    @Order(2)
    void dateSliderSwitchesThePrimeMinister() {
        open("/#/actor/pakistan-federal-government");
        wait(ExpectedConditions.textToBe(By.id("entity-title"), "Pakistani federal government"));
        waitFor(() -> Boolean.TRUE.equals(js("return explorer.state.centre === 'pakistan-federal-government'"
                + " && explorer.cy().nodes('#pakistan-federal-government').length === 1")));

        slideTo(2022, 2);
        assertEquals("Feb 2022", driver.findElement(By.id("asof-label")).getText());
        assertTrue(hasOffice("imran-khan"), "Imran Khan holds the premiership in Feb 2022");
        assertFalse(hasOffice("shehbaz-sharif"), "the report places Shehbaz Sharif in office only from Oct 2025");
        WebElement imran = driver.findElement(By.cssSelector("#relations li[data-tie='tie-imran-khan-prime-minister']"));
        assertFalse(imran.getAttribute("class").contains("inactive"));
        assertTrue(driver.findElement(By.cssSelector("#relations li[data-tie='tie-shehbaz-sharif-prime-minister']"))
                .getAttribute("class").contains("inactive"), "Shehbaz Sharif's office greyed out in Feb 2022");
        assertTrue(imran.getText().contains("prime minister"), imran.getText());
        shot("2-as-of-feb-2022");

        slideTo(2025, 11);
        assertEquals("Nov 2025", driver.findElement(By.id("asof-label")).getText());
        assertFalse(hasOffice("imran-khan"), "his premiership ended in April 2022");
        assertTrue(hasOffice("shehbaz-sharif"), "Shehbaz Sharif is prime minister in Nov 2025");
        assertTrue(driver.findElement(By.cssSelector("#relations li[data-tie='tie-imran-khan-prime-minister']"))
                .getAttribute("class").contains("inactive"), "Imran Khan's office greyed out in the panel");
        WebElement shehbaz = driver.findElement(By.cssSelector("#relations li[data-tie='tie-shehbaz-sharif-prime-minister']"));
        assertFalse(shehbaz.getAttribute("class").contains("inactive"));
        shot("3-as-of-nov-2025");
    }

    @Test
    @Order(3)
    void pathFromQatarToTheTtp() {
        open("/#/path");
        pick("path-from", "Qatar", "qatar");
        pick("path-to", "TTP", "ttp");
        driver.findElement(By.id("path-go")).click();
        List<WebElement> hops = wait(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#path-hops .hop"), 0));
        assertTrue(hops.get(0).getText().startsWith("1. Qatar"), hops.get(0).getText());
        assertTrue(hops.get(hops.size() - 1).getText().contains("Tehreek-e-Taliban Pakistan"));
        for (WebElement hop : hops) {
            List<WebElement> rels = hop.findElements(By.cssSelector(".rel"));
            assertFalse(rels.isEmpty(), "each hop names its relations");
            assertFalse(hop.findElements(By.cssSelector(".rel .chip")).isEmpty(), "with their kind");
            assertFalse(hop.findElements(By.cssSelector(".rel .fn a")).isEmpty(), "and source footnotes");
            for (WebElement a : hop.findElements(By.cssSelector(".rel .fn a"))) {
                assertTrue(a.getAttribute("href").contains("/id/icg-asia-354/fn-"), "footnote linked inside its source: " + a.getAttribute("href"));
            }
        }
        assertEquals(Boolean.TRUE, js("return explorer.cyPath().nodes('#qatar').length === 1 && explorer.cyPath().nodes('#ttp').length === 1"));
        shot("4-path-qatar-ttp");
    }

    @Test
    @Order(4)
    void sparqlPageRunsACompetencyQuestion() {
        open("/#/sparql");
        WebElement cq = wait(ExpectedConditions.elementToBeClickable(By.cssSelector("#cq-list li[data-name='cq-15-prime-ministers']")));
        cq.click();
        WebElement table = wait(ExpectedConditions.visibilityOfElementLocated(By.id("sparql-table")));
        String text = table.getText();
        assertTrue(text.contains("bkr:imran-khan") && text.contains("bkr:shehbaz-sharif"), text);
        assertTrue(driver.findElement(By.id("sparql-text")).getAttribute("value").contains("OfficeHolding"));
        shot("5-sparql-cq-15");
    }

    @Test
    @Order(5)
    void wholeNetworkHasNoNodePileUps() {
        open("/#/");
        waitFor(() -> Boolean.TRUE.equals(js("return explorer.state.centre === null && explorer.cy().nodes().length > 50")));
        Number overlapping = (Number) js("""
                const ns = explorer.cy().nodes().toArray();
                let bad = 0;
                for (let i = 0; i < ns.length; i++) for (let j = i + 1; j < ns.length; j++) {
                  const a = ns[i].position(), b = ns[j].position();
                  const d = Math.hypot(a.x - b.x, a.y - b.y);
                  if (d < (ns[i].width() + ns[j].width()) / 2) bad++;
                }
                return bad;""");
        Number nodes = (Number) js("return explorer.cy().nodes().length");
        shot("6-whole-network");
        assertTrue(overlapping.intValue() <= nodes.intValue() / 50, overlapping + " overlapping node pairs among " + nodes);
    }

    @Test
    @Order(6)
    void noPageBreaksTheContentSecurityPolicy() {
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);   // drop what came before
        open("/#/");
        waitFor(() -> Boolean.TRUE.equals(js("return explorer.cy().nodes().length > 50")));
        open("/#/actor/ttp");
        driver.get(server.url("/id/ttp"));
        assertTrue(driver.findElement(org.openqa.selenium.By.tagName("h1")).getCssValue("font-size").startsWith("28"),
                "the Linked Data page's stylesheet (a file, not inline) applies");
        java.util.List<String> violations = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertTrue(violations.isEmpty(), "CSP violations: " + violations);
    }

    // ---- helpers ----

    /** Loads a page afresh (a hash change alone would keep the previous state) and waits for the app. */
    private static void open(String path) {
        driver.get("about:blank");
        driver.get(server.url(path));
        waitFor(() -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    private static void slideTo(int year, int month) {
        int index = (year - 2001) * 12 + (month - 1);
        String expected = String.format("%d-%02d-01", year, month);
        Object before = js("return document.body.dataset.networkLoaded || ''");
        js("const s = document.getElementById('asof'); s.value = arguments[0]; s.dispatchEvent(new Event('input', {bubbles: true}));", index);
        waitFor(() -> expected.equals(js("return document.body.dataset.asOf")));
        waitFor(() -> !before.equals(js("return document.body.dataset.networkLoaded || ''")));
    }

    private static boolean hasOffice(String person) {
        return Boolean.TRUE.equals(js("return explorer.cy().edges().some(e => e.data('kind') === 'OfficeHolding'"
                + " && e.data('source') === arguments[0] && e.data('target') === 'pakistan-federal-government')", person));
    }

    private static void pick(String inputId, String text, String id) {
        WebElement input = wait(ExpectedConditions.visibilityOfElementLocated(By.id(inputId)));
        input.clear();
        input.sendKeys(text);
        By hit = By.cssSelector("#" + inputId + " + ul li[data-id='" + id + "']");
        wait(ExpectedConditions.visibilityOfElementLocated(hit)).click();
        wait(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#" + inputId + " + ul")));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).until(d -> condition.getAsBoolean());
    }

    private static void shot(String name) throws RuntimeException {
        if (driver == null) return;
        try {
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new RuntimeException("screenshot " + name + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
