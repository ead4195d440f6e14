package dev.stormproof.vision;

import dev.stormproof.device.Size;

/**
 * A rectangle of the screen in physical pixels (origin top-left) that restricts a search.
 * Immutable; no native memory.
 *
 * @param x left column, {@code >= 0}
 * @param y top row, {@code >= 0}
 * @param width positive
 * @param height positive
 */
public record Region(int x, int y, int width, int height) {
  /**
   * Validates the rectangle.
   *
   * @param x left column, {@code >= 0}
   * @param y top row, {@code >= 0}
   * @param width positive
   * @param height positive
   * @throws IllegalArgumentException when a value is out of range
   */
  public Region {
    if (x < 0 || y < 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Region " + x + "," + y + "," + width + "," + height
          + " is invalid: x and y must be >= 0 and width and height > 0, for example Region.of(0, 1200, 1080, 1200)");
    }
  }

  /**
   * Shorthand for the constructor.
   *
   * @param x left column, {@code >= 0}
   * @param y top row, {@code >= 0}
   * @param width positive
   * @param height positive
   * @return the region
   * @throws IllegalArgumentException when a value is out of range
   */
  public static Region of(int x, int y, int width, int height) {
    return new Region(x, y, width, height);
  }

  /**
   * Parses {@code "x,y,width,height"} (the form annotations and configuration use).
   *
   * @param text for example {@code 0,1200,1080,1200}
   * @return the region
   * @throws IllegalArgumentException naming the text when it is not four integers
   */
  public static Region parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "Region '" + text + "' is not x,y,width,height: give four integers, for example 0,1200,1080,1200");
    }
    try {
      return new Region(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
          Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Region '" + text + "' is not x,y,width,height: give four integers, for example 0,1200,1080,1200", e);
    }
  }

  /** This region cut to a screen of {@code size}, or null when they do not overlap. */
  Region clip(Size size) {
    int x2 = Math.min(x + width, size.width());
    int y2 = Math.min(y + height, size.height());
    if (x >= x2 || y >= y2) {
      return null;
    }
    return new Region(x, y, x2 - x, y2 - y);
  }

  int right() {
    return x + width;
  }

  int bottom() {
    return y + height;
  }

  /** Intersection-over-union with {@code other}, in [0, 1]. */
  double iou(Region other) {
    int ix = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
    int iy = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
    double inter = (double) ix * iy;
    double union = (double) width * height + (double) other.width * other.height - inter;
    return union <= 0 ? 0 : inter / union;
  }

  @Override
  public String toString() {
    return x + "," + y + "," + width + "," + height;
  }
}
