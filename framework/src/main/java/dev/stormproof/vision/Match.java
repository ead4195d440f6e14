package dev.stormproof.vision;

import dev.stormproof.device.Point;
import dev.stormproof.device.Size;

/**
 * Where a template was found. Immutable, holds no native memory: safe to keep after the
 * {@link Vision} that produced it closed, and to share between threads.
 *
 * @param template the template path relative to the templates root, e.g. {@code arena/shop.png}
 * @param location top-left corner on the screen, physical pixels
 * @param size the matched size on the screen (the template size times {@code scale})
 * @param score TM_CCOEFF_NORMED score in [-1, 1]; 1 is a perfect match
 * @param scale screen-to-template scale of the match (1.0 = same resolution)
 */
public record Match(String template, Point location, Size size, double score, double scale) {

  /** @return the centre of the match, the point a tap should hit */
  public Point center() {
    return new Point(location.x() + size.width() / 2, location.y() + size.height() / 2);
  }

  /** @return the matched rectangle */
  public Region region() {
    return new Region(location.x(), location.y(), size.width(), size.height());
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s at %s %s score %.3f scale %.2f",
        template, location, size, score, scale);
  }
}
