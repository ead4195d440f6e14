package dev.stormproof.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stormproof.device.Point;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherTest {

  @TempDir Path dir;

  private static BufferedImage buttons(int w, int h, double scale) {
    return Screens.screen(w, h, scale, g -> {
      Screens.button(g, 300, 1700, 96, Screens.BLUE, 0);
      Screens.button(g, 600, 1700, 96, Screens.BLUE, 1);
      Screens.button(g, 100, 400, 96, Screens.BLUE, 2);
      Screens.button(g, 800, 900, 96, Screens.BLUE, 3);
    });
  }

  @Test
  void findsTheExactLocationOnAFullResolutionScreen() {
    BufferedImage screen = buttons(1080, 2400, 1.0);
    try (VisionFixture fx = new VisionFixture(dir, screen, VisionOptions.defaults())) {
      fx.templates.crop("ui/play.png", screen, 300, 1700, 96, 96);
      Vision vision = fx.open();
      Match m = vision.find("ui/play.png").orElseThrow();
      assertThat(m.location()).isEqualTo(new Point(300, 1700));
      assertThat(m.size().width()).isEqualTo(96);
      assertThat(m.score()).isGreaterThan(0.99);
      assertThat(m.scale()).isEqualTo(1.0);
      assertThat(m.center()).isEqualTo(new Point(348, 1748));
      assertThat(m.template()).isEqualTo("ui/play.png");
    }
  }

  @Test
  void refinesSeveralCoarseCandidatesWhenTheCoarseBestIsADecoy() {
    BufferedImage screen = Screens.screen(1080, 2400, 1.0, g -> {
      Screens.flatDecoy(g, 600, 800, 96);     // aligned to the 4x pyramid: a perfect coarse match
      Screens.checkerButton(g, 302, 1702, 96); // the real one, off the pyramid grid
    });
    try (VisionFixture fx = new VisionFixture(dir, screen, VisionOptions.defaults())) {
      fx.templates.crop("ui/checker.png", screen, 302, 1702, 96, 96);
      Vision vision = fx.open();
      Template t = vision.template("ui/checker.png");
      try (Frame f = vision.capture()) {
        Matcher.Result r = vision.search(t, f, false);
        assertThat(r.level()).isEqualTo(2);
        assertThat(new Point(r.coarseX(), r.coarseY())).as("coarse best is the decoy").isEqualTo(new Point(600, 800));
        Match m = vision.find(t, f).orElseThrow();
        assertThat(m.location()).isEqualTo(new Point(302, 1702));
        assertThat(m.score()).isGreaterThan(0.99);
      }
    }
  }

  @Test
  void colourCheckTellsARedFromAGreenButtonOfEqualGray() {
    BufferedImage both = Screens.screen(1080, 2400, 1.0, g -> {
      Screens.button(g, 200, 600, 96, Screens.RED, 2);
      Screens.button(g, 700, 1500, 96, Screens.GREEN, 2);
    });
    BufferedImage redOnly = Screens.screen(1080, 2400, 1.0, g -> Screens.button(g, 200, 600, 96, Screens.RED, 2));
    try (VisionFixture fx = new VisionFixture(dir, both, VisionOptions.defaults())) {
      fx.templates.crop("ui/go.png", both, 700, 1500, 96, 96);
      Vision vision = fx.open();
      Template gray = vision.template("ui/go.png");
      Template colour = gray.withColorCheck(true);
      assertThat(vision.find(colour).orElseThrow().location()).isEqualTo(new Point(700, 1500));
      fx.device.show(redOnly);
      Match confused = vision.find(gray).orElseThrow();
      assertThat(confused.location()).as("gray alone accepts the red button").isEqualTo(new Point(200, 600));
      assertThat(confused.score()).isGreaterThan(0.95);
      assertThat(vision.find(colour)).isEmpty();
    }
  }

  @Test
  void findsTheRightButtonOnAScreenScaledTo80Percent() {
    BufferedImage full = buttons(1080, 2400, 1.0);
    BufferedImage small = buttons(864, 1920, 0.8);
    try (VisionFixture fx = new VisionFixture(dir, small, VisionOptions.defaults())) {
      fx.templates.crop("ui/play.png", full, 300, 1700, 96, 96);
      Vision vision = fx.open();
      Template t = vision.template("ui/play.png").withScales(0.75, 1.33);
      Match m = vision.find(t).orElseThrow();
      assertThat(m.location().x()).isCloseTo(240, within(2));
      assertThat(m.location().y()).isCloseTo(1360, within(2));
      assertThat(m.scale()).isCloseTo(0.8, within(0.03));
      assertThat(m.score()).isGreaterThan(0.9);
      assertThat(vision.find(vision.template("ui/play.png"))).as("exact scale only").isEmpty();
    }
  }

  @Test
  void findAllReturnsEachInstanceOnceAfterNonMaximumSuppression() {
    int[][] at = {{80, 200}, {400, 200}, {720, 200}, {80, 1300}, {400, 1300}, {720, 2100}};
    BufferedImage screen = Screens.screen(1080, 2400, 1.0, g -> {
      for (int[] p : at) {
        Screens.button(g, p[0], p[1], 96, Screens.BLUE, 3);
      }
      Screens.button(g, 400, 800, 96, Screens.BLUE, 1);
      Screens.button(g, 720, 800, 96, Screens.BLUE, 4);
    });
    try (VisionFixture fx = new VisionFixture(dir, screen, VisionOptions.defaults())) {
      fx.templates.crop("ui/gem.png", screen, 80, 200, 96, 96);
      Vision vision = fx.open();
      List<Match> all = vision.findAll("ui/gem.png");
      Set<Point> found = all.stream().map(Match::location).collect(Collectors.toSet());
      assertThat(all).hasSize(6);
      assertThat(found).containsExactlyInAnyOrder(
          new Point(80, 200), new Point(400, 200), new Point(720, 200),
          new Point(80, 1300), new Point(400, 1300), new Point(720, 2100));
    }
  }

  @Test
  void regionRestrictsTheSearch() {
    BufferedImage screen = Screens.screen(1080, 2400, 1.0, g -> {
      Screens.button(g, 100, 300, 96, Screens.BLUE, 4);
      Screens.button(g, 100, 2000, 96, Screens.BLUE, 4);
    });
    try (VisionFixture fx = new VisionFixture(dir, screen, VisionOptions.defaults())) {
      fx.templates.crop("ui/bars.png", screen, 100, 300, 96, 96);
      Vision vision = fx.open();
      Template t = vision.template("ui/bars.png");
      assertThat(vision.find(t.withRegion(Region.of(0, 1200, 1080, 1200))).orElseThrow().location())
          .isEqualTo(new Point(100, 2000));
      assertThat(vision.find(t.withRegion(Region.of(0, 0, 1080, 1200))).orElseThrow().location())
          .isEqualTo(new Point(100, 300));
      assertThat(vision.find(t.withRegion(Region.of(500, 0, 580, 2400)))).isEmpty();
      Optional<Match> any = vision.find(t);
      assertThat(any).isPresent();
    }
  }
}
