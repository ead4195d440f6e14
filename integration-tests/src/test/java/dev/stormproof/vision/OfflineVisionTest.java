package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Screenshot;
import dev.stormproof.leak.Ledger;
import dev.stormproof.testing.RecordingSink;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded screens, directory libraries, candidates and heat maps: what the inspector and the lint use. */
class OfflineVisionTest {

  @TempDir Path dir;

  private static final BufferedImage SCREEN = Screens.screen(1080, 2400, 1.0, g -> {
    Screens.button(g, 200, 600, 96, Screens.RED, 2);
    Screens.button(g, 700, 1500, 96, Screens.GREEN, 2);
  });

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void screenshotsRoundTripThroughPngAndBadBytesNameTheSource() throws Exception {
    Screenshot shot = Screenshot.fromPng(png(SCREEN), "shop.png");
    assertThat(shot.size().width()).isEqualTo(1080);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(shot.toPng()));
    assertThat(back.getRGB(250, 650) & 0xffffff).isEqualTo(SCREEN.getRGB(250, 650) & 0xffffff);
    assertThat(back.getRGB(10, 2390) & 0xffffff).isEqualTo(SCREEN.getRGB(10, 2390) & 0xffffff);
    assertThatThrownBy(() -> Screenshot.fromPng("not a png".getBytes(), "screens/x.png"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("screen screens/x.png is not a readable image (9 bytes): save screens as PNG, "
            + "for example with the inspector's Save screen");
  }

  @Test
  void directoryLibraryListsReadsAndStaysInsideItsFolder() throws Exception {
    Path root = Files.createDirectories(dir.resolve("templates"));
    new Screens.TemplateDir(dir).crop("ui/red.png", SCREEN, 200, 600, 96, 96);
    new Screens.TemplateDir(dir).crop("green.png", SCREEN, 700, 1500, 96, 96);
    Files.writeString(root.resolve("notes.txt"), "not a template");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    Ledger ledger = new Ledger();
    try (TemplateLibrary lib = TemplateLibrary.open(root, VisionOptions.defaults(), ledger, "lib")) {
      assertThat(lib.paths()).containsExactly("green.png", "ui/red.png");
      assertThat(lib.template("ui/red.png").size().width()).isEqualTo(96);
      assertThat(lib.file("ui/new.png")).isEqualTo(root.resolve("ui/new.png").toAbsolutePath());
      assertThatThrownBy(() -> lib.template("ui/missing.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/missing.png not found: no file " + root.toAbsolutePath().resolve("ui/missing.png")
              + "; add the image there");
      assertThatThrownBy(() -> lib.file("../x.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template path '../x.png' leaves templates/: use a relative path inside it without "
              + "'..', '.', empty segments, '\\', ':' or a leading '/', for example arena/shop.png");
      assertThatThrownBy(() -> lib.file("link/x.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template path 'link/x.png' resolves outside " + root.toAbsolutePath()
              + " through a symbolic link: keep templates inside the templates folder");
    }
    assertThat(ledger.live("lib")).isEmpty();
    assertThatThrownBy(() -> TemplateLibrary.open(dir.resolve("nope"), VisionOptions.defaults(), ledger, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("templates folder " + dir.resolve("nope").toAbsolutePath() + " does not exist: create it or pass "
            + "the folder that holds your template PNGs, for example src/test/resources/templates");
    try (TemplateLibrary cp = TemplateLibrary.open(getClass().getClassLoader(), VisionOptions.defaults(), ledger, "cp")) {
      assertThatThrownBy(cp::paths).isInstanceOf(IllegalStateException.class)
          .hasMessage("TemplateLibrary cp reads the class path, which cannot be listed: open it with "
              + "TemplateLibrary.open(Path, ...) on the templates folder");
    }
  }

  @Test
  void offlineVisionWeighsCandidatesWithTheirColourAndDrawsAHeatMap() throws Exception {
    Path root = Files.createDirectories(dir.resolve("templates"));
    new Screens.TemplateDir(dir).crop("red.png", SCREEN, 200, 600, 96, 96);
    Ledger ledger = new Ledger();
    try (TemplateLibrary lib = TemplateLibrary.open(root, VisionOptions.defaults(), ledger, "lib");
        Vision vision = Vision.offline(lib, VisionOptions.defaults(), ledger, "offline", new RecordingSink())) {
      assertThatThrownBy(vision::capture).isInstanceOf(IllegalStateException.class)
          .hasMessage("Vision of offline has no device, so capture() cannot run: open it with Vision.open(device, ...), "
              + "or search frames made with frame(Screenshot)");
      try (Frame frame = vision.frame(Screenshot.fromPng(png(SCREEN), "screen.png"))) {
        List<Candidate> c = vision.candidates(vision.template("red.png"), frame);
        assertThat(c.get(0).region()).isEqualTo(new Region(200, 600, 96, 96));
        assertThat(c.get(0).score()).isGreaterThan(0.999);
        assertThat(c.get(0).colorDistance()).isLessThan(0.01);
        // The green twin has the same luma: gray alone cannot tell it apart, colour can.
        assertThat(c.get(1).region()).isEqualTo(new Region(700, 1500, 96, 96));
        assertThat(c.get(1).score()).isGreaterThan(0.9);
        assertThat(c.get(1).colorDistance()).isGreaterThan(VisionOptions.DEFAULT_COLOR_TOLERANCE);
        List<Candidate> coloured = vision.candidates(vision.template("red.png").withColorCheck(true), frame);
        assertThat(coloured.get(0).region()).isEqualTo(new Region(200, 600, 96, 96));
        assertThat(coloured).noneMatch(k -> k.region().equals(new Region(700, 1500, 96, 96)));
        BufferedImage heat = ImageIO.read(new ByteArrayInputStream(vision.heatmap(vision.template("red.png"), frame)));
        assertThat(heat.getWidth()).isLessThan(1080).isGreaterThan(1080 / 16);
      }
    }
    assertThat(ledger.live("offline")).isEmpty();
  }
}
