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
 */
public record TaskScopeOptions(Duration closeTimeout, Duration cancelGrace,
    boolean virtualThreads, boolean sites) {

  public static final long DEFAULT_CLOSE_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_CANCEL_GRACE_MS = 1_000;
  public static final boolean DEFAULT_VIRTUAL_THREADS = true;
  public static final boolean DEFAULT_SITES = true;

  public static final TaskScopeOptions DEFAULTS = new TaskScopeOptions(
      Duration.ofMillis(DEFAULT_CLOSE_TIMEOUT_MS), Duration.ofMillis(DEFAULT_CANCEL_GRACE_MS),
      DEFAULT_VIRTUAL_THREADS, DEFAULT_SITES);

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

  /** Options from {@code stormproof.*} configuration, defaults where a key is absent. */
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


  public TaskScopeOptions withCloseTimeout(Duration d) {
    return new TaskScopeOptions(d, cancelGrace, virtualThreads, sites);
  }

  public TaskScopeOptions withCancelGrace(Duration d) {
    return new TaskScopeOptions(closeTimeout, d, virtualThreads, sites);
  }

  public TaskScopeOptions withVirtualThreads(boolean v) {
    return new TaskScopeOptions(closeTimeout, cancelGrace, v, sites);
  }

  public TaskScopeOptions withSites(boolean s) {
    return new TaskScopeOptions(closeTimeout, cancelGrace, virtualThreads, s);
  }
}
