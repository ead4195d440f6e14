package dev.stormproof.device;

/**
 * A position on the device screen in physical pixels, origin top-left.
 *
 * @param x column, {@code 0 <= x < width}
 * @param y row, {@code 0 <= y < height}
 */
public record Point(int x, int y) {
  /**
   * Validates the coordinates.
   *
   * @param x column, {@code >= 0}
   * @param y row, {@code >= 0}
   * @throws IllegalArgumentException when a coordinate is negative
   */
  public Point {
    if (x < 0 || y < 0) {
      throw new IllegalArgumentException(
          "Point (" + x + ", " + y + ") is off screen: coordinates start at 0; use a position inside the screen");
    }
  }

  /**
   * Shorthand for {@code new Point(x, y)}.
   *
   * @param x column, {@code >= 0}
   * @param y row, {@code >= 0}
   * @return the point
   * @throws IllegalArgumentException when a coordinate is negative
   */
  public static Point of(int x, int y) {
    return new Point(x, y);
  }

  /**
   * This point moved.
   *
   * @param dx columns to add (may be negative)
   * @param dy rows to add (may be negative)
   * @return a new point
   * @throws IllegalArgumentException when the result has a negative coordinate
   */
  public Point offset(int dx, int dy) {
    return new Point(x + dx, y + dy);
  }

  @Override
  public String toString() {
    return "(" + x + ", " + y + ")";
  }
}
