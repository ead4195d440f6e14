package dev.stormproof.lint;

import static dev.stormproof.lint.TemplateLint.f2;

import dev.stormproof.device.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Checks of a template's own pixels: size, contrast, fit on the smallest screen (heap only, no OpenCV). */
final class Shape {

  private Shape() {}

  static void check(String path, Path templates, LintOptions options, Size smallest, List<String> problems) {
    BufferedImage image;
    try {
      image = ImageIO.read(templates.resolve(path).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read template " + path, e);
    }
    int w = image.getWidth();
    int h = image.getHeight();
    if (Math.min(w, h) < options.minSide()) {
      problems.add(path + " is " + w + "x" + h + " px, too small to match reliably (under " + options.minSide()
          + " px a side): cut a larger region around the element, ideally 48-200 px a side");
    }
    double std = grayStdDev(image);
    if (std < options.minStdDev()) {
      problems.add(path + " is too flat (gray standard deviation " + f2(std) + ", under " + f2(options.minStdDev())
          + "): matching needs edges; cut a region with the element's border, text or icon");
    }
    if (smallest != null) {
      int ref = options.vision().referenceShortSide();
      double scale = (ref > 0 ? Math.min(smallest.width(), smallest.height()) / (double) ref : 1.0) * options.vision().minScale();
      long sw = Math.round(w * scale);
      long sh = Math.round(h * scale);
      if (sw > smallest.width() || sh > smallest.height()) {
        problems.add(path + " is " + w + "x" + h + " px, " + sw + "x" + sh + " px at scale " + f2(scale)
            + ", larger than the smallest supported screen " + smallest + ": cut a smaller template");
      }
    }
  }

  static double grayStdDev(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    double sum = 0;
    double sq = 0;
    for (int p : argb) {
      double g = 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
      sum += g;
      sq += g * g;
    }
    double mean = sum / argb.length;
    return Math.sqrt(Math.max(0, sq / argb.length - mean * mean));
  }
}
