package dev.stormproof.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import dev.stormproof.device.virtual.arena.ArenaTour;
import dev.stormproof.device.virtual.arena.Bounds;
import dev.stormproof.vision.VisionOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint on Arena screens with planted bad templates: each is caught with a message that says what to do. */
class TemplateLintTest {

  private static final Size SIZE = new Size(1080, 2400);
  private static final Map<String, ArenaTour.Stop> STOPS = new LinkedHashMap<>();

  @TempDir Path dir;

  @BeforeAll
  static void walk() {
    for (ArenaTour.Stop s : ArenaTour.walk(ArenaOptions.defaults(), SIZE)) {
      STOPS.put(s.name(), s);
    }
  }

  private Path write(String folder, String name, BufferedImage image) throws IOException {
    Path p = dir.resolve(folder).resolve(name);
    Files.createDirectories(p.getParent());
    ImageIO.write(image, "png", p.toFile());
    return p;
  }

  private static BufferedImage crop(String stop, int x, int y, int w, int h) {
    BufferedImage frame = STOPS.get(stop).frame();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(frame.getSubimage(x, y, w, h), 0, 0, null);
    g.dispose();
    return out;
  }

  private static BufferedImage gray(BufferedImage colour) {
    BufferedImage out = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.drawImage(colour, 0, 0, null);
    g.dispose();
    return out;
  }

  /** Arena's shop item icon (ArenaLayout.shopIcon: 30 px into the card, 140 px square). */
  private static Bounds icon(int item) {
    Bounds card = STOPS.get("shop").element("item_" + item).bounds();
    return new Bounds(card.x() + 30, card.y() + 30, 140, 140);
  }

  private Map<String, List<String>> lint(LintOptions options) {
    return TemplateLint.check(dir.resolve("templates"), dir.resolve("screens"), options).stream()
        .collect(Collectors.toMap(TemplateLint.Verdict::template, TemplateLint.Verdict::problems, (a, b) -> a, LinkedHashMap::new));
  }

  private void screens(String... stops) throws IOException {
    for (String s : stops) {
      write("screens", s + ".png", STOPS.get(s).frame());
    }
  }

  @Test
  void catchesAGemWithoutColour() throws IOException {
    screens("lobby", "shop");
    Bounds gem = icon(5);
    write("templates", "planted/gem_gray.png", gray(crop("shop", gem.x(), gem.y(), gem.width(), gem.height())));
    Bounds battle = STOPS.get("lobby").element("battle").bounds();
    write("templates", "battle.png", crop("lobby", battle.x(), battle.y(), battle.width(), battle.height()));
    Map<String, List<String>> verdicts = lint(LintOptions.of(VisionOptions.defaults()));
    assertThat(verdicts.get("battle.png")).isEmpty();
    assertThat(verdicts.get("planted/gem_gray.png")).containsExactly("planted/gem_gray.png is ambiguous on shop.png: "
        + "best 1.00 at 70,1340,140,140, look-alike 0.99 at 70,900,140,140, margin 0.01 under 0.10: cut a larger or more "
        + "distinctive region, or search a smaller one with withRegion(...)");
  }

  @Test
  void aGemThatOnlyColourTellsApartNeedsTheColourCheck() throws IOException {
    screens("shop");
    Bounds gem = icon(5);
    write("templates", "bow.png", crop("shop", gem.x() + 35, gem.y() + 35, 70, 70));
    assertThat(lint(LintOptions.of(VisionOptions.defaults())).get("bow.png")).containsExactly("bow.png is ambiguous on "
        + "shop.png: best 1.00 at 105,1375,70,70, look-alike 1.00 at 105,935,70,70, margin 0.00 under 0.10: only colour "
        + "tells them apart: use it with withColorCheck(true) and list it in the lint's colorChecked");
    assertThat(lint(LintOptions.of(VisionOptions.defaults()).withColorChecked("bow.png")).get("bow.png")).isEmpty();
  }

