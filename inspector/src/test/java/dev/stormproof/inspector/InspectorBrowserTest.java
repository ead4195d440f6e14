package dev.stormproof.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceSelection;
import dev.stormproof.device.virtual.arena.Arena;
import dev.stormproof.vision.VisionOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The acceptance test: the inspector in a real browser against the embedded virtual
 * device running Arena, through the provider seam as {@code InspectorMain} does.
 */
class InspectorBrowserTest {

  /**
   * The inside of Arena's PLAY button on the 1080x2400 title screen (ArenaLayout: 360,1730,360,140).
   * Inset past the rounded ends: there the drifting background particles show through, and a
   * frame later the score would be 0.999. Even coordinates: exact at 50% zoom.
   */
  private static final int PLAY_X = 400;
  private static final int PLAY_Y = 1746;
  private static final int PLAY_W = 280;
  private static final int PLAY_H = 108;
  private static final double ZOOM = 0.5;

  @TempDir Path dir;
  private DeviceSelection selection;
  private Device device;
  private Inspector inspector;
  private ChromeDriver browser;

  @BeforeEach
  void start() {
    Map<String, String> config = Map.of("stormproof.device", "virtual");
    selection = DeviceSelection.open(k -> Optional.ofNullable(config.get(k)), k -> null, getClass().getClassLoader());
    device = selection.devices().get(0);
    inspector = Inspector.start(device, selection.explanation(), dir.resolve("templates"), dir.resolve("screens"),
        VisionOptions.defaults(), 0);
    browser = Browser.start(dir.resolve("profile"));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (inspector != null) {
      inspector.close();
    }
    if (selection != null) {
      selection.close();
    }
  }

  private long shownShot(WebElement img) {
    String s = img.getDomAttribute("data-shot");
    return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
  }

  @Test
  void cutsATemplateSeesItMatchAndDrivesTheGameWithoutLeavingLoopback() throws Exception {
    device.startApp(Arena.COMPONENT);
    await().atMost(Duration.ofSeconds(20)).until(() -> "title".equals(Arena.state(device).get("screen")));
    browser.get(inspector.uri().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement img = browser.findElement(By.id("screen"));
    // The live screen: a frame captured after the title was up, shown at 50%.
    long titleUp = wait.until(d -> shownShot(img) > 0 ? shownShot(img) : null);
    wait.until(d -> shownShot(img) > titleUp + 1);
    assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", img)).intValue()).isEqualTo(1080);
    assertThat(browser.findElement(By.id("info")).getText()).startsWith("1080x2400 px, shown at 50%");
    assertThat(browser.findElement(By.id("device")).getText()).contains("1080x2400");
    // The page shows the device's pixels (JPEG: within a few levels), read back through a canvas,
    // at points on PLAY's face away from its label: particles drift elsewhere.
    BufferedImage screen = ImageIO.read(new ByteArrayInputStream(device.screenshot().toPng()));
    for (int[] p : new int[][] {{420, 1770}, {660, 1835}, {540, 1758}}) {
      @SuppressWarnings("unchecked")
      List<Number> rgb = (List<Number>) browser.executeScript("const c = document.createElement('canvas');"
          + "c.width = arguments[0].naturalWidth; c.height = arguments[0].naturalHeight;"
          + "const g = c.getContext('2d'); g.drawImage(arguments[0], 0, 0);"
          + "return Array.from(g.getImageData(arguments[1], arguments[2], 1, 1).data).slice(0, 3);", img, p[0], p[1]);
      int expected = screen.getRGB(p[0], p[1]);
      int[] want = {expected >> 16 & 0xff, expected >> 8 & 0xff, expected & 0xff};
      for (int c = 0; c < 3; c++) {
        assertThat(rgb.get(c).intValue()).as("channel %d at %s", c, java.util.Arrays.toString(p)).isCloseTo(want[c],
            org.assertj.core.data.Offset.offset(24));
      }
    }

    // Drag a box inside PLAY (offsets are from the overlay's centre) and save it.
    WebElement overlay = browser.findElement(By.id("overlay"));
    int cx = (int) (1080 * ZOOM / 2);
    int cy = (int) (2400 * ZOOM / 2);
    new Actions(browser)
        .moveToElement(overlay, (int) (PLAY_X * ZOOM) - cx, (int) (PLAY_Y * ZOOM) - cy).clickAndHold()
        .moveToElement(overlay, (int) ((PLAY_X + PLAY_W / 2) * ZOOM) - cx, (int) ((PLAY_Y + PLAY_H / 2) * ZOOM) - cy)
        .moveToElement(overlay, (int) ((PLAY_X + PLAY_W) * ZOOM) - cx, (int) ((PLAY_Y + PLAY_H) * ZOOM) - cy).release()
        .perform();
    assertThat(List.of(value("bx"), value("by"), value("bw"), value("bh")))
        .containsExactly("" + PLAY_X, "" + PLAY_Y, "" + PLAY_W, "" + PLAY_H);
    browser.findElement(By.id("name")).sendKeys("inspected/play.png");
    browser.findElement(By.id("save")).click();
    WebElement best = wait.until(d -> d.findElements(By.id("preview-best")).stream().findFirst().orElse(null));
    assertThat(best.getText()).isEqualTo("Best 1.000 at 400,1746,280,108");

    // The file on disk holds the dragged box.
    Path file = dir.resolve("templates/inspected/play.png");
    assertThat(file).exists();
    BufferedImage saved = ImageIO.read(file.toFile());
    assertThat(saved.getWidth()).isEqualTo(PLAY_W);
    assertThat(saved.getHeight()).isEqualTo(PLAY_H);
    BufferedImage now = ImageIO.read(new ByteArrayInputStream(device.screenshot().toPng()));
    assertThat(saved.getRGB(PLAY_W / 2, PLAY_H / 2)).isEqualTo(now.getRGB(PLAY_X + PLAY_W / 2, PLAY_Y + PLAY_H / 2));

    // The library, matched on a live frame captured after the save: found, score 1.
    WebElement row = wait.until(d -> d.findElements(By.cssSelector("#matches tr[data-name='inspected/play.png']"))
        .stream().findFirst().orElse(null));
    List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(cells).containsExactly("inspected/play.png", "found", "1.000", "400,1746,280,108");
    row.click();
    wait.until(d -> "inspected/play.png".equals(d.findElement(By.id("heat")).getDomAttribute("data-name")));
    assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", browser.findElement(By.id("heat"))))
        .intValue()).isGreaterThan(0);
    Files.write(Path.of("target/inspector-page.png"), browser.getScreenshotAs(OutputType.BYTES));

    // Drive: a click on PLAY taps the device, which leaves the title for the lobby.
    browser.findElement(By.id("mode-drive")).click();
    new Actions(browser).moveToElement(overlay, (int) ((PLAY_X + PLAY_W / 2) * ZOOM) - cx,
        (int) ((PLAY_Y + PLAY_H / 2) * ZOOM) - cy).click().perform();
    wait.until(d -> d.findElement(By.id("script")).getText().contains("vision.tap"));
    assertThat(browser.findElement(By.id("script")).getText()).isEqualTo("vision.tap(\"inspected/play.png\");");
    await().atMost(Duration.ofSeconds(20)).until(() -> List.of("lobby", "reward").contains(Arena.state(device).get("screen")));

    assertOnlyLoopback();
  }

