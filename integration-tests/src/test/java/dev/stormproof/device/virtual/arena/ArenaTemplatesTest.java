package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed template PNGs still equal what the renderer draws: a renderer change must re-export them. */
class ArenaTemplatesTest {
  /** Surefire runs in the framework module; the templates live in the sample tests. */
  static final Path DIR = Path.of("..", "sample-tests", "src", "test", "resources", "templates", "arena");
  /** A channel may differ by this much (JDK rasteriser updates), and only on this share of pixels. */
  static final int LEVELS = 3;
  static final double SHARE = 0.002;
  private static final String REEXPORT = "re-export with: java -cp framework/target/classes "
      + "dev.stormproof.device.virtual.arena.ArenaTemplates sample-tests/src/test/resources/templates/arena";

  private static List<ArenaTemplates.Crop> crops;

  @BeforeAll
  static void render() {
    crops = ArenaTemplates.crops();
  }

  @Test
  void everyCommittedTemplateEqualsAFreshCrop() throws IOException {
    for (ArenaTemplates.Crop crop : crops) {
      Path file = DIR.resolve(crop.spec().file());
      assertThat(file).as("template %s is missing; %s", file, REEXPORT).exists();
      BufferedImage committed = ImageIO.read(file.toFile());
      BufferedImage fresh = crop.image();
      assertThat(committed.getWidth() + "x" + committed.getHeight()).as("%s size; %s", file, REEXPORT)
          .isEqualTo(fresh.getWidth() + "x" + fresh.getHeight());
      int differing = 0;
      for (int y = 0; y < fresh.getHeight(); y++) {
        for (int x = 0; x < fresh.getWidth(); x++) {
          if (maxChannelDiff(committed.getRGB(x, y), fresh.getRGB(x, y)) > LEVELS) {
            differing++;
          }
        }
      }
      double share = differing / (double) (fresh.getWidth() * fresh.getHeight());
      assertThat(share).as("%s: %d pixels differ from a fresh render by more than %d levels; %s",
          file, differing, LEVELS, REEXPORT).isLessThanOrEqualTo(SHARE);
    }
  }

  @Test
  void theIndexListsEveryTemplateWithItsSourceRectangle() throws IOException {
    List<String> expected = new ArrayList<>();
    expected.add("file,stop,element,x,y,width,height");
    for (ArenaTemplates.Crop c : crops) {
      Bounds b = c.bounds();
      expected.add(String.join(",", c.spec().file(), c.spec().stop(), c.spec().element(),
          "" + b.x(), "" + b.y(), "" + b.width(), "" + b.height()));
    }
    assertThat(Files.readAllLines(DIR.resolve("index.csv"))).as(REEXPORT).isEqualTo(expected);
  }

  @Test
  void noStrayTemplates() throws IOException {
    try (var files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList())
          .isEqualTo(ArenaTemplates.SPECS.stream().map(ArenaTemplates.Spec::file).sorted().toList());
    }
  }

  @Test
  void redAndGreenBuyDifferOnlyInColour() {
    BufferedImage green = crop("buy.png");
    BufferedImage red = crop("buy_red.png");
    assertThat(red.getWidth()).isEqualTo(green.getWidth());
    assertThat(red.getHeight()).isEqualTo(green.getHeight());
    int cx = green.getWidth() / 4;
    int cy = green.getHeight() * 2 / 3;
    int g = green.getRGB(cx, cy);
    int r = red.getRGB(cx, cy);
    assertThat((g >> 8) & 0xff).isGreaterThan((g >> 16) & 0xff); // green face
    assertThat((r >> 16) & 0xff).isGreaterThan((r >> 8) & 0xff); // red face
  }

  private static BufferedImage crop(String file) {
    return crops.stream().filter(c -> c.spec().file().equals(file)).findFirst().orElseThrow().image();
  }

  private static int maxChannelDiff(int a, int b) {
    int d = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
    }
    return d;
  }
}
