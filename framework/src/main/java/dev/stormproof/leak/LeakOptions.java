package dev.stormproof.leak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Immutable settings of the leak guard; {@code withX} returns a copy, invalid values throw
 * {@link IllegalArgumentException} saying what is wrong and how to fix it.
 *
 * <p>Configuration keys read by {@link #fromConfig} (JUnit configuration parameters, {@code -D}):
 * <ul>
 *   <li>{@code stormproof.leak.warmup}: iterations run before the baseline is taken, default
 *       {@value #DEFAULT_WARMUP}</li>
 *   <li>{@code stormproof.leak.nativeBytesTolerance}: allowed growth of glibc in-use bytes,
 *       default {@value #DEFAULT_NATIVE_BYTES_TOLERANCE}</li>
 *   <li>{@code stormproof.leak.javacppTolerance}: allowed growth of javacpp's live pointer count,
 *       default {@value #DEFAULT_JAVACPP_TOLERANCE}</li>
 *   <li>{@code stormproof.leak.threadTolerance}: allowed new threads, default
 *       {@value #DEFAULT_THREAD_TOLERANCE}</li>
 *   <li>{@code stormproof.leak.bufferTolerance}: allowed native buffers still owned by the
 *       finished test, default {@value #DEFAULT_BUFFER_TOLERANCE}</li>
 *   <li>{@code stormproof.leak.taskTolerance}: allowed tasks still live, default
 *       {@value #DEFAULT_TASK_TOLERANCE}</li>
 *   <li>{@code stormproof.leak.settleMs}: how long counters may take to come back (retried
 *       with back-off doubling from 1 ms, GC between attempts), default
 *       {@value #DEFAULT_SETTLE_MS}</li>
 *   <li>{@code stormproof.leak.nativeSettleMs}: how long settling goes on when native bytes are
 *       the only counter still above tolerance, default {@value #DEFAULT_NATIVE_SETTLE_MS}.
 *       Longer than the settle time on purpose: HotSpot keeps the malloc'd chunks of finished
 *       JIT compilations in a pool that it empties every 5 seconds, which looks like several
 *       MiB of native growth until then</li>
 *   <li>{@code stormproof.leak.maxBackoffMs}: cap of that back-off, default
 *       {@value #DEFAULT_MAX_BACKOFF_MS}</li>
 *   <li>{@code stormproof.leak.stairWindow}: iterations examined for stair-step growth (0 turns
 *       it off), default {@value #DEFAULT_STAIR_WINDOW}</li>
 *   <li>{@code stormproof.leak.stairPercent}: share of those iterations in which a counter must
 *       rise to count as stair-step growth, default {@value #DEFAULT_STAIR_PERCENT}</li>
 *   <li>{@code stormproof.leak.ignoreThreads}: comma-separated thread-name regexes ignored in
 *       addition to {@link #DEFAULT_IGNORED_THREADS}</li>
 *   <li>{@code stormproof.leak.sites}: record native allocation sites, default
 *       {@value #DEFAULT_SITES}</li>
 *   <li>{@code stormproof.leak.stackDepth}: frames shown per stack in reports, default
 *       {@value #DEFAULT_STACK_DEPTH}</li>
 *   <li>{@code stormproof.leak.jfr}: record each judged iteration with JFR and keep the
 *       recording of a leaking one, default {@value #DEFAULT_JFR}</li>
 *   <li>{@code stormproof.leak.jfrMaxBytes}: size cap of one recording, default
 *       {@value #DEFAULT_JFR_MAX_BYTES}</li>
 *   <li>{@code stormproof.leak.dir}: where JFR files are written, default
 *       {@value #DEFAULT_DIR}</li>
 *   <li>{@code stormproof.leak.strict}: judge the process-wide counters (native bytes, javacpp
 *       pointers, threads nobody owns) under parallel execution too, where another test may have
 *       grown them; by default they are reported there as context only. Default
 *       {@value #DEFAULT_STRICT}</li>
 * </ul>
 *
 * @param warmup iterations before the baseline; 0 or more
 * @param nativeBytesTolerance allowed growth of glibc in-use bytes; 0 or more
 * @param javacppTolerance allowed growth of live javacpp pointers; 0 or more
 * @param threadTolerance allowed new threads; 0 or more
 * @param bufferTolerance allowed native buffers still owned by the finished test; 0 or more
 * @param taskTolerance allowed tasks still live; 0 or more
 * @param settle how long counters may take to come back; 0 or more
 * @param nativeSettle how long settling goes on for native bytes alone; 0 or more
 * @param maxBackoff cap of the settling back-off; positive
 * @param stairWindow iterations examined for stair-step growth; 0 (off) or 3 or more
 * @param stairPercent share of rising iterations that counts as stair-step growth; 51 to 100
 * @param ignoredThreads thread-name patterns not judged
 * @param sites record native allocation sites
 * @param stackDepth frames shown per stack in reports; 1 or more
 * @param jfr record judged iterations with JFR
 * @param jfrMaxBytes size cap of one recording; at least 1 MiB
 * @param dir where JFR files are written
 */
public record LeakOptions(int warmup, long nativeBytesTolerance, long javacppTolerance,
    long threadTolerance, long bufferTolerance, long taskTolerance, Duration settle,
    Duration nativeSettle, Duration maxBackoff, int stairWindow, int stairPercent, List<Pattern> ignoredThreads,
    boolean sites, int stackDepth, boolean jfr, long jfrMaxBytes, Path dir, boolean strict) {

  /** Default of {@code stormproof.leak.warmup}. */
  public static final int DEFAULT_WARMUP = 2;
  /** Default of {@code stormproof.leak.nativeBytesTolerance}. */
  public static final long DEFAULT_NATIVE_BYTES_TOLERANCE = 16L * 1024 * 1024;
  /** Default of {@code stormproof.leak.javacppTolerance}. */
  public static final long DEFAULT_JAVACPP_TOLERANCE = 0;
  /** Default of {@code stormproof.leak.threadTolerance}. */
  public static final long DEFAULT_THREAD_TOLERANCE = 0;
  /** Default of {@code stormproof.leak.bufferTolerance}. */
  public static final long DEFAULT_BUFFER_TOLERANCE = 0;
  /** Default of {@code stormproof.leak.taskTolerance}. */
  public static final long DEFAULT_TASK_TOLERANCE = 0;
  /** Default of {@code stormproof.leak.settleMs}. */
  public static final long DEFAULT_SETTLE_MS = 2000;
  /** Default of {@code stormproof.leak.nativeSettleMs}. */
  public static final long DEFAULT_NATIVE_SETTLE_MS = 6000;
  /** Default of {@code stormproof.leak.maxBackoffMs}. */
  public static final long DEFAULT_MAX_BACKOFF_MS = 100;
  /** Default of {@code stormproof.leak.stairWindow}. */
  public static final int DEFAULT_STAIR_WINDOW = 10;
  /** Default of {@code stormproof.leak.stairPercent}. */
  public static final int DEFAULT_STAIR_PERCENT = 80;
  /** Default of {@code stormproof.leak.sites}. */
  public static final boolean DEFAULT_SITES = true;
  /** Default of {@code stormproof.leak.stackDepth}. */
  public static final int DEFAULT_STACK_DEPTH = 12;
  /** Default of {@code stormproof.leak.jfr}. */
  public static final boolean DEFAULT_JFR = false;
  /** Default of {@code stormproof.leak.jfrMaxBytes}. */
  public static final long DEFAULT_JFR_MAX_BYTES = 32L * 1024 * 1024;
  /** Default of {@code stormproof.leak.dir}. */
  public static final String DEFAULT_DIR = "target/stormproof-leak";
  /** Default of {@code stormproof.leak.strict}. */
  public static final boolean DEFAULT_STRICT = false;

  /**
   * Threads that legitimately outlive a test: JDK internals, javacpp's deallocator, Java2D's
   * disposer (ImageIO), Awaitility's poller, Surefire and JUnit workers, the common pool (its
   * workers idle out after a minute), JFR, JNA's cleaner (the native-bytes probe), Okio's watchdog (dadb), HTTP keep-alive,
   * and Stormproof's own run-scoped threads: device call workers ({@code stormproof-adb-*}, a pool
   * that grows with concurrent device calls), tap dispatchers ({@code stormproof-tap-*}) and the
   * embedded virtual device ({@code stormproof-vdev-*}); the launcher session closes and joins
   * them at the end of the run. Task threads ({@code stormproof-task-*}) are judged.
   */
  public static final List<String> DEFAULT_IGNORED_THREADS = List.of(
      "Reference Handler", "Finalizer", "Signal Dispatcher", "Attach Listener",
      "Common-Cleaner", "Notification Thread", "Service Thread", "process reaper",
      "JavaCPP Deallocator", "Java2D Disposer", "AWT-.*", "awaitility-thread", "awaitility\\[.*",
      "surefire-forkedjvm-.*", "ForkJoinPool-\\d+-worker-\\d+", "junit-.*",
      "ForkJoinPool\\.commonPool-worker-\\d+", "JFR .*", "Okio Watchdog",
      "JNA Cleaner", "Keep-Alive-Timer", "Keep-Alive-SocketCleaner", "kotlinx\\.coroutines\\.DefaultExecutor",
      "stormproof-adb-.*", "stormproof-tap-.*", "stormproof-vdev-.*");

  /** Every default. */
  public static final LeakOptions DEFAULTS = new LeakOptions(DEFAULT_WARMUP,
      DEFAULT_NATIVE_BYTES_TOLERANCE, DEFAULT_JAVACPP_TOLERANCE, DEFAULT_THREAD_TOLERANCE,
      DEFAULT_BUFFER_TOLERANCE, DEFAULT_TASK_TOLERANCE, Duration.ofMillis(DEFAULT_SETTLE_MS),
      Duration.ofMillis(DEFAULT_NATIVE_SETTLE_MS), Duration.ofMillis(DEFAULT_MAX_BACKOFF_MS), DEFAULT_STAIR_WINDOW, DEFAULT_STAIR_PERCENT,
      compile(DEFAULT_IGNORED_THREADS), DEFAULT_SITES, DEFAULT_STACK_DEPTH, DEFAULT_JFR,
      DEFAULT_JFR_MAX_BYTES, Path.of(DEFAULT_DIR), DEFAULT_STRICT);

  /**
   * Validates every value.
   *
   * @param warmup iterations before the baseline; 0 or more
   * @param nativeBytesTolerance allowed growth of glibc in-use bytes; 0 or more
   * @param javacppTolerance allowed growth of live javacpp pointers; 0 or more
   * @param threadTolerance allowed new threads; 0 or more
   * @param bufferTolerance allowed native buffers still owned by the finished test; 0 or more
   * @param taskTolerance allowed tasks still live; 0 or more
   * @param settle how long counters may take to come back; 0 or more
   * @param nativeSettle how long settling goes on for native bytes alone; 0 or more
   * @param maxBackoff cap of the settling back-off; positive
   * @param stairWindow iterations examined for stair-step growth; 0 (off) or 3 or more
   * @param stairPercent share of rising iterations that counts as stair-step growth; 51 to 100
   * @param ignoredThreads thread-name patterns not judged
   * @param sites record native allocation sites
   * @param stackDepth frames shown per stack in reports; 1 or more
   * @param jfr record judged iterations with JFR
   * @param jfrMaxBytes size cap of one recording; at least 1 MiB
   * @param dir where JFR files are written
   * @param strict judge process-wide counters under parallel execution too
   * @throws IllegalArgumentException naming the value, the rule and the key to set
   */
  public LeakOptions {
    check(warmup >= 0, "warmup", warmup, "0 or more iterations");
    check(nativeBytesTolerance >= 0, "nativeBytesTolerance", nativeBytesTolerance, "0 or more");
    check(javacppTolerance >= 0, "javacppTolerance", javacppTolerance, "0 or more");
    check(threadTolerance >= 0, "threadTolerance", threadTolerance, "0 or more");
    check(bufferTolerance >= 0, "bufferTolerance", bufferTolerance, "0 or more");
    check(taskTolerance >= 0, "taskTolerance", taskTolerance, "0 or more");
    check(settle != null && !settle.isNegative(), "settle", settle, "a duration of 0 or more");
    check(nativeSettle != null && !nativeSettle.isNegative(), "nativeSettle", nativeSettle,
        "a duration of 0 or more");
    check(maxBackoff != null && !maxBackoff.isNegative() && !maxBackoff.isZero(), "maxBackoff",
        maxBackoff, "a positive duration");
    check(stairWindow == 0 || stairWindow >= 3, "stairWindow", stairWindow, "0 (off) or 3 or more");
    check(stairPercent > 50 && stairPercent <= 100, "stairPercent", stairPercent, "51 to 100");
    check(stackDepth >= 1, "stackDepth", stackDepth, "1 or more");
    check(jfrMaxBytes >= 1024 * 1024, "jfrMaxBytes", jfrMaxBytes, "at least 1048576");
    ignoredThreads = List.copyOf(ignoredThreads);
  }

  private static void check(boolean ok, String name, Object actual, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("LeakOptions." + name + " must be " + expected
          + ", was " + actual + "; set stormproof.leak." + name + " or the @LeakGuard attribute "
          + "to " + expected);
    }
  }

  private static List<Pattern> compile(List<String> regexes) {
    List<Pattern> out = new ArrayList<>();
    for (String r : regexes) {
      try {
        out.add(Pattern.compile(r.trim()));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("thread-name pattern '" + r + "' is not a regex: "
            + e.getDescription() + "; escape special characters like \\. and \\[", e);
      }
    }
    return out;
  }

  /**
   * Options from {@code stormproof.leak.*} configuration, defaults where a key is absent.
   *
   * @param config looks up a configuration parameter by key
   * @return the options
   * @throws IllegalArgumentException naming the key when a value does not parse or is out of range
   */
  public static LeakOptions fromConfig(Function<String, Optional<String>> config) {
    List<String> ignore = new ArrayList<>(DEFAULT_IGNORED_THREADS);
    List<String> extra = new ArrayList<>();
    config.apply("stormproof.leak.ignoreThreads").ifPresent(v -> {
      for (String p : v.split(",")) {
        if (!p.isBlank()) {
          extra.add(p.trim());
        }
      }
    });
    List<Pattern> patterns;
    try {
      compile(extra);
      ignore.addAll(extra);
      patterns = compile(ignore);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stormproof.leak.ignoreThreads="
          + config.apply("stormproof.leak.ignoreThreads").orElse("") + " is refused: " + e.getMessage(), e);
    }
    long max = Long.MAX_VALUE;
    return new LeakOptions(
        (int) ranged(config, "warmup", DEFAULT_WARMUP, 0, Integer.MAX_VALUE, "0 or more iterations"),
        ranged(config, "nativeBytesTolerance", DEFAULT_NATIVE_BYTES_TOLERANCE, 0, max, "0 or more bytes"),
        ranged(config, "javacppTolerance", DEFAULT_JAVACPP_TOLERANCE, 0, max, "0 or more"),
        ranged(config, "threadTolerance", DEFAULT_THREAD_TOLERANCE, 0, max, "0 or more"),
        ranged(config, "bufferTolerance", DEFAULT_BUFFER_TOLERANCE, 0, max, "0 or more"),
        ranged(config, "taskTolerance", DEFAULT_TASK_TOLERANCE, 0, max, "0 or more"),
        Duration.ofMillis(ranged(config, "settleMs", DEFAULT_SETTLE_MS, 0, max, "0 or more ms")),
        Duration.ofMillis(ranged(config, "nativeSettleMs", DEFAULT_NATIVE_SETTLE_MS, 0, max,
            "0 or more ms")),
        Duration.ofMillis(ranged(config, "maxBackoffMs", DEFAULT_MAX_BACKOFF_MS, 1, max,
            "1 ms or more")),
        stairWindow(config),
        (int) ranged(config, "stairPercent", DEFAULT_STAIR_PERCENT, 51, 100, "51 to 100"),
        patterns,
        ConfigValues.boolValue(config, "stormproof.leak.sites", DEFAULT_SITES),
        (int) ranged(config, "stackDepth", DEFAULT_STACK_DEPTH, 1, 10_000, "1 or more"),
        ConfigValues.boolValue(config, "stormproof.leak.jfr", DEFAULT_JFR),
        ranged(config, "jfrMaxBytes", DEFAULT_JFR_MAX_BYTES, 1024 * 1024, max, "at least 1048576"),
        Path.of(config.apply("stormproof.leak.dir").orElse(DEFAULT_DIR)),
        ConfigValues.boolValue(config, "stormproof.leak.strict", DEFAULT_STRICT));
  }

  /** {@code stormproof.leak.<name>} within [min, max], naming key, value and fix when not. */
  private static long ranged(Function<String, Optional<String>> config, String name, long dflt,
      long min, long max, String rule) {
    String key = "stormproof.leak." + name;
    long v = ConfigValues.longValue(config, key, dflt);
    if (v < min || v > max) {
      throw new IllegalArgumentException(key + "=" + config.apply(key).orElse("").trim()
          + " is refused: use " + rule + ", for example " + dflt);
    }
    return v;
  }

  private static int stairWindow(Function<String, Optional<String>> config) {
    int w = (int) ranged(config, "stairWindow", DEFAULT_STAIR_WINDOW, 0, 10_000, "0 (off) or 3 or more");
    if (w == 1 || w == 2) {
      throw new IllegalArgumentException("stormproof.leak.stairWindow=" + w
          + " is refused: use 0 (off) or 3 or more, for example " + DEFAULT_STAIR_WINDOW);
    }
    return w;
  }


  /**
   * Whether a thread is exempt from judging.
   *
   * @param threadName the thread's name
   * @return true when it matches an ignored pattern
   */
  public boolean ignores(String threadName) {
    for (Pattern p : ignoredThreads) {
      if (p.matcher(threadName).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a copy with another warmup.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withWarmup(int v) {
    return new LeakOptions(v, nativeBytesTolerance, javacppTolerance, threadTolerance,
        bufferTolerance, taskTolerance, settle, nativeSettle, maxBackoff, stairWindow, stairPercent,
        ignoredThreads, sites, stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * Returns a copy with another native bytes tolerance.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withNativeBytesTolerance(long v) {
    return new LeakOptions(warmup, v, javacppTolerance, threadTolerance, bufferTolerance,
        taskTolerance, settle, nativeSettle, maxBackoff, stairWindow, stairPercent, ignoredThreads, sites,
        stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * Returns a copy with another javacpp tolerance.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withJavacppTolerance(long v) {
    return new LeakOptions(warmup, nativeBytesTolerance, v, threadTolerance, bufferTolerance,
        taskTolerance, settle, nativeSettle, maxBackoff, stairWindow, stairPercent, ignoredThreads, sites,
        stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * Returns a copy with another thread tolerance.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withThreadTolerance(long v) {
    return new LeakOptions(warmup, nativeBytesTolerance, javacppTolerance, v, bufferTolerance,
        taskTolerance, settle, nativeSettle, maxBackoff, stairWindow, stairPercent, ignoredThreads, sites,
        stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * Returns a copy with another settle time.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withSettle(Duration v) {
    return new LeakOptions(warmup, nativeBytesTolerance, javacppTolerance, threadTolerance,
        bufferTolerance, taskTolerance, v, nativeSettle, maxBackoff, stairWindow, stairPercent, ignoredThreads,
        sites, stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * Returns a copy with another native settle time.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withNativeSettle(Duration v) {
    return new LeakOptions(warmup, nativeBytesTolerance, javacppTolerance, threadTolerance,
        bufferTolerance, taskTolerance, settle, v, maxBackoff, stairWindow, stairPercent,
        ignoredThreads, sites, stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * Returns a copy with another stair window.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withStairWindow(int v) {
    return new LeakOptions(warmup, nativeBytesTolerance, javacppTolerance, threadTolerance,
        bufferTolerance, taskTolerance, settle, nativeSettle, maxBackoff, v, stairPercent, ignoredThreads,
        sites, stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * A copy that also ignores threads whose names match {@code regexes}.
   *
   * @param regexes thread-name regexes, matched in full
   * @return a copy
   * @throws IllegalArgumentException when a regex does not compile
   */
  public LeakOptions withIgnoredThreads(List<String> regexes) {
    List<Pattern> all = new ArrayList<>(ignoredThreads);
    all.addAll(compile(regexes));
    return new LeakOptions(warmup, nativeBytesTolerance, javacppTolerance, threadTolerance,
        bufferTolerance, taskTolerance, settle, nativeSettle, maxBackoff, stairWindow, stairPercent, all,
        sites, stackDepth, jfr, jfrMaxBytes, dir, strict);
  }

  /**
   * A copy with strict judgement of process-wide counters under parallel execution.
   *
   * @param v true to judge them, false to report them as context there
   * @return the copy
   */
  public LeakOptions withStrict(boolean v) {
    return new LeakOptions(warmup, nativeBytesTolerance, javacppTolerance, threadTolerance,
        bufferTolerance, taskTolerance, settle, nativeSettle, maxBackoff, stairWindow, stairPercent,
        ignoredThreads, sites, stackDepth, jfr, jfrMaxBytes, dir, v);
  }

  /**
   * Returns a copy with another JFR switch.
   *
   * @param v the new value
   * @return a copy
   * @throws IllegalArgumentException when the value is out of range
   */
  public LeakOptions withJfr(boolean v) {
    return new LeakOptions(warmup, nativeBytesTolerance, javacppTolerance, threadTolerance,
        bufferTolerance, taskTolerance, settle, nativeSettle, maxBackoff, stairWindow, stairPercent,
        ignoredThreads, sites, stackDepth, v, jfrMaxBytes, dir, strict);
  }
}
