package dev.stormproof.device;

/**
 * A width and height in physical pixels.
 *
 * @param width columns, positive
 * @param height rows, positive
 */
public record Size(int width, int height) {
  /**
   * Validates the dimensions.
   *
   * @param width columns, positive
   * @param height rows, positive
   * @throws IllegalArgumentException when a dimension is not positive
   */
  public Size {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Size " + width + "x" + height + " is empty: width and height must be positive, for example 1080x2400");
    }
  }

  /**
   * Parses the form {@code wm size} prints.
   *
   * @param text for example {@code "1080x2400"}
   * @return the size
   * @throws IllegalArgumentException when {@code text} is not {@code WIDTHxHEIGHT} of positive integers
   */
  public static Size parse(String text) {
    String[] parts = text.trim().split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Size '" + text + "' is not WIDTHxHEIGHT, for example 1080x2400");
    }
    try {
      return new Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Size '" + text + "' is not WIDTHxHEIGHT, for example 1080x2400", e);
    }
  }

  /**
   * Whether a point lies on a screen of this size.
   *
   * @param p the point
   * @return true when {@code p.x() < width} and {@code p.y() < height}
   */
  public boolean contains(Point p) {
    return p.x() < width && p.y() < height;
  }

  /**
   * Whether this is a landscape size.
   *
   * @return true when wider than tall
   */
  public boolean landscape() {
    return width > height;
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
