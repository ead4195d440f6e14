package dev.stormproof.app;

import dev.stormproof.leak.ConfigValues;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Immutable settings of the app guard; {@code withX} returns a copy, invalid values throw
 * {@link IllegalArgumentException} naming the key, the value and the fix.
 *
 * <p>Configuration keys read by {@link #fromConfig} (JUnit configuration parameters, {@code -D}):
 * {@code stormproof.app.package} (no default), {@code stormproof.app.warmup} (2), the
 * tolerances {@code stormproof.app.pssBytesTolerance} (32 MiB),
 * {@code nativeHeapBytesTolerance} (16 MiB), {@code javaHeapBytesTolerance} (16 MiB),
 * {@code graphicsBytesTolerance} (32 MiB), {@code viewTolerance} (200),
 * {@code activityTolerance} (0), {@code binderTolerance} (20), {@code threadTolerance} (2),
 * {@code fdTolerance} (16), {@code jankPercentTolerance} (10 percentage points above the
 * baseline iteration), {@code frameP90MsTolerance} (16 ms above it), all under
 * {@code stormproof.app.}; {@code stormproof.app.minFrames} (30: an iteration that rendered
 * fewer frames is not judged on frames), {@code stormproof.app.settleMs} (3000),
 * {@code stormproof.app.maxBackoffMs} (500), {@code stormproof.app.stairWindow} (10, 0 is off)
 * and {@code stormproof.app.stairPercent} (80). docs/CONFIGURATION.md lists them with examples.
 *
 * @param packageName the app under test, empty when not configured
 * @param warmup iterations measured before the baseline is taken
 * @param tolerances allowed growth per counter (bytes or counts; percentage points and ms for
 *     the frame counters)
 * @param minFrames frames an iteration must render to be judged on frames
 * @param settle how long a counter above tolerance is re-read before it counts
 * @param maxBackoff cap of the back-off between re-reads (doubling from 50 ms)
 * @param stairWindow iterations examined for stair-step growth, 0 for off
 * @param stairPercent share of those iterations a counter must rise in
 */
public record AppGuardOptions(String packageName, int warmup, Map<AppCounter, Long> tolerances,
    long minFrames, Duration settle, Duration maxBackoff, int stairWindow, int stairPercent) {

  private static final String[] KEYS = {"pssBytesTolerance", "nativeHeapBytesTolerance",
      "javaHeapBytesTolerance", "graphicsBytesTolerance", "viewTolerance", "activityTolerance",
      "binderTolerance", "threadTolerance", "fdTolerance", "jankPercentTolerance",
      "frameP90MsTolerance"};
  private static final long MIB = 1024L * 1024;
  private static final long[] DEFAULT_TOLERANCES = {32 * MIB, 16 * MIB, 16 * MIB, 32 * MIB, 200,
      0, 20, 2, 16, 10, 16};

  /** The defaults, without a package. */
  public static final AppGuardOptions DEFAULTS = new AppGuardOptions("", 2, defaults(), 30,
      Duration.ofMillis(3000), Duration.ofMillis(500), 10, 80);

  /**
   * Validates and copies.
   *
   * @param packageName the package or empty
   * @param warmup warm-up iterations
   * @param tolerances one tolerance per counter
   * @param minFrames frames needed to judge frames
   * @param settle settle time
   * @param maxBackoff back-off cap
   * @param stairWindow stair window
   * @param stairPercent stair share
   */
  public AppGuardOptions {
    packageName = packageName == null ? "" : packageName.strip();
    if (!packageName.isEmpty()) {
      AppProbe.checkPackage(packageName, "stormproof.app.package");
    }
    check(warmup >= 0, "warmup", warmup, "0 or more");
    EnumMap<AppCounter, Long> t = new EnumMap<>(AppCounter.class);
    for (AppCounter c : AppCounter.values()) {
      Long v = tolerances.get(c);
      check(v != null && v >= 0, key(c), v, "0 or more");
      t.put(c, v);
    }
    tolerances = Collections.unmodifiableMap(t);
    check(minFrames >= 1, "minFrames", minFrames, "1 or more");
    check(settle != null && !settle.isNegative(), "settleMs", settle, "0 or more milliseconds");
    check(maxBackoff != null && maxBackoff.toMillis() >= 1, "maxBackoffMs", maxBackoff,
        "1 or more milliseconds");
    check(stairWindow == 0 || stairWindow >= 3, "stairWindow", stairWindow, "0 (off) or 3 or more");
    check(stairPercent > 50 && stairPercent <= 100, "stairPercent", stairPercent, "51 to 100");
  }

  private static EnumMap<AppCounter, Long> defaults() {
    EnumMap<AppCounter, Long> t = new EnumMap<>(AppCounter.class);
    for (AppCounter c : AppCounter.values()) {
      t.put(c, DEFAULT_TOLERANCES[c.ordinal()]);
    }
    return t;
  }

  /**
   * The configuration key part of a counter's tolerance.
   *
   * @param counter the counter
   * @return for example {@code nativeHeapBytesTolerance}
   */
  public static String key(AppCounter counter) {
    return KEYS[counter.ordinal()];
  }

  private static void check(boolean ok, String key, Object actual, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("stormproof.app." + key + " must be " + expected
          + ", was " + actual + "; set stormproof.app." + key + " (or the @AppGuard attribute) "
          + "to " + expected);
    }
  }

  /**
   * Options from {@code stormproof.app.*} configuration, defaults where a key is absent.
   *
   * @param config looks a key up
   * @return the options
   * @throws IllegalArgumentException naming the key, the value and the fix
   */
  public static AppGuardOptions fromConfig(Function<String, Optional<String>> config) {
    EnumMap<AppCounter, Long> t = new EnumMap<>(AppCounter.class);
    for (AppCounter c : AppCounter.values()) {
      t.put(c, ConfigValues.longValue(config, "stormproof.app." + key(c),
          DEFAULT_TOLERANCES[c.ordinal()]));
    }
    AppGuardOptions d = DEFAULTS;
    return new AppGuardOptions(config.apply("stormproof.app.package").orElse(""),
        (int) ConfigValues.longValue(config, "stormproof.app.warmup", d.warmup), t,
        ConfigValues.longValue(config, "stormproof.app.minFrames", d.minFrames),
        Duration.ofMillis(ConfigValues.longValue(config, "stormproof.app.settleMs",
            d.settle.toMillis())),
        Duration.ofMillis(ConfigValues.longValue(config, "stormproof.app.maxBackoffMs",
            d.maxBackoff.toMillis())),
        (int) ConfigValues.longValue(config, "stormproof.app.stairWindow", d.stairWindow),
        (int) ConfigValues.longValue(config, "stormproof.app.stairPercent", d.stairPercent));
  }

  /**
   * A copy for another app.
   *
   * @param v the package
   * @return the copy
   */
  public AppGuardOptions withPackageName(String v) {
    return new AppGuardOptions(v, warmup, tolerances, minFrames, settle, maxBackoff, stairWindow,
        stairPercent);
  }

  /**
   * A copy with another warm-up.
   *
   * @param v iterations
   * @return the copy
   */
  public AppGuardOptions withWarmup(int v) {
    return new AppGuardOptions(packageName, v, tolerances, minFrames, settle, maxBackoff,
        stairWindow, stairPercent);
  }

  /**
   * A copy with another tolerance for one counter.
   *
   * @param counter the counter
   * @param v the tolerance (bytes for memory counters)
   * @return the copy
   */
  public AppGuardOptions withTolerance(AppCounter counter, long v) {
    EnumMap<AppCounter, Long> t = new EnumMap<>(tolerances);
    t.put(counter, v);
    return new AppGuardOptions(packageName, warmup, t, minFrames, settle, maxBackoff, stairWindow,
        stairPercent);
  }

  /**
   * A copy with another settle time.
   *
   * @param v the settle time
   * @return the copy
   */
  public AppGuardOptions withSettle(Duration v) {
    return new AppGuardOptions(packageName, warmup, tolerances, minFrames, v, maxBackoff,
        stairWindow, stairPercent);
  }

  /**
   * A copy with another stair window.
   *
   * @param v iterations, 0 for off
   * @return the copy
   */
  public AppGuardOptions withStairWindow(int v) {
    return new AppGuardOptions(packageName, warmup, tolerances, minFrames, settle, maxBackoff, v,
        stairPercent);
  }
}
