package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Point;
import dev.stormproof.testing.RecordingSink;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionWaitTest {

  @TempDir Path dir;

  private static final BufferedImage MENU = Screens.screen(1080, 2400, 1.0, g -> {
    Screens.button(g, 300, 1700, 96, Screens.BLUE, 0);
    Screens.button(g, 600, 1700, 96, Screens.BLUE, 1);
  });
  private static final BufferedImage SHOP = Screens.screen(1080, 2400, 1.0, g -> {
    Screens.button(g, 100, 400, 96, Screens.BLUE, 2);
    Screens.button(g, 600, 1700, 96, Screens.BLUE, 1);
  });

  private static final VisionOptions FAST = VisionOptions.defaults()
      .withTimeout(Duration.ofMillis(300)).withPoll(Duration.ofMillis(20));

  private VisionFixture fixture() {
    VisionFixture fx = new VisionFixture(dir, MENU, FAST);
    fx.templates.crop("ui/play.png", MENU, 300, 1700, 96, 96);
    fx.templates.crop("ui/plus.png", MENU, 600, 1700, 96, 96);
    fx.templates.crop("ui/coin.png", SHOP, 100, 400, 96, 96);
    return fx;
  }

  @Test
  void waitForReturnsOnceTheTemplateAppears() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      fx.device.showFrom(4, SHOP);
      Match coin = vision.waitFor(vision.template("ui/coin.png").withTimeout(Duration.ofSeconds(10)));
      assertThat(coin.location()).isEqualTo(new Point(100, 400));
      assertThat(fx.device.screenshots.get()).isEqualTo(4);
      assertThat(fx.report.events).containsExactly("ui/coin.png visible at (100, 400) score 1.000 scale 1.00");
    }
  }

  @Test
  void failedWaitSaysScoreWhereThresholdMarginAndTimeoutAndAttachesEvidence() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      TemplateNotFoundError e = (TemplateNotFoundError) org.assertj.core.api.Assertions.catchThrowable(
          () -> vision.waitFor("ui/coin.png"));
      assertThat(e).isNotNull();
      Matcher m = Pattern.compile("ui/coin\\.png not found within 300ms: best score (0\\.\\d\\d) at \\((\\d+), (\\d+)\\) "
          + "below threshold 0\\.90 \\(margin (-0\\.\\d\\d)\\)").matcher(e.getMessage());
      assertThat(m.matches()).as(e.getMessage()).isTrue();
      assertThat(Double.parseDouble(m.group(4))).isEqualTo(Double.parseDouble(m.group(1)) - 0.90, org.assertj.core.api.Assertions.within(0.011));
      assertThat(e.bestScore()).isLessThan(0.9);
      assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
      assertThat(fx.report.attachments).extracting(RecordingSink.Attachment::summary).containsExactly(
          "ui/coin.png - screenshot, best candidate boxed with score and threshold [image/jpeg]",
          "ui/coin.png - template [image/png]",
          "ui/coin.png - score heatmap (1/4 scale, red = high) [image/png]");
      byte[] pngMagic = {(byte) 0x89, 'P', 'N', 'G'};
      byte[] jpegMagic = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
      assertThat(Arrays.copyOf(fx.report.attachments.get(0).content(), 3)).isEqualTo(jpegMagic);
      assertThat(fx.report.attachments.subList(1, 3)).extracting(RecordingSink.Attachment::content)
          .allSatisfy(c -> assertThat(Arrays.copyOf(c, 4)).isEqualTo(pngMagic));
      // The wait is a step that fails with the test's message; no separate event repeats it.
      assertThat(fx.report.steps).containsExactly("wait for ui/coin.png [failed]");
      assertThat(fx.report.events).doesNotContain(e.getMessage());
    }
  }

  @Test
  void colourMismatchIsNamedInTheFailure() {
    BufferedImage red = Screens.screen(1080, 2400, 1.0, g -> Screens.button(g, 200, 600, 96, Screens.RED, 2));
    BufferedImage green = Screens.screen(1080, 2400, 1.0, g -> Screens.button(g, 200, 600, 96, Screens.GREEN, 2));
    try (VisionFixture fx = new VisionFixture(dir, red, FAST)) {
      fx.templates.crop("ui/go.png", green, 200, 600, 96, 96);
      Vision vision = fx.open();
      assertThatThrownBy(() -> vision.waitFor(vision.template("ui/go.png").withColorCheck(true)))
          .isInstanceOf(TemplateNotFoundError.class)
          .hasMessageMatching("ui/go\\.png not found within 300ms: best score 1\\.00 at \\(200, 600\\) reaches threshold "
              + "0\\.90 but its colour differs \\(distance 0\\.\\d\\d above tolerance 0\\.12\\)");
    }
  }

  @Test
  void waitVanishFailsWithTheMatchStillVisible() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      TemplateStillVisibleError e = (TemplateStillVisibleError) org.assertj.core.api.Assertions.catchThrowable(
          () -> vision.waitVanish("ui/play.png"));
      assertThat(e).hasMessage("ui/play.png still visible after 300ms: score 1.00 at (300, 1700) reaches threshold "
          + "0.90 (margin +0.10)");
      assertThat(e.match().location()).isEqualTo(new Point(300, 1700));
      fx.device.showFrom(fx.device.screenshots.get() + 3, SHOP);
      vision.waitVanish(vision.template("ui/play.png").withTimeout(Duration.ofSeconds(10)));
    }
  }

  @Test
  void awaitAllChecksEveryPendingExpectationOnOneFramePerCycle() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      fx.device.showFrom(3, SHOP);
      List<Expectation> expectations = List.of(
          Expectation.of(vision, "ui/plus.png", 0, "", "", new double[0], false),
          Expectation.of(vision, "ui/coin.png", 0.95, "10s", "0,0,540,1200", new double[] {0.9, 1.1}, false),
          Expectation.of(vision, "ui/play.png", 0, "10s", "", null, true));
      List<Optional<Match>> result = vision.awaitAll(expectations);
      assertThat(result.get(0).orElseThrow().location()).isEqualTo(new Point(600, 1700));
      assertThat(result.get(1).orElseThrow().location()).isEqualTo(new Point(100, 400));
      assertThat(result.get(2)).isEmpty();
      // plus resolved on frame 1; coin and the absence of play on frame 3: three captures in all
      assertThat(fx.device.screenshots.get()).isEqualTo(3);
      assertThat(vision.stats().searches()).isEqualTo(1 + 3 + 3);
      assertThat(fx.report.events).hasSize(3);
      assertThat(fx.report.steps).containsExactly("wait for ui/plus.png, ui/coin.png; wait until ui/play.png vanishes [passed]");
    }
  }

  @Test
  void expectationValuesAreValidatedWithTheFix() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      assertThatThrownBy(() -> Expectation.of(vision, "ui/play.png", 1.5, "", "", null, false))
          .hasMessage("template ui/play.png: threshold 1.5 is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9");
      assertThatThrownBy(() -> Expectation.of(vision, "ui/play.png", 0, "soon", "", null, false))
          .hasMessage("template ui/play.png: timeout='soon' is not a duration: use 500ms, 5s, 2m or PT5S");
      assertThatThrownBy(() -> Expectation.of(vision, "ui/play.png", 0, "", "1,2,3", null, false))
          .hasMessage("Region '1,2,3' is not x,y,width,height: give four integers, for example 0,1200,1080,1200");
      assertThatThrownBy(() -> Expectation.of(vision, "ui/play.png", 0, "", "", new double[] {1, 2, 3}, false))
          .hasMessage("template ui/play.png: scales [1.0, 2.0, 3.0] has 3 values: give {} (default), {scale} or {min, max}");
    }
  }

  @Test
  void tapWaitsThenTapsTheCentreThroughTheDevice() {
    try (VisionFixture fx = fixture()) {
      Vision vision = fx.open();
      Match m = vision.tap("ui/play.png");
      assertThat(fx.device.taps).containsExactly(new Point(348, 1748));
      assertThat(m.center()).isEqualTo(new Point(348, 1748));
      assertThat(fx.report.steps).containsExactly("wait for ui/play.png [passed]", "tap ui/play.png [passed]");
    }
  }
}