  @Test
  void catchesFlatTinyOversizedMissingAndDuplicatedTemplates() throws IOException {
    screens("lobby", "shop");
    BufferedImage flat = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int v = 120 + (x + y) / 16; // a faint ramp: loadable (not one colour), useless to match
        flat.setRGB(x, y, new Color(v, v, v).getRGB());
      }
    }
    write("templates", "planted/flat.png", flat);
    Bounds title = STOPS.get("shop").element("shop_title").bounds();
    write("templates", "planted/tiny.png", crop("shop", title.x() + 100, title.y() + 40, 20, 20));
    write("templates", "planted/wide.png", crop("lobby", 200, 1500, 640, 150));
    Bounds icon = STOPS.get("launcher").element("arena_icon").bounds();
    write("templates", "planted/missing.png", crop("launcher", icon.x(), icon.y(), icon.width(), icon.height()));
    write("templates", "planted/title_a.png", crop("shop", title.x(), title.y(), title.width(), title.height()));
    write("templates", "planted/title_b.png", crop("shop", title.x() + 1, title.y(), title.width() - 2, title.height()));
    Map<String, List<String>> verdicts = lint(LintOptions.of(VisionOptions.defaults()).withSmallestScreen(new Size(540, 1200)));
    String record = " at threshold 0.90: record a screen that shows it (the inspector's Save screen), or cut it again from "
        + "a current screen";
    assertThat(verdicts.get("planted/flat.png")).containsExactly(
        "planted/flat.png is too flat (gray standard deviation 1.66, under 10.00): matching needs edges; cut a region with "
            + "the element's border, text or icon",
        "planted/flat.png is found on none of the 2 recorded screens (best score 0.76 on shop.png)" + record);
    assertThat(verdicts.get("planted/tiny.png")).containsExactly(
        "planted/tiny.png is 20x20 px, too small to match reliably (under 24 px a side): cut a larger region around the "
            + "element, ideally 48-200 px a side",
        "planted/tiny.png is ambiguous on shop.png: best 1.00 at 490,85,20,20, look-alike 0.99 at 608,89,20,20, margin "
            + "0.01 under 0.10: cut a larger or more distinctive region, or search a smaller one with withRegion(...)");
    assertThat(verdicts.get("planted/wide.png")).containsExactly("planted/wide.png is 640x150 px, 640x150 px at scale "
        + "1.00, larger than the smallest supported screen 540x1200: cut a smaller template");
    assertThat(verdicts.get("planted/missing.png")).containsExactly("planted/missing.png is found on none of the 2 "
        + "recorded screens (best score 0.51 on shop.png)" + record);
    String dup = " are near-duplicates (score 0.99, colour distance 0.00): delete one, or cut them so they differ";
    assertThat(verdicts.get("planted/title_a.png")).containsExactly("planted/title_a.png and planted/title_b.png" + dup);
    assertThat(verdicts.get("planted/title_b.png")).containsExactly("planted/title_b.png and planted/title_a.png" + dup);
  }

  @Test
  void badFoldersAndOptionsNameTheFix() throws IOException {
    Path templates = dir.resolve("templates");
    Path screens = dir.resolve("screens");
    LintOptions options = LintOptions.of(VisionOptions.defaults());
    assertThatThrownBy(() -> TemplateLint.check(templates, screens, options)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("screens folder " + screens.toAbsolutePath() + " does not exist: record screens with the inspector's "
            + "Save screen, or pass the folder that holds them");
    Files.createDirectories(screens);
    assertThatThrownBy(() -> TemplateLint.check(templates, screens, options)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("screens folder " + screens.toAbsolutePath() + " holds no .png: record screens with the inspector's "
            + "Save screen");
    screens("launcher");
    Files.createDirectories(templates);
    assertThatThrownBy(() -> TemplateLint.check(templates, screens, options)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("templates folder " + templates.toAbsolutePath() + " holds no .png: pass the folder of your templates, "
            + "for example src/test/resources/templates");
    assertThatThrownBy(() -> options.withMinMargin(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lint minMargin 1.5 must be in (0, 1), for example 0.1");
    VisionOptions v = VisionOptions.defaults();
    assertThatThrownBy(() -> new LintOptions(v, 0.1, 4, 10, 0.95, null, java.util.Set.of(), java.util.Set.of()))
        .hasMessage("lint minSide 4 must be at least 8 px (the matcher's limit), for example 24");
    assertThatThrownBy(() -> new LintOptions(v, 0.1, 24, -1, 0.95, null, java.util.Set.of(), java.util.Set.of()))
        .hasMessage("lint minStdDev -1.0 must be 0 or more, for example 10");
    assertThatThrownBy(() -> new LintOptions(v, 0.1, 24, 10, 0, null, java.util.Set.of(), java.util.Set.of()))
        .hasMessage("lint duplicateScore 0.0 must be in (0, 1], for example 0.95");
  }
}
