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

  /** @return the path relative to the templates root, as given */
  public String path() {
    return path;
  }

  /** @return the template image's size in pixels */
  public Size size() {
    return size;
  }

  /**
   * Minimum score for this template.
   *
   * @param threshold in (0, 1]
   * @return a copy with it
   * @throws IllegalArgumentException when outside (0, 1]
   */
  public Template withThreshold(double threshold) {
    VisionOptions.checkThreshold(threshold, "template " + path);
    return new Template(library, path, size, threshold, region, scales, colorCheck, timeout);
  }

  /**
   * Searches only inside a region.
   *
   * @param region the region, or null for the whole screen
   * @return a copy with it
   */
  public Template withRegion(Region region) {
    return new Template(library, path, size, threshold, region, scales, colorCheck, timeout);
  }

  /**
   * Accepts the template drawn at any scale in {@code [min, max]} relative to the screen, for
   * example {@code 0.75, 1.33}.
   *
   * @param min smallest scale, positive
   * @param max largest scale, at least {@code min}
   * @return a copy with them
   * @throws IllegalArgumentException when the range is invalid
   */
  public Template withScales(double min, double max) {
    VisionOptions.checkScales(min, max, "template " + path);
    return new Template(library, path, size, threshold, region, new double[] {min, max}, colorCheck, timeout);
  }

  /**
   * Also requires the mean colour of the match to be close to the template's (gray matching
   * alone confuses a red and a green button of the same shape).
   *
   * @param check whether to compare colours
   * @return a copy with it
   */
  public Template withColorCheck(boolean check) {
    return new Template(library, path, size, threshold, region, scales, check, timeout);
  }

  /**
   * How long waits for this template wait.
   *
   * @param timeout positive, or null for the Vision's default
   * @return a copy with it
   * @throws IllegalArgumentException when {@code timeout} is zero or negative
   */
  public Template withTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("template " + path + ": timeout " + timeout
          + " must be positive, for example Duration.ofSeconds(5)");
    }
    return new Template(library, path, size, threshold, region, scales, colorCheck, timeout);
  }

  /**
   * The effective threshold.
   *
   * @param defaults used when this template sets none
   * @return this template's threshold, else the default's
   */
  public double threshold(VisionOptions defaults) {
    return threshold != null ? threshold : defaults.threshold();
  }

  /** @return the search region, or null for the whole screen */
  public Region region() {
    return region;
  }

  /**
   * The effective smallest scale.
   *
   * @param defaults used when this template sets no scales
   * @return this template's smallest scale, else the default's
   */
  public double minScale(VisionOptions defaults) {
    return scales != null ? scales[0] : defaults.minScale();
  }

  /**
   * The effective largest scale.
   *
   * @param defaults used when this template sets no scales
   * @return this template's largest scale, else the default's
   */
  public double maxScale(VisionOptions defaults) {
    return scales != null ? scales[1] : defaults.maxScale();
  }

  /** @return whether matches must also match the template's mean colour */
  public boolean colorCheck() {
    return colorCheck;
  }

  /**
   * The effective wait timeout.
   *
   * @param defaults used when this template sets none
   * @return this template's timeout, else the default's
   */
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
