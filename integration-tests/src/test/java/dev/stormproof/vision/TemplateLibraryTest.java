package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLibraryTest {

  @TempDir Path dir;

  private static final BufferedImage SCREEN = Screens.screen(1080, 2400, 1.0, g -> {
    Screens.button(g, 300, 1700, 96, Screens.BLUE, 0);
    Screens.button(g, 600, 1700, 96, Screens.BLUE, 1);
  });

  private VisionFixture fixture(VisionOptions options) {
    VisionFixture fx = new VisionFixture(dir, SCREEN, options);
    fx.templates.crop("ui/play.png", SCREEN, 300, 1700, 96, 96);
    fx.templates.crop("ui/plus.png", SCREEN, 600, 1700, 96, 96);
    return fx;
  }

  @Test
  void rejectsPathsThatLeaveTheTemplatesFolder() {
    try (VisionFixture fx = fixture(VisionOptions.defaults())) {
      Vision vision = fx.open();
      for (String bad : new String[] {"../secret.png", "/etc/passwd", "ui/../../x.png", "ui//x.png", "C:\\x.png", "./x.png"}) {
        assertThatThrownBy(() -> vision.template(bad))
            .isInstanceOf(TemplateException.class)
            .hasMessage("template path '" + bad + "' leaves templates/: use a relative path inside it without "
                + "'..', '.', empty segments, '\\', ':' or a leading '/', for example arena/shop.png");
      }
      assertThatThrownBy(() -> vision.template(" "))
          .hasMessage("template path ' ' is empty: give a path relative to templates/, for example arena/shop.png");
    }
  }

  @Test
  void missingEmptyCorruptAndFlatFilesNameThePathAndTheFix() throws Exception {
    try (VisionFixture fx = fixture(VisionOptions.defaults())) {
      fx.templates.bytes("ui/empty.png", new byte[0]);
      fx.templates.bytes("ui/corrupt.png", "this is not an image".getBytes());
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(SCREEN.getSubimage(300, 1700, 96, 96), "png", png);
      fx.templates.bytes("ui/truncated.png", Arrays.copyOf(png.toByteArray(), 60));
      BufferedImage flat = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = flat.createGraphics();
      g.setColor(Color.ORANGE);
      g.fillRect(0, 0, 40, 40);
      g.dispose();
      fx.templates.png("ui/flat.png", flat);
      Vision vision = fx.open();
      assertThatThrownBy(() -> vision.template("ui/missing.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/missing.png not found: no class path resource templates/ui/missing.png; "
              + "add the image as src/test/resources/templates/ui/missing.png");
      assertThatThrownBy(() -> vision.template("ui/empty.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/empty.png is empty (0 bytes in templates/ui/empty.png): re-export it as a PNG");
      assertThatThrownBy(() -> vision.template("ui/corrupt.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/corrupt.png is not a readable image (20 bytes in templates/ui/corrupt.png): "
              + "re-export it as a PNG");
      assertThatThrownBy(() -> vision.template("ui/truncated.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/truncated.png is not a readable image (60 bytes in templates/ui/truncated.png): "
              + "re-export it as a PNG");
      assertThatThrownBy(() -> vision.template("ui/flat.png")).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/flat.png is a single flat colour: matching needs edges; crop it to include "
              + "the element's border, text or icon");
      assertThat(fx.ledger.live(VisionFixture.LIBRARY)).as("failed loads free what they allocated").isEmpty();
    }
  }

  @Test
  void templateLargerThanTheScreenOrRegionIsRefusedWithItsSize() {
    try (VisionFixture fx = fixture(VisionOptions.defaults())) {
      fx.templates.crop("ui/wide.png", SCREEN, 0, 100, 1080, 300);
      Vision vision = fx.open();
      Template wide = vision.template("ui/wide.png").withScales(1.1, 1.2);
      assertThatThrownBy(() -> vision.find(wide)).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/wide.png (1188x330 at scale 1.10) is larger than the 1080x2400 screen: "
              + "crop a smaller template or search a larger region");
      Template play = vision.template("ui/play.png").withRegion(Region.of(0, 0, 50, 2400));
      assertThatThrownBy(() -> vision.find(play)).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/play.png (96x96 at scale 1.00) is larger than search region 0,0,50,2400 "
              + "(50x2400 on the 1080x2400 screen): crop a smaller template or search a larger region");
      Template outside = vision.template("ui/play.png").withRegion(Region.of(2000, 0, 50, 50));
      assertThatThrownBy(() -> vision.find(outside)).isInstanceOf(TemplateException.class)
          .hasMessage("template ui/play.png: search region 2000,0,50,50 lies outside the 1080x2400 screen: "
              + "use a region inside it");
    }
  }

  @Test
  void thresholdAndScalesOutsideTheirRangesAreRefused() {
    try (VisionFixture fx = fixture(VisionOptions.defaults())) {
      Template t = fx.open().template("ui/play.png");
      assertThatThrownBy(() -> t.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("template ui/play.png: threshold 1.5 is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9");
      assertThatThrownBy(() -> t.withThreshold(0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("template ui/play.png: threshold 0.0 is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9");
      assertThatThrownBy(() -> t.withScales(1.2, 0.8)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("template ui/play.png: scales 1.2-0.8 are not a range 0 < min <= max <= 8: "
              + "use for example 0.75-1.33, or 1-1 for exact size");
      assertThat(t.withThreshold(1.0).threshold(VisionOptions.defaults())).isEqualTo(1.0);
    }
  }

  @Test
  void evictedTemplatesAreFreedOnlyWhenTheLastSearchReleasesThem() {
    // Room for one 96x96 template (weight ~56 KB), not two.
    VisionOptions small = VisionOptions.defaults().withTemplateCacheBytes(80_000);
    try (VisionFixture fx = fixture(small)) {
      fx.open();
      TemplateLibrary lib = fx.library;
      TemplateImage play = lib.acquire("ui/play.png");
      TemplateImage plus = lib.acquire("ui/plus.png");
      lib.cleanUp();
      assertThat(lib.cachedCount()).isEqualTo(1);
      assertThat(lib.stats().evictionCount()).isEqualTo(1);
      assertThat(play.freed() || plus.freed()).as("held by this test, so not freed yet").isFalse();
      assertThat(fx.ledger.live(VisionFixture.LIBRARY)).hasSize(4); // gray + BGR of each
      TemplateImage cached = lib.acquire("ui/play.png");
      boolean playStayed = cached == play;
      cached.release();
      play.release();
      plus.release();
      TemplateImage evicted = playStayed ? plus : play;
      TemplateImage kept = playStayed ? play : plus;
      assertThat(evicted.freed()).isTrue();
      assertThat(kept.freed()).isFalse();
      assertThat(fx.ledger.live(VisionFixture.LIBRARY)).hasSize(2);
      lib.close();
      assertThat(kept.freed()).isTrue();
      assertThat(fx.ledger.live(VisionFixture.LIBRARY)).isEmpty();
    }
  }
}
