package dev.stormproof.vision;

import dev.stormproof.device.Size;
import java.time.Duration;
import java.util.Objects;

/**
 * A template image (a path under the templates root, for example {@code arena/shop.png}) plus
 * per-template search options. Immutable: {@code withX} returns a copy. Holds no native memory
 * itself (the decoded pixels live in its {@link TemplateLibrary}'s cache), so a Template may be
 * kept in fields and shared between threads and tests of one library.
 *
 * <p>Unset options ({@code null}) fall back to the {@link VisionOptions} of the Vision that
 * searches.
 */
public final class Template {

  private final TemplateLibrary library;
  private final String path;
  private final Size size;
  private final Double threshold;
  private final Region region;
  private final double[] scales;
  private final boolean colorCheck;
  private final Duration timeout;

  Template(TemplateLibrary library, String path, Size size, Double threshold, Region region,
      double[] scales, boolean colorCheck, Duration timeout) {
    this.library = library;
    this.path = path;
    this.size = size;
    this.threshold = threshold;
    this.region = region;
    this.scales = scales;
    this.colorCheck = colorCheck;
    this.timeout = timeout;
  }

  /** The path relative to the templates root, as given. */
  public String path() {
    return path;
  }

  /** The template image size in pixels. */
  public Size size() {
    return size;
  }

  /**
   * Minimum score for this template.
   *
   * @throws IllegalArgumentException when outside (0, 1]
   */
  public Template withThreshold(double threshold) {
    VisionOptions.checkThreshold(threshold, "template " + path);
    return new Template(library, path, size, threshold, region, scales, colorCheck, timeout);
  }

  /** Searches only inside {@code region} (null: the whole screen). */
  public Template withRegion(Region region) {
    return new Template(library, path, size, threshold, region, scales, colorCheck, timeout);
  }

  /**
   * Accepts the template drawn at any scale in {@code [min, max]} relative to the screen, for
   * example {@code 0.75, 1.33}.
   */
  public Template withScales(double min, double max) {
    VisionOptions.checkScales(min, max, "template " + path);
    return new Template(library, path, size, threshold, region, new double[] {min, max}, colorCheck, timeout);
  }

  /**
   * Also requires the mean colour of the match to be close to the template's (gray matching
   * alone confuses a red and a green button of the same shape).
   */
  public Template withColorCheck(boolean check) {
    return new Template(library, path, size, threshold, region, scales, check, timeout);
  }

  /** How long waits for this template wait (null: the Vision's default). */
  public Template withTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("template " + path + ": timeout " + timeout
          + " must be positive, for example Duration.ofSeconds(5)");
    }
    return new Template(library, path, size, threshold, region, scales, colorCheck, timeout);
  }

  public double threshold(VisionOptions defaults) {
    return threshold != null ? threshold : defaults.threshold();
  }

  public Region region() {
    return region;
  }

  public double minScale(VisionOptions defaults) {
    return scales != null ? scales[0] : defaults.minScale();
  }

  public double maxScale(VisionOptions defaults) {
    return scales != null ? scales[1] : defaults.maxScale();
  }

  public boolean colorCheck() {
    return colorCheck;
  }

  public Duration timeout(VisionOptions defaults) {
    return timeout != null ? timeout : defaults.timeout();
  }

  TemplateLibrary library() {
    return library;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template t && t.library == library && t.path.equals(path)
        && Objects.equals(t.threshold, threshold) && Objects.equals(t.region, region)
        && java.util.Arrays.equals(t.scales, scales) && t.colorCheck == colorCheck
        && Objects.equals(t.timeout, timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, threshold, region, java.util.Arrays.hashCode(scales), colorCheck, timeout);
  }

  @Override
  public String toString() {
    return path;
  }
}
