package dev.stormproof.device.virtual.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.Size;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Proportional layout at the pixel level: each template cut at 1080x2400, resized to the same
 * element's bounds at another size, correlates with that size's crop. (Measured: 0.984-1.000 on
 * 720x1600 and 1440x3200.) No search happens here; matching belongs to the vision package.
 */
class ArenaScalingTest {
  private static final double MIN_CORRELATION = 0.97;
  /** Measured 0.57-0.65 with the blur; dimming alone left 0.95, which any matcher would accept. */
  private static final double MAX_COVERED_CORRELATION = 0.8;

  @Test
  void templatesCutAt1080ResembleTheSameElementsAtOtherSizes() {
    var templates = ArenaTemplates.crops();
    for (Size size : ArenaShots.SIZES) {
      if (size.equals(ArenaTemplates.SIZE)) {
        continue;
      }
      Map<String, ArenaTour.Stop> stops = ArenaTour.walk(ArenaOptions.defaults(), size).stream()
          .collect(Collectors.toMap(ArenaTour.Stop::name, s -> s));
      int compared = 0;
      for (ArenaTemplates.Crop template : templates) {
        ArenaTour.Stop stop = stops.get(template.spec().stop());
        if (stop.scene().find(template.spec().element()).isEmpty()) {
          continue; // landscape shows fewer shop rows
        }
        BufferedImage there = stop.crop(template.spec().element());
        double r = correlation(resize(template.image(), there.getWidth(), there.getHeight()), there);
        assertThat(r).as("%s at %s", template.spec().file(), size).isGreaterThanOrEqualTo(MIN_CORRELATION);
        compared++;
      }
      assertThat(compared).as("templates compared at %s", size).isGreaterThanOrEqualTo(ArenaTemplates.SPECS.size() - 1);
    }
  }

  @Test
  void buttonsUnderAPopUpNoLongerResembleTheirTemplates() {
    long seed = 0;
    while (Seeds.unit(seed, Seeds.BONUS, 0) >= 1.0 / 3) { // the first seed with a bonus on the first lobby entry
      seed++;
    }
    Map<String, ArenaTour.Stop> stops = ArenaTour.walk(ArenaOptions.defaults().withSeed(seed), ArenaTemplates.SIZE).stream()
        .collect(Collectors.toMap(ArenaTour.Stop::name, s -> s));
    ArenaTour.Stop lobby = stops.get("lobby");
    ArenaTour.Stop covered = stops.get("lobby_bonus");
    for (String button : java.util.List.of("battle", "shop")) {
      Bounds b = lobby.element(button).bounds();
      double r = correlation(lobby.crop(button), covered.frame().getSubimage(b.x(), b.y(), b.width(), b.height()));
      assertThat(r).as("%s under the bonus pop-up", button).isLessThan(MAX_COVERED_CORRELATION);
    }
  }

  private static BufferedImage resize(BufferedImage image, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Pearson correlation of the grey levels of two images of one size. */
  private static double correlation(BufferedImage a, BufferedImage b) {
    int n = a.getWidth() * a.getHeight();
    double[] x = new double[n];
    double[] y = new double[n];
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      x[i] = grey(a.getRGB(i % a.getWidth(), i / a.getWidth()));
      y[i] = grey(b.getRGB(i % b.getWidth(), i / b.getWidth()));
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double grey(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
  }
}
