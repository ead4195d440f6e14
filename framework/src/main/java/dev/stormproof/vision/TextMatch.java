package dev.stormproof.vision;

import dev.stormproof.device.Point;
import java.util.Locale;

/**
 * Text found on the screen: what was read, where, and how sure Tesseract was. Holds no native
 * memory.
 *
 * @param text the words as read (may differ from the searched text in case and spacing)
 * @param region where they are, in screen pixels
 * @param confidence Tesseract's confidence, 0-100 (the lowest of the words)
 */
public record TextMatch(String text, Region region, double confidence) {

  /**
   * The centre of the text, where a tap on it lands.
   *
   * @return the centre pixel
   */
  public Point center() {
    return new Point(region.x() + region.width() / 2, region.y() + region.height() / 2);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "'%s' at %s (confidence %.0f)", text, region, confidence);
  }
}
