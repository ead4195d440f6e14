package dev.stormproof.lint;

import dev.stormproof.device.Size;
import dev.stormproof.vision.VisionOptions;
import java.util.Set;

/**
 * Settings of the {@link TemplateLint}. Immutable: every {@code withX} returns a copy.
 *
 * @param vision threshold, colour tolerance and scales used to match (as the tests match)
 * @param minMargin how far the best match must score above the best look-alike; default {@value #DEFAULT_MIN_MARGIN}
 * @param minSide the smallest template side in pixels; default {@value #DEFAULT_MIN_SIDE}
 * @param minStdDev the lowest gray standard deviation of a template; default {@value #DEFAULT_MIN_STD_DEV}
 * @param duplicateScore the gray score at which two same-sized, same-coloured templates are
 *     near-duplicates; default {@value #DEFAULT_DUPLICATE_SCORE}
 * @param smallestScreen the smallest supported screen; null: the smallest recorded screen
 * @param colorChecked templates the tests use with {@code withColorCheck(true)}: their margin
 *     counts only look-alikes of the same colour
 * @param repeated templates meant to appear several times on one screen ({@code findAll}): no
 *     margin is required between their instances
 */
public record LintOptions(VisionOptions vision, double minMargin, int minSide, double minStdDev, double duplicateScore,
    Size smallestScreen, Set<String> colorChecked, Set<String> repeated) {

  /** Default margin over the best look-alike. */
  public static final double DEFAULT_MIN_MARGIN = 0.1;
  /** Default smallest template side, px. */
  public static final int DEFAULT_MIN_SIDE = 24;
  /** Default lowest gray standard deviation. */
  public static final double DEFAULT_MIN_STD_DEV = 10;
  /** Default score at which two templates are near-duplicates. */
  public static final double DEFAULT_DUPLICATE_SCORE = 0.95;

  /**
   * Checks the values.
   *
   * @param vision see the record
   * @param minMargin see the record
   * @param minSide see the record
   * @param minStdDev see the record
   * @param duplicateScore see the record
   * @param smallestScreen see the record
   * @param colorChecked see the record
   * @param repeated see the record
   * @throws IllegalArgumentException naming the value and the fix
   */
  public LintOptions {
    if (!(minMargin > 0 && minMargin < 1)) {
      throw new IllegalArgumentException("lint minMargin " + minMargin + " must be in (0, 1), for example 0.1");
    }
    if (minSide < 8) {
      throw new IllegalArgumentException("lint minSide " + minSide + " must be at least 8 px (the matcher's limit), for example 24");
    }
    if (!(minStdDev >= 0)) {
      throw new IllegalArgumentException("lint minStdDev " + minStdDev + " must be 0 or more, for example 10");
    }
    if (!(duplicateScore > 0 && duplicateScore <= 1)) {
      throw new IllegalArgumentException("lint duplicateScore " + duplicateScore + " must be in (0, 1], for example 0.95");
    }
    colorChecked = Set.copyOf(colorChecked);
    repeated = Set.copyOf(repeated);
  }

  /**
   * The defaults, matching with {@code vision}.
   *
   * @param vision the matching settings of the tests
   * @return the options
   */
  public static LintOptions of(VisionOptions vision) {
    return new LintOptions(vision, DEFAULT_MIN_MARGIN, DEFAULT_MIN_SIDE, DEFAULT_MIN_STD_DEV, DEFAULT_DUPLICATE_SCORE,
        null, Set.of(), Set.of());
  }

  /**
   * Sets the margin a template needs over its best look-alike.
   *
   * @param v the margin, in (0, 1)
   * @return a copy with it
   */
  public LintOptions withMinMargin(double v) {
    return new LintOptions(vision, v, minSide, minStdDev, duplicateScore, smallestScreen, colorChecked, repeated);
  }

  /**
   * Sets the smallest supported screen (templates must fit it).
   *
   * @param v the screen size
   * @return a copy with it
   */
  public LintOptions withSmallestScreen(Size v) {
    return new LintOptions(vision, minMargin, minSide, minStdDev, duplicateScore, v, colorChecked, repeated);
  }

  /**
   * Names the templates the tests use with the colour check.
   *
   * @param paths template paths, for example {@code arena/buy.png}
   * @return a copy with them
   */
  public LintOptions withColorChecked(String... paths) {
    return new LintOptions(vision, minMargin, minSide, minStdDev, duplicateScore, smallestScreen, Set.of(paths), repeated);
  }

  /**
   * Names the templates that appear several times on one screen.
   *
   * @param paths template paths
   * @return a copy with them
   */
  public LintOptions withRepeated(String... paths) {
    return new LintOptions(vision, minMargin, minSide, minStdDev, duplicateScore, smallestScreen, colorChecked, Set.of(paths));
  }
}
