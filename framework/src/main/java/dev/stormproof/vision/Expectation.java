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

  public static Expectation visible(Template template) {
    return new Expectation(template, false);
  }

  public static Expectation absent(Template template) {
    return new Expectation(template, true);
  }

  /**
   * Builds an expectation from annotation-style values, where "unset" values take the Vision's
   * defaults.
   *
   * @param path template path under the templates root
   * @param threshold (0, 1], or 0 for the default
   * @param timeout {@code 5s}, {@code 500ms}, {@code PT5S}, or empty for the default
   * @param region {@code x,y,width,height}, or empty for the whole screen
   * @param scales empty (default), {@code {s}} (exact) or {@code {min, max}}
   * @param absent true: the template must not be visible
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

  public Template template() {
    return template;
  }

  public boolean absent() {
    return absent;
  }

  public Duration timeout(VisionOptions defaults) {
    return template.timeout(defaults);
  }

  @Override
  public String toString() {
    return (absent ? "absent " : "visible ") + template.path();
  }
}
