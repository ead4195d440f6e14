package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Point;

/**
 * An axis-aligned rectangle in screen pixels, origin top-left; immutable.
 *
 * @param x left column
 * @param y top row
 * @param width columns, positive
 * @param height rows, positive
 */
public record Bounds(int x, int y, int width, int height) {
  public Bounds {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "Bounds " + width + "x" + height + " at (" + x + ", " + y + ") is empty: width and height must be positive");
    }
  }

  /** The centre pixel (rounded down), where a tap on this element lands. */
  public Point center() {
    return new Point(x + width / 2, y + height / 2);
  }

  public int right() {
    return x + width;
  }

  public int bottom() {
    return y + height;
  }

  /** Whether the pixel {@code (px, py)} lies inside (right and bottom edges exclusive). */
  public boolean contains(int px, int py) {
    return px >= x && py >= y && px < x + width && py < y + height;
  }

  /** Whether {@code other} lies entirely inside this rectangle. */
  public boolean contains(Bounds other) {
    return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
  }

  @Override
  public String toString() {
    return width + "x" + height + "@" + x + "," + y;
  }
}
