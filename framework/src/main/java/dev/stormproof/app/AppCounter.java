package dev.stormproof.app;

/**
 * The counters the app guard judges. Memory and object counters, threads and descriptors are
 * compared with the baseline (growth); frame counters describe one iteration and are compared
 * with the baseline iteration's value.
 */
public enum AppCounter {
  /** {@code TOTAL PSS} of {@code dumpsys meminfo}, bytes. */
  TOTAL_PSS("total PSS", true),
  /** {@code Native Heap} of {@code dumpsys meminfo}, bytes. */
  NATIVE_HEAP("native heap", true),
  /** {@code Java Heap} of {@code dumpsys meminfo}, bytes. */
  JAVA_HEAP("java heap", true),
  /** {@code Graphics} of {@code dumpsys meminfo}, bytes. */
  GRAPHICS("graphics", true),
  /** {@code Views} of the meminfo Objects. */
  VIEWS("views", false),
  /** {@code Activities} of the meminfo Objects. */
  ACTIVITIES("activities", false),
  /** {@code Local Binders} plus {@code Proxy Binders} of the meminfo Objects. */
  BINDERS("binders", false),
  /** {@code Threads} of {@code /proc/<pid>/status}. */
  THREADS("app threads", false),
  /** Entries of {@code /proc/<pid>/fd}. */
  FDS("open fds", false),
  /** Janky frames of the iteration, percent of its frames ({@code dumpsys gfxinfo}). */
  JANK_PERCENT("janky frames %", false),
  /** 90th percentile frame time of the iteration, ms ({@code dumpsys gfxinfo}). */
  FRAME_P90_MS("frame p90 ms", false);

  private final String label;
  private final boolean bytes;

  AppCounter(String label, boolean bytes) {
    this.label = label;
    this.bytes = bytes;
  }

  /**
   * The name reports use.
   *
   * @return for example {@code native heap}
   */
  public String label() {
    return label;
  }

  /**
   * Whether values are bytes.
   *
   * @return true for the memory counters
   */
  public boolean bytes() {
    return bytes;
  }

  /**
   * Whether the counter describes one iteration (frames) rather than the process so far.
   *
   * @return true for the frame counters
   */
  public boolean perIteration() {
    return this == JANK_PERCENT || this == FRAME_P90_MS;
  }
}
