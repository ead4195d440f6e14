package dev.stormproof.samples.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a generated Allure report in Debian's Chromium through chromium-driver, served from a
 * loopback HTTP server, and checks what QA relies on, per failure kind (one category each):
 * the category has one message group; the test's failed step is shown failed or broken; its
 * screenshots load in the page; and no request leaves the loopback interface. Saves a PNG of each
 * failed test's page next to the report ({@code browser-check/}).
 *
 * <p>Usage: {@code ReportBrowserCheck <report-dir> [--check]}; without {@code --check} it does
 * nothing (the default build). Throws, listing every problem, when a check fails.
 */
public final class ReportBrowserCheck {

  private final Path report;
  private final List<String> problems = new ArrayList<>();
  private final List<String> checked = new ArrayList<>();

  private ReportBrowserCheck(Path report) {
    this.report = report;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !args[1].equals("--check")) {
      return;
    }
    ReportBrowserCheck check = new ReportBrowserCheck(Paths.get(args[0]).toAbsolutePath());
    check.run();
    check.checked.forEach(c -> System.out.println("Browser check: " + c));
    if (!check.problems.isEmpty()) {
      throw new IllegalStateException("the Allure report fails the browser check:\n  " + String.join("\n  ", check.problems));
    }
  }

  private void run() throws Exception {
    List<ReportData.Kind> kinds = ReportData.kinds(report);
    for (ReportData.Kind kind : kinds) {
      if (kind.groups() != 1) {
        problems.add("category '" + kind.name() + "' has " + kind.groups() + " message groups, expected 1 (normalized messages)");
      }
    }
    Path shots = Files.createDirectories(report.resolve("browser-check"));
    try (LoopbackServer server = LoopbackServer.serve(report)) {
      ChromeDriver driver = driver();
      try {
        String base = server.base();
        driver.get(base + "index.html#categories");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        By categories = By.cssSelector(".tree > .tree__content > .node > .node__title > .node__name");
        wait.until(d -> !d.findElements(categories).isEmpty() || kinds.isEmpty());
        List<String> shown = driver.findElements(categories)
            .stream().map(WebElement::getText).toList();
        for (ReportData.Kind kind : kinds) {
          long times = shown.stream().filter(kind.name()::equals).count();
          if (times != 1) {
            problems.add("the Categories page shows '" + kind.name() + "' " + times + " time(s), expected once (shown: " + shown + ")");
          }
        }
        checked.add("categories page shows " + shown);
        for (ReportData.Kind kind : kinds) {
          checkTest(driver, wait, base, kind, shots);
        }
        checkNetwork(driver, base);
      } finally {
        driver.quit();
      }
    }
  }

  private void checkTest(ChromeDriver driver, WebDriverWait wait, String base, ReportData.Kind kind, Path shots) throws Exception {
    ReportData.Case c = ReportData.testCase(report, kind.firstTest());
    driver.get(base + "index.html#testresult/" + c.uid());
    wait.until(d -> !d.findElements(By.cssSelector(".test-result-execution .step")).isEmpty());
    String where = "'" + kind.name() + "' test '" + c.name() + "'";
    if (c.failedStep() != null) {
      WebElement title = stepTitle(driver, c.failedStep());
      if (title == null || title.findElements(By.cssSelector(".text_status_failed, .text_status_broken")).isEmpty()) {
        problems.add(where + ": its failed step '" + c.failedStep() + "' is not shown failed or broken");
      } else {
        title.click(); // expands the step: its attachments
        checked.add(where + ": step '" + c.failedStep() + "' shown " + c.failedStatus());
      }
    }
    for (String image : c.images()) {
      List<WebElement> rows = driver.findElements(By.xpath("//div[contains(@class,'attachment-row')][.//*[normalize-space(text())="
          + xpathLiteral(image) + "]]"));
      if (rows.isEmpty()) {
        problems.add(where + ": no attachment row '" + image + "'");
        continue;
      }
      // Pictures of passed steps sit inside steps Allure shows collapsed; the failed step was opened above.
      List<WebElement> shown = rows.stream().filter(WebElement::isDisplayed).toList();
      if (shown.isEmpty()) {
        checked.add(where + ": image '" + image + "' is inside a collapsed step (not opened)");
        continue;
      }
      WebElement row = shown.get(0);
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
      row.click();
      WebElement img;
      try {
        img = new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(d -> d.findElements(By.cssSelector("img.attachment__media, object.attachment__embed")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> loaded(d, img) > 0);
        checked.add(where + ": image '" + image + "' loads (" + loaded(driver, img) + " px wide)");
      } catch (org.openqa.selenium.TimeoutException e) {
        problems.add(where + ": image '" + image + "' does not load");
      }
      row.click(); // collapse again, so the next image is the only one shown
    }
    Files.write(shots.resolve(kind.name().replaceAll("[^A-Za-z0-9]+", "-") + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Width in pixels the image rendered at: a JPEG/PNG's natural width, an SVG object's drawn width. */
  private static long loaded(org.openqa.selenium.WebDriver d, WebElement img) {
    Object w = ((JavascriptExecutor) d).executeScript("var e = arguments[0];"
        + "if (e.tagName === 'IMG') { return e.complete ? e.naturalWidth : 0; }"
        + "var doc = e.contentDocument;"
        + "return doc && doc.documentElement && doc.documentElement.nodeName.toLowerCase() === 'svg'"
        + " ? Math.round(doc.documentElement.getBoundingClientRect().width) : 0;", img);
    return w instanceof Number n ? n.longValue() : 0;
  }

  private static WebElement stepTitle(ChromeDriver driver, String name) {
    for (WebElement title : driver.findElements(By.cssSelector(".step__title"))) {
      List<WebElement> n = title.findElements(By.cssSelector(".step__name"));
      if (!n.isEmpty() && n.get(0).getText().trim().equals(name)) {
        return title;
      }
    }
    return null;
  }

  /** Every request the page made, from Chromium's performance log: only the loopback server. */
  @SuppressWarnings("unchecked")
  private void checkNetwork(ChromeDriver driver, String base) {
    Json json = new Json();
    int requests = 0;
    int elsewhere = 0;
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      Map<String, Object> whole = json.toType(entry.getMessage(), Map.class);
      Map<String, Object> message = (Map<String, Object>) whole.get("message");
      if (!"Network.requestWillBeSent".equals(message.get("method"))) {
        continue;
      }
      String url = String.valueOf(((Map<String, Object>) ((Map<String, Object>) message.get("params")).get("request")).get("url"));
      requests++;
      if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:") && !url.startsWith("about:")) {
        problems.add("the page requested " + url + ", which is not on the loopback server");
        elsewhere++;
      }
    }
    checked.add(requests + " requests, " + elsewhere + " of them not to " + base + " (or data:/blob:)");
  }

  private static ChromeDriver driver() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("stormproof.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Paths.get(System.getProperty("stormproof.chromedriver", "/usr/bin/chromedriver")).toFile())
        .build();
    return new ChromeDriver(service, options);
  }

  private static String xpathLiteral(String s) {
    return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
  }
}
