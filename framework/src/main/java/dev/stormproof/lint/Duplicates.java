package dev.stormproof.lint;

import static dev.stormproof.lint.TemplateLint.f2;

import dev.stormproof.device.Screenshot;
import dev.stormproof.vision.Candidate;
import dev.stormproof.vision.Frame;
import dev.stormproof.vision.Template;
import dev.stormproof.vision.Vision;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Near-duplicates: two templates of about the same size where one, searched on the other (on a
 * neutral border), scores above the duplicate score in the same colour.
 */
final class Duplicates {

  private static final int PAD = 8;

  private Duplicates() {}

  static void check(Vision vision, Map<String, Template> templates, Path root, LintOptions options,
      Map<String, List<String>> problems) {
    List<String> paths = new ArrayList<>(templates.keySet());
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        Template a = templates.get(paths.get(i));
        Template b = templates.get(paths.get(j));
        if (!similarSize(a, b)) {
          continue;
        }
        Candidate c;
        try (Frame frame = vision.frame(Screenshot.of(padded(root.resolve(b.path()), a, b)))) {
          c = vision.candidates(a.withRegion(null), frame).get(0);
        }
        if (c.score() >= options.duplicateScore() && c.colorDistance() <= options.vision().colorTolerance()) {
          String what = " (score " + f2(c.score()) + ", colour distance " + f2(c.colorDistance())
              + "): delete one, or cut them so they differ";
          problems.get(a.path()).add(a.path() + " and " + b.path() + " are near-duplicates" + what);
          problems.get(b.path()).add(b.path() + " and " + a.path() + " are near-duplicates" + what);
        }
      }
    }
  }

  private static boolean similarSize(Template a, Template b) {
    return Math.abs(a.size().width() - b.size().width()) <= 0.1 * Math.max(a.size().width(), b.size().width())
        && Math.abs(a.size().height() - b.size().height()) <= 0.1 * Math.max(a.size().height(), b.size().height());
  }

  private static BufferedImage padded(Path file, Template a, Template b) {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read template " + file, e);
    }
    int w = Math.max(a.size().width(), b.size().width()) + 2 * PAD;
    int h = Math.max(a.size().height(), b.size().height()) + 2 * PAD;
    BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(new Color(128, 128, 128));
    g.fillRect(0, 0, w, h);
    g.drawImage(image, PAD, PAD, null);
    g.dispose();
    return canvas;
  }
}
