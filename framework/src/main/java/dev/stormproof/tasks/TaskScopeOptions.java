package dev.stormproof.tasks;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import dev.stormproof.config.ConfigParse;

/**
 * Immutable settings of a {@link TaskScope}; {@code withX} returns a copy.
 *
 * <p>Configuration keys read by {@link #fromConfig}:
 * <ul>
 *   <li>{@code stormproof.tasks.closeTimeoutMs}: how long {@code close()} waits for unjoined
 *       tasks before cancelling them, default {@value #DEFAULT_CLOSE_TIMEOUT_MS}</li>
 *   <li>{@code stormproof.tasks.cancelGraceMs}: how long a cancelled task may take to stop
 *       before it is reported stuck, default {@value #DEFAULT_CANCEL_GRACE_MS}</li>
 *   <li>{@code stormproof.tasks.virtualThreads}: use virtual threads where the JVM has them
 *       (Java 21+), default {@value #DEFAULT_VIRTUAL_THREADS}</li>
 *   <li>{@code stormproof.leak.sites}: record native allocation sites inside tasks, default
 *       {@value #DEFAULT_SITES}</li>
 * </ul>
 *
 * @param closeTimeout how long {@code close()} waits for unjoined tasks; zero or positive
 * @param cancelGrace how long a cancelled task may take to stop; zero or positive
 * @param virtualThreads use virtual threads where the JVM has them
 * @param sites record native allocation sites inside tasks
 */
public record TaskScopeOptions(Duration closeTimeout, Duration cancelGrace,
    boolean virtualThreads, boolean sites) {

  /** Default of {@code stormproof.tasks.closeTimeoutMs}. */
  public static final long DEFAULT_CLOSE_TIMEOUT_MS = 10_000;
  /** Default of {@code stormproof.tasks.cancelGraceMs}. */
  public static final long DEFAULT_CANCEL_GRACE_MS = 1_000;
  /** Default of {@code stormproof.tasks.virtualThreads}. */
  public static final boolean DEFAULT_VIRTUAL_THREADS = true;
  /** Default of {@code stormproof.leak.sites}. */
  public static final boolean DEFAULT_SITES = true;

  /** Every default. */
  public static final TaskScopeOptions DEFAULTS = new TaskScopeOptions(
      Duration.ofMillis(DEFAULT_CLOSE_TIMEOUT_MS), Duration.ofMillis(DEFAULT_CANCEL_GRACE_MS),
      DEFAULT_VIRTUAL_THREADS, DEFAULT_SITES);

  /**
   * Validates the durations.
   *
   * @param closeTimeout zero or positive
   * @param cancelGrace zero or positive
   * @param virtualThreads use virtual threads where available
   * @param sites record native allocation sites
   * @throws IllegalArgumentException when a duration is null or negative
   */
  public TaskScopeOptions {
    requireNonNegative("closeTimeout", closeTimeout);
    requireNonNegative("cancelGrace", cancelGrace);
  }

  private static void requireNonNegative(String name, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("TaskScopeOptions." + name
          + " must be zero or positive, was " + d + "; pass a duration like Duration.ofSeconds(5)");
    }
  }

  /**
   * Options from {@code stormproof.*} configuration, defaults where a key is absent.
   *
   * @param config looks up a configuration parameter by key
   * @return the options
   * @throws IllegalArgumentException naming the key when a value does not parse
   */
  public static TaskScopeOptions fromConfig(Function<String, Optional<String>> config) {
    TaskScopeOptions o = DEFAULTS;
    o = ConfigParse.apply(config, "stormproof.tasks.closeTimeoutMs", o, (t, v) ->
        t.withCloseTimeout(ConfigParse.millis("stormproof.tasks.closeTimeoutMs", v, DEFAULT_CLOSE_TIMEOUT_MS)));
    o = ConfigParse.apply(config, "stormproof.tasks.cancelGraceMs", o, (t, v) ->
        t.withCancelGrace(ConfigParse.millis("stormproof.tasks.cancelGraceMs", v, DEFAULT_CANCEL_GRACE_MS)));
    o = ConfigParse.apply(config, "stormproof.tasks.virtualThreads", o, (t, v) ->
        new TaskScopeOptions(t.closeTimeout(), t.cancelGrace(),
            ConfigParse.bool("stormproof.tasks.virtualThreads", v), t.sites()));
    return ConfigParse.apply(config, "stormproof.leak.sites", o, (t, v) ->
        new TaskScopeOptions(t.closeTimeout(), t.cancelGrace(), t.virtualThreads(),
            ConfigParse.bool("stormproof.leak.sites", v)));
  }

  /**
   * Returns a copy with another value.
   *
   * @param d the new close timeout
   * @return a copy
   */
  public TaskScopeOptions withCloseTimeout(Duration d) {
    return new TaskScopeOptions(d, cancelGrace, virtualThreads, sites);
  }

  /**
   * Returns a copy with another value.
   *
   * @param d the new cancel grace
   * @return a copy
   */
  public TaskScopeOptions withCancelGrace(Duration d) {
    return new TaskScopeOptions(closeTimeout, d, virtualThreads, sites);
  }

  /**
   * Returns a copy with another value.
   *
   * @param v the new whether to use virtual threads
   * @return a copy
   */
  public TaskScopeOptions withVirtualThreads(boolean v) {
    return new TaskScopeOptions(closeTimeout, cancelGrace, v, sites);
  }

  /**
   * Returns a copy with another value.
   *
   * @param s the new whether to record allocation sites
   * @return a copy
   */
  public TaskScopeOptions withSites(boolean s) {
    return new TaskScopeOptions(closeTimeout, cancelGrace, virtualThreads, s);
  }
}