  private String value(String id) {
    return browser.findElement(By.id(id)).getDomProperty("value");
  }

  /**
   * Every request the page made, from Chrome's network log and the page's resource timing, went
   * to 127.0.0.1, and no other web document in the browser sent one elsewhere. Chrome's own
   * {@code chrome://} pages (the new-tab page it opens first) are not the page under test.
   */
  private void assertOnlyLoopback() {
    String origin = "http://127.0.0.1:" + inspector.uri().getPort() + "/";
    List<String> ours = new ArrayList<>();
    List<String> network = new ArrayList<>();
    Pattern url = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]*)\"");
    Pattern document = Pattern.compile("\"documentURL\":\"([^\"]*)\"");
    for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
      if (e.getMessage().contains("\"Network.requestWillBeSent\"")) {
        Matcher u = url.matcher(e.getMessage());
        Matcher d = document.matcher(e.getMessage());
        if (u.find()) {
          String doc = d.find() ? d.group(1) : "";
          if (!doc.startsWith("chrome://") && u.group(1).matches("(?i)(https?|wss?|ftp)://.*")) {
            network.add(u.group(1));
          }
          if (doc.startsWith(origin)) {
            ours.add(u.group(1));
          }
        }
      }
    }
    assertThat(ours).as("the page's requests in Chrome's network log").isNotEmpty()
        .anyMatch(u -> u.startsWith(origin + "api/screen"))
        .allMatch(u -> u.startsWith(origin) || u.startsWith("blob:" + origin.substring(0, origin.length() - 1)));
    assertThat(network).as("network requests of every web document").allMatch(u -> u.startsWith(origin));
    @SuppressWarnings("unchecked")
    List<String> timed = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)"
            + ".concat(performance.getEntriesByType('navigation').map(e => e.name))");
    assertThat(timed).as("the page's resource timing").isNotEmpty().allMatch(u -> u.startsWith(origin));
  }
}
