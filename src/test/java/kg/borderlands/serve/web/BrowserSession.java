package kg.borderlands.serve.web;

import kg.borderlands.serve.WebTestServer;
import kg.borderlands.support.TestProject;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Debian Chromium through {@code /usr/bin/chromedriver} against the real store on an ephemeral port,
 * for the timeline/map/claims and workbench tests. Screenshots go to {@code target/screenshots/}. Skipped
 * locally without Chromium; a failure when {@code CI=true}.
 */
final class BrowserSession implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    final WebTestServer server;
    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Path screenshots;

    private BrowserSession(WebTestServer server, ChromeDriver driver, ChromeDriverService service, Path profile, Path screenshots) {
        this.server = server;
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    static BrowserSession start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String msg = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " — required on CI");
            Assumptions.abort(msg + " — browser test skipped");
        }
        Path screenshots = TestProject.root().resolve("target/screenshots");
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("bkg-chromium-");
        WebTestServer server = WebTestServer.start(TestProject.root().resolve("queries"));
        ChromeDriverService service = null;
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                    .withLogFile(TestProject.root().resolve("target/chromedriver-geo.log").toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new BrowserSession(server, driver, service, profile, screenshots);
        } catch (RuntimeException e) {
            if (service != null) service.stop();
            server.close();
            throw e;
        }
    }

    /** Loads a page afresh and waits until the page says it is ready. */
    void open(String path) {
        driver.get("about:blank");
        driver.get(server.url(path));
        waitFor(() -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T wait(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    void waitFor(BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT).until(d -> condition.getAsBoolean());
    }

    /** Severe messages in the browser console (script errors, failed loads), except the favicon the server has not. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .filter(m -> !m.contains("/favicon.ico")).toList();
    }

    void shot(String name) {
        try {
            File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            throw new RuntimeException("screenshot " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            try {
                service.stop();
            } finally {
                server.close();
                try (var s = Files.walk(profile)) {
                    for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
                }
            }
        }
    }
}
