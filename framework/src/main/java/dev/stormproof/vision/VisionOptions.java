package dev.stormproof.vision;

import dev.stormproof.config.ConfigParse;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of a {@link Vision} and its {@link TemplateLibrary}. Immutable: every {@code withX}
 * returns a copy. Per-template settings ({@link Template#withThreshold} ...) override these.
 *
 * <p>Configuration keys read by {@link #fromConfig} (JUnit configuration parameters,
 * {@code -D}, or any lookup function):
 * <ul>
 *   <li>{@code stormproof.vision.threshold} minimum TM_CCOEFF_NORMED score, (0, 1];
 *       default {@value #DEFAULT_THRESHOLD}</li>
 *   <li>{@code stormproof.vision.timeout} how long waits wait, {@code 5s}, {@code 500ms} or
 *       ISO-8601 {@code PT5S}; default {@value #DEFAULT_TIMEOUT_MILLIS} ms</li>
 *   <li>{@code stormproof.vision.poll} interval between captures while waiting; default
 *       {@value #DEFAULT_POLL_MILLIS} ms</li>
 *   <li>{@code stormproof.vision.scales} screen-to-template scale range, {@code 0.75-1.33} or
 *       {@code 1}; default {@value #DEFAULT_MIN_SCALE}-{@value #DEFAULT_MAX_SCALE} (exact size)</li>
 *   <li>{@code stormproof.vision.referenceShortSide} short side (px) of the screen the templates
 *       were cut from; when positive, the scale range is multiplied by
 *       {@code screenShortSide / referenceShortSide}, so one template set works on every
 *       resolution of a proportional layout; 0 turns it off; default
 *       {@value #DEFAULT_REFERENCE_SHORT_SIDE}</li>
 *   <li>{@code stormproof.vision.colorTolerance} largest normalised mean-BGR distance, [0, 1],
 *       a colour-checked match may have; default {@value #DEFAULT_COLOR_TOLERANCE}</li>
 *   <li>{@code stormproof.vision.templates} class path root of template files; default
 *       {@value #DEFAULT_TEMPLATE_ROOT}</li>
 *   <li>{@code stormproof.vision.templateCacheBytes} bound of decoded templates kept, bytes
 *       ({@code 64m}, {@code 512k} allowed); default {@value #DEFAULT_TEMPLATE_CACHE_BYTES}</li>
 *   <li>{@code stormproof.vision.resultCacheSize} recent search results kept; 0 disables;
 *       default {@value #DEFAULT_RESULT_CACHE_SIZE}</li>
 *   <li>{@code stormproof.vision.maxResults} most matches {@code findAll} returns; default
 *       {@value #DEFAULT_MAX_RESULTS}</li>
 * </ul>
 */
public final class VisionOptions {

  /** Default of {@code stormproof.vision.threshold}. */
  public static final double DEFAULT_THRESHOLD = 0.9;
  /** Default of {@code stormproof.vision.timeout}, in milliseconds. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 5000;
  /** Default of {@code stormproof.vision.poll}, in milliseconds. */
  public static final long DEFAULT_POLL_MILLIS = 100;
  /** Default of {@code stormproof.vision.scales}, lower end. */
  public static final double DEFAULT_MIN_SCALE = 1.0;
  /** Default of {@code stormproof.vision.scales}, upper end. */
  public static final double DEFAULT_MAX_SCALE = 1.0;
  /** Default of {@code stormproof.vision.colorTolerance}. */
  public static final double DEFAULT_COLOR_TOLERANCE = 0.12;
  /** Default of {@code stormproof.vision.templates}. */
  public static final String DEFAULT_TEMPLATE_ROOT = "templates";
  /** Default of {@code stormproof.vision.templateCacheBytes}. */
  public static final long DEFAULT_TEMPLATE_CACHE_BYTES = 64L << 20;
  /** Default of {@code stormproof.vision.resultCacheSize}. */
  public static final int DEFAULT_RESULT_CACHE_SIZE = 256;
  /** Default of {@code stormproof.vision.maxResults}. */
  public static final int DEFAULT_MAX_RESULTS = 64;
  /** Default of {@code stormproof.vision.referenceShortSide}, 0 = off. */
  public static final int DEFAULT_REFERENCE_SHORT_SIDE = 0;

  private final double threshold;
  private final Duration timeout;
  private final Duration poll;
  private final double minScale;
  private final double maxScale;
  private final double colorTolerance;
  private final String templateRoot;
  private final long templateCacheBytes;
  private final int resultCacheSize;
  private final int maxResults;
  private final int referenceShortSide;

  private VisionOptions(double threshold, Duration timeout, Duration poll, double minScale,
      double maxScale, double colorTolerance, String templateRoot, long templateCacheBytes,
      int resultCacheSize, int maxResults, int referenceShortSide) {
    this.threshold = checkThreshold(threshold, "VisionOptions");
    if (referenceShortSide < 0) {
      throw new IllegalArgumentException("referenceShortSide " + referenceShortSide
          + " must be 0 (off) or the short side in pixels of the screen the templates were cut from, e.g. 1080");
    }
    this.referenceShortSide = referenceShortSide;
    this.timeout = positive(timeout, "timeout");
    this.poll = positive(poll, "poll");
    checkScales(minScale, maxScale, "VisionOptions");
    this.minScale = minScale;
    this.maxScale = maxScale;
    if (!(colorTolerance >= 0 && colorTolerance <= 1)) {
      throw new IllegalArgumentException("colorTolerance " + colorTolerance
          + " is outside [0, 1]: use a normalised BGR distance such as " + DEFAULT_COLOR_TOLERANCE);
    }
    this.colorTolerance = colorTolerance;
    if (templateRoot.isBlank() || templateRoot.startsWith("/") || templateRoot.contains("..")) {
      throw new IllegalArgumentException("template root '" + templateRoot
          + "' is not a relative class path folder: use for example " + DEFAULT_TEMPLATE_ROOT);
    }
    this.templateRoot = templateRoot.endsWith("/")
        ? templateRoot.substring(0, templateRoot.length() - 1) : templateRoot;
    if (templateCacheBytes < 1) {
      throw new IllegalArgumentException("templateCacheBytes " + templateCacheBytes
          + " must be positive, for example 64m");
    }
    this.templateCacheBytes = templateCacheBytes;
    if (resultCacheSize < 0) {
      throw new IllegalArgumentException("resultCacheSize " + resultCacheSize
          + " is negative: use 0 (no result cache) or more, for example 256");
    }
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults " + maxResults
          + " is below 1: use 1 or more, for example 64");
    }
    this.resultCacheSize = resultCacheSize;
    this.maxResults = maxResults;
  }

  /** @return options with every documented default */
  public static VisionOptions defaults() {
    return new VisionOptions(DEFAULT_THRESHOLD, Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS),
        Duration.ofMillis(DEFAULT_POLL_MILLIS), DEFAULT_MIN_SCALE, DEFAULT_MAX_SCALE,
        DEFAULT_COLOR_TOLERANCE, DEFAULT_TEMPLATE_ROOT, DEFAULT_TEMPLATE_CACHE_BYTES,
        DEFAULT_RESULT_CACHE_SIZE, DEFAULT_MAX_RESULTS, DEFAULT_REFERENCE_SHORT_SIDE);
  }

  /**
   * Defaults overridden by the {@code stormproof.vision.*} keys listed in the class Javadoc.
   *
   * @param config looks up a configuration parameter by key
   * @return the options
   * @throws IllegalArgumentException naming the key when a value does not parse or is out of range
   */
  public static VisionOptions fromConfig(Function<String, Optional<String>> config) {
    VisionOptions o = defaults();
    String p = "stormproof.vision.";
    o = ConfigParse.apply(config, p + "threshold", o, (t, val) -> t.withThreshold(parseDouble(p + "threshold", val)));
    o = ConfigParse.apply(config, p + "timeout", o, (t, val) -> t.withTimeout(parseDuration(p + "timeout", val)));
    o = ConfigParse.apply(config, p + "poll", o, (t, val) -> t.withPoll(parseDuration(p + "poll", val)));
    o = ConfigParse.apply(config, p + "scales", o, (t, val) -> {
      double[] s = parseScales(p + "scales", val);
      return t.withScales(s[0], s[1]);
    });
    o = ConfigParse.apply(config, p + "colorTolerance", o, (t, val) -> t.withColorTolerance(parseDouble(p + "colorTolerance", val)));
    o = ConfigParse.apply(config, p + "templates", o, (t, val) -> t.withTemplateRoot(val.trim()));
    o = ConfigParse.apply(config, p + "templateCacheBytes", o, (t, val) -> t.withTemplateCacheBytes(parseBytes(p + "templateCacheBytes", val)));
    o = ConfigParse.apply(config, p + "resultCacheSize", o, (t, val) -> t.withResultCacheSize((int) parseDouble(p + "resultCacheSize", val)));
    o = ConfigParse.apply(config, p + "referenceShortSide", o, (t, val) -> t.withReferenceShortSide((int) parseDouble(p + "referenceShortSide", val)));
    o = ConfigParse.apply(config, p + "maxResults", o, (t, val) -> t.withMaxResults((int) parseDouble(p + "maxResults", val)));
    return o;
  }

  static double checkThreshold(double threshold, String where) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(where + ": threshold " + threshold
          + " is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9");
    }
    return threshold;
  }

  static void checkScales(double min, double max, String where) {
    if (!(min > 0 && max >= min && max <= 8)) {
      throw new IllegalArgumentException(where + ": scales " + min + "-" + max
          + " are not a range 0 < min <= max <= 8: use for example 0.75-1.33, or 1-1 for exact size");
    }
  }

  private static Duration positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " " + d + " must be positive, for example 5s");
    }
    return d;
  }

  private static double parseDouble(String key, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "='" + text + "' is not a number, for example 0.9", e);
    }
  }

  /** Parses {@code 250ms}, {@code 5s}, {@code 2m} or ISO-8601 ({@code PT5S}). */
  static Duration parseDuration(String key, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("pt")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      if (t.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
      }
      if (t.endsWith("m")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60_000));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(key + "='" + text + "' is not a duration: use 500ms, 5s, 2m or PT5S");
  }

  static double[] parseScales(String key, String text) {
    String[] parts = text.trim().split("\\s*[-,]\\s*");
    try {
      double min = Double.parseDouble(parts[0]);
      double max = parts.length > 1 ? Double.parseDouble(parts[1]) : min;
      if (parts.length <= 2) {
        checkScales(min, max, key);
        return new double[] {min, max};
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(key + "='" + text + "' is not a scale range: use 0.75-1.33 or 1");
  }

  private static long parseBytes(String key, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("k")) {
      unit = 1L << 10;
    } else if (t.endsWith("m")) {
      unit = 1L << 20;
    } else if (t.endsWith("g")) {
      unit = 1L << 30;
    }
    try {
      return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "='" + text + "' is not a byte count: use 67108864, 64m or 512k", e);
    }
  }

  private VisionOptions copy(double threshold, Duration timeout, Duration poll, double minScale,
      double maxScale, double colorTolerance, String root, long cacheBytes, int resultCache, int maxResults) {
    return new VisionOptions(threshold, timeout, poll, minScale, maxScale, colorTolerance, root,
        cacheBytes, resultCache, maxResults, referenceShortSide);
  }

  /**
   * Templates were cut from a screen whose short side is {@code pixels} (0: off); the scale range
   * then applies relative to {@code screenShortSide / pixels}.
   *
   * @param pixels the reference short side, or 0
   * @return a copy with it
   * @throws IllegalArgumentException when negative
   */
  public VisionOptions withReferenceShortSide(int pixels) {
    return new VisionOptions(threshold, timeout, poll, minScale, maxScale, colorTolerance, templateRoot,
        templateCacheBytes, resultCacheSize, maxResults, pixels);
  }

  /** @return the short side templates were cut from, or 0 (off) */
  public int referenceShortSide() {
    return referenceShortSide;
  }

  /** The factor the scale range is multiplied by on a screen of {@code width x height}. */
  double baseScale(int width, int height) {
    return referenceShortSide > 0 ? Math.min(width, height) / (double) referenceShortSide : 1.0;
  }

  /**
   * Returns a copy with another value.
   *
   * @param t minimum score, (0, 1]
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withThreshold(double t) {
    return copy(t, timeout, poll, minScale, maxScale, colorTolerance, templateRoot, templateCacheBytes, resultCacheSize, maxResults);
  }

  /**
   * Returns a copy with another value.
   *
   * @param t how long waits wait; positive
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withTimeout(Duration t) {
    return copy(threshold, t, poll, minScale, maxScale, colorTolerance, templateRoot, templateCacheBytes, resultCacheSize, maxResults);
  }

  /**
   * Returns a copy with another value.
   *
   * @param p interval between captures while waiting; positive
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withPoll(Duration p) {
    return copy(threshold, timeout, p, minScale, maxScale, colorTolerance, templateRoot, templateCacheBytes, resultCacheSize, maxResults);
  }

  /**
   * Returns a copy with another scale range.
   *
   * @param min smallest screen-to-template scale, positive
   * @param max largest, at least {@code min}
   * @return a copy
   * @throws IllegalArgumentException when the range is invalid
   */
  public VisionOptions withScales(double min, double max) {
    return copy(threshold, timeout, poll, min, max, colorTolerance, templateRoot, templateCacheBytes, resultCacheSize, maxResults);
  }

  /**
   * Returns a copy with another value.
   *
   * @param c largest mean-BGR distance of a colour-checked match, [0, 1]
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withColorTolerance(double c) {
    return copy(threshold, timeout, poll, minScale, maxScale, c, templateRoot, templateCacheBytes, resultCacheSize, maxResults);
  }

  /**
   * Returns a copy with another value.
   *
   * @param root class path folder of template files, relative
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withTemplateRoot(String root) {
    return copy(threshold, timeout, poll, minScale, maxScale, colorTolerance, root, templateCacheBytes, resultCacheSize, maxResults);
  }

  /**
   * Returns a copy with another value.
   *
   * @param bytes bound of decoded templates kept; positive
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withTemplateCacheBytes(long bytes) {
    return copy(threshold, timeout, poll, minScale, maxScale, colorTolerance, templateRoot, bytes, resultCacheSize, maxResults);
  }

  /**
   * Returns a copy with another value.
   *
   * @param size recent search results kept; 0 disables
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withResultCacheSize(int size) {
    return copy(threshold, timeout, poll, minScale, maxScale, colorTolerance, templateRoot, templateCacheBytes, size, maxResults);
  }

  /**
   * Returns a copy with another value.
   *
   * @param max most matches {@code findAll} returns; at least 1
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public VisionOptions withMaxResults(int max) {
    return copy(threshold, timeout, poll, minScale, maxScale, colorTolerance, templateRoot, templateCacheBytes, resultCacheSize, max);
  }

  /** @return minimum TM_CCOEFF_NORMED score */
  public double threshold() { return threshold; }
  /** @return how long waits wait */
  public Duration timeout() { return timeout; }
  /** @return interval between captures while waiting */
  public Duration poll() { return poll; }
  /** @return smallest screen-to-template scale */
  public double minScale() { return minScale; }
  /** @return largest screen-to-template scale */
  public double maxScale() { return maxScale; }
  /** @return largest mean-BGR distance of a colour-checked match */
  public double colorTolerance() { return colorTolerance; }
  /** @return class path folder of template files, without trailing slash */
  public String templateRoot() { return templateRoot; }
  /** @return bound of decoded templates kept, bytes */
  public long templateCacheBytes() { return templateCacheBytes; }
  /** @return recent search results kept; 0 = disabled */
  public int resultCacheSize() { return resultCacheSize; }
  /** @return most matches {@code findAll} returns */
  public int maxResults() { return maxResults; }

  @Override
  public String toString() {
    return "VisionOptions[threshold=" + threshold + ", timeout=" + timeout + ", poll=" + poll
        + ", scales=" + minScale + "-" + maxScale + ", colorTolerance=" + colorTolerance
        + ", templates=" + templateRoot + ", templateCacheBytes=" + templateCacheBytes
        + ", resultCacheSize=" + resultCacheSize + ", maxResults=" + maxResults
        + ", referenceShortSide=" + referenceShortSide + "]";
  }
}
