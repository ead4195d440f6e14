package dev.stormproof.device;

/** A width and height in physical pixels; both positive. */
public record Size(int width, int height) {
  public Size {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Size " + width + "x" + height + " is empty: width and height must be positive, for example 1080x2400");
    }
  }

  /** Parses {@code "1080x2400"}, the form {@code wm size} prints. */
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

  public boolean contains(Point p) {
    return p.x() < width && p.y() < height;
  }

  public boolean landscape() {
    return width > height;
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
