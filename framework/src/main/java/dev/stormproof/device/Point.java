package dev.stormproof.device;

/**
 * A position on the device screen in physical pixels, origin top-left.
 *
 * @param x column, {@code 0 <= x < width}
 * @param y row, {@code 0 <= y < height}
 */
public record Point(int x, int y) {
  public Point {
    if (x < 0 || y < 0) {
      throw new IllegalArgumentException(
          "Point (" + x + ", " + y + ") is off screen: coordinates start at 0; use a position inside the screen");
    }
  }

  public static Point of(int x, int y) {
    return new Point(x, y);
  }

  /** This point moved by {@code (dx, dy)}. */
  public Point offset(int dx, int dy) {
    return new Point(x + dx, y + dy);
  }

  @Override
  public String toString() {
    return "(" + x + ", " + y + ")";
  }
}
