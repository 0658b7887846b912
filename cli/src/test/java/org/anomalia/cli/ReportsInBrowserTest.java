package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Each kind of report.html opened as a person opens it: in Debian's chromium (headless, through
 * chromedriver; `.ci/run` installs both). Every figure must have loaded (an image with a width), the
 * console must show no error, and a full-page screenshot goes to target/report-screenshots/ for a look.
 * Without chromium the test is skipped with the command that installs it.
 */
class ReportsInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path dir;

    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no chromium here: apt-get install -y chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--window-size=1200,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void gofReportsShowEveryPlot() throws IOException {
        Path m = dir.resolve("m.json");
        Files.writeString(m, "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2], \"covariance\": [[0.04, 0.01], [0.01, 0.09]]}");
        Path s = linearSamples(dir.resolve("samples.csv"), 3000);
        String[] input = {"--measurement", m.toString(), "--theory-samples", s.toString(), "--epochs", "2"};
        Path gof = dir.resolve("gof");
        run(concat(concat(new String[] {"gof"}, input), "--cov-uncertainty", "lkj:50", "--cov-draws", "3", "--out", gof.toString()));
        look("gof", gof.resolve("report.html"));
        Path blind = dir.resolve("blind");
        run(concat(concat(new String[] {"gof"}, input), "--blind", "--out", blind.toString()));
        look("gof-blind", blind.resolve("report.html"));
        Path power = dir.resolve("power");
        run(concat(concat(new String[] {"gof", "power"}, input), "--pseudo", "100", "--mahalanobis", "2", "--out", power.toString()));
        look("gof-power", power.resolve("report.html"));
    }

    @Test
    void eventsReportsShowEveryPlot() throws IOException {
        Path data = dir.resolve("data.csv"), background = dir.resolve("background.csv");
        run("events", "generate", "--model", "toy", "--background-events", "30000", "--s-over-b", "0.1", "--seed", "3", "--out", data.toString());
        run("events", "generate", "--model", "toy", "--background-events", "30000", "--s-over-b", "0", "--seed", "4", "--out", background.toString());
        Path ideal = dir.resolve("idealized");
        run("events", "idealized", "--data", data.toString(), "--background", background.toString(), "--classifier", "xgboost",
                "--folds", "2", "--out", ideal.toString());
        look("events-idealized", ideal.resolve("report.html"));
        Path evaluated = dir.resolve("evaluated");
        run("events", "evaluate", "--scores", ideal.resolve("scores.csv").toString(), "--events", data.toString(),
                "--out", evaluated.toString());
        look("events-evaluate", evaluated.resolve("report.html"));

        Path scan = dir.resolve("scan");
        run("events", "scan", "--data", data.toString(), "--scan-range", "2.9,5.0", "--window-width", "0.4", "--toys", "10",
                "--bin-width", "0.05", "--seed", "5", "--out", scan.toString());
        look("events-scan", scan.resolve("report.html"));

        Path cand = dir.resolve("cand.npy"), features = dir.resolve("f.npy");
        run("events", "generate-bfactory", "--events", "4000", "--jpsik-rate", "0.05", "--seed", "3", "--out", cand.toString());
        run("events", "features", "--events", cand.toString(), "--particles", "mup,mum,k", "--cm-beams", "7,4", "--b-candidate",
                "--out", features.toString());
        Path study = dir.resolve("study");
        run("events", "significance-study", "--events", features.toString(), "--resonant", "m_mup_mum_k", "--sr", "5.25,5.31",
                "--scores", "ae-mse", "--depths", "3", "--latents", "2", "--epochs", "2", "--seeds", "1", "--out", study.toString());
        look("events-significance-study", study.resolve("report.html"));
    }

    /** Opens the page, checks every figure loaded and the console stayed clean, keeps a screenshot. */
    private static void look(String name, Path page) throws IOException {
        assertTrue(Files.isRegularFile(page), page + " was not written");
        browser.get(page.toUri().toString());
        JavascriptExecutor js = browser;
        long images = (Long) js.executeScript("return document.images.length");
        assertTrue(images > 0, name + ": no figure on the page");
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) js.executeScript(
                "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'))");
        assertEquals(List.of(), broken, name + ": figures that did not load");
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, name + ": errors in the browser console");
        long height = (Long) js.executeScript("return Math.max(document.body.scrollHeight, 900)");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, (int) Math.min(height, 12000)));
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
    }

    /** Runs the command with its output swallowed; it must succeed. */
    private static void run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertEquals(Main.OK, code, String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
    }

    /** n linear-Gaussian theory draws of observables a, b. */
    private static Path linearSamples(Path file, int n) throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        Random rng = new Random(5);
        for (int i = 0; i < n; i++) {
            double nu = rng.nextGaussian();
            sb.append(0.3 * nu).append(',').append(-0.2 * nu + 0.05 * rng.nextGaussian()).append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
