package dev.stormproof.vision;

import java.time.Duration;

/**
 * "This template must be visible" (or, with {@link #absent()}, "must not be visible") within the
 * template's timeout. Immutable. {@link Vision#awaitAll} waits for several at once, checking all
 * pending ones on one frame per poll cycle.
 */
public final class Expectation {

  private final Template template;
  private final boolean absent;

  private Expectation(Template template, boolean absent) {
    this.template = template;
    this.absent = absent;
  }

  /**
   * The template must become visible.
   *
   * @param template what to wait for, with its timeout
   * @return the expectation
   */
  public static Expectation visible(Template template) {
    return new Expectation(template, false);
  }

  /**
   * The template must not be visible (or must disappear).
   *
   * @param template what must be gone, with its timeout
   * @return the expectation
   */
  public static Expectation absent(Template template) {
    return new Expectation(template, true);
  }

  /**
   * Builds an expectation from annotation-style values, where "unset" values take the Vision's
   * defaults. For the {@code @ExpectTemplate} layer; in code, prefer {@link #visible} with
   * {@link Template}'s {@code withX} methods.
   *
   * @param vision loads the template
   * @param path template path under the templates root
   * @param threshold (0, 1], or 0 for the default
   * @param timeout {@code 5s}, {@code 500ms}, {@code PT5S}, or empty for the default
   * @param region {@code x,y,width,height}, or empty for the whole screen
   * @param scales empty (default), {@code {s}} (exact) or {@code {min, max}}
   * @param absent true: the template must not be visible
   * @return the expectation
   * @throws IllegalArgumentException naming the bad value and the fix
   */
  public static Expectation of(Vision vision, String path, double threshold, String timeout,
      String region, double[] scales, boolean absent) {
    Template t = vision.template(path);
    if (threshold != 0) {
      t = t.withThreshold(threshold);
    }
    if (timeout != null && !timeout.isBlank()) {
      t = t.withTimeout(VisionOptions.parseDuration("template " + path + ": timeout", timeout));
    }
    if (region != null && !region.isBlank()) {
      t = t.withRegion(Region.parse(region));
    }
    if (scales != null && scales.length > 0) {
      if (scales.length > 2) {
        throw new IllegalArgumentException("template " + path + ": scales " + java.util.Arrays.toString(scales)
            + " has " + scales.length + " values: give {} (default), {scale} or {min, max}");
      }
      t = t.withScales(scales[0], scales[scales.length - 1]);
    }
    return new Expectation(t, absent);
  }

  /** @return the template, with its search options */
  public Template template() {
    return template;
  }

  /** @return true when the template must not be visible */
  public boolean absent() {
    return absent;
  }

  /**
   * How long to wait.
   *
   * @param defaults used when the template sets no timeout
   * @return the template's timeout, else the default's
   */
  public Duration timeout(VisionOptions defaults) {
    return template.timeout(defaults);
  }

  @Override
  public String toString() {
    return (absent ? "absent " : "visible ") + template.path();
  }
}
