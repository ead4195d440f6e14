package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Point;

/**
 * An axis-aligned rectangle in screen pixels, origin top-left; immutable.
 *
 * @param x left column
 * @param y top row
 * @param width columns, positive
 * @param height rows, positive
 *
 * <p>Internal: public for the benchmarks module and the integration tests; not part of the API.
 */
public record Bounds(int x, int y, int width, int height) {
  /**
   * Validates the size.
   *
   * @param x left column
   * @param y top row
   * @param width columns, positive
   * @param height rows, positive
   * @throws IllegalArgumentException when width or height is not positive
   */
  public Bounds {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "Bounds " + width + "x" + height + " at (" + x + ", " + y + ") is empty: width and height must be positive");
    }
  }

  /** @return the centre pixel (rounded down), where a tap on this element lands */
  public Point center() {
    return new Point(x + width / 2, y + height / 2);
  }

  /** @return the first column right of the rectangle */
  public int right() {
    return x + width;
  }

  /** @return the first row below the rectangle */
  public int bottom() {
    return y + height;
  }

  /**
   * Whether a pixel lies inside (right and bottom edges exclusive).
   *
   * @param px column
   * @param py row
   * @return true when inside
   */
  public boolean contains(int px, int py) {
    return px >= x && py >= y && px < x + width && py < y + height;
  }

  /**
   * Whether another rectangle lies entirely inside this one.
   *
   * @param other the other rectangle
   * @return true when inside
   */
  public boolean contains(Bounds other) {
    return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
  }

  @Override
  public String toString() {
    return width + "x" + height + "@" + x + "," + y;
  }
}
