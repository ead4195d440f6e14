package dev.stormproof.leak;

/**
 * One judged counter: its value at the baseline and now, and the tolerance it was judged by.
 * Internal: public for Stormproof's other packages; not part of the API.
 *
 * @param probe the counter's name as reports show it ({@code native bytes}, {@code threads}, ...)
 * @param baseline value after warm-up (0 for counters owned by one test)
 * @param now value after this iteration settled
 * @param tolerance allowed growth
 * @param bytes whether the values are bytes (reports show MiB)
 * @param processWide true when the counter covers the whole JVM process and cannot be attributed
 *     to one test under parallel execution
 * @param judged false when the counter is context only (process-wide under parallel execution,
 *     without strict mode): shown, never a leak
 */
public record Growth(String probe, long baseline, long now, long tolerance, boolean bytes,
    boolean processWide, boolean judged) {

  /**
   * A judged counter.
   *
   * @param probe the counter's name
   * @param baseline value after warm-up
   * @param now value now
   * @param tolerance allowed growth
   * @param bytes whether the values are bytes
   * @param processWide whether the counter covers the whole process
   */
  public Growth(String probe, long baseline, long now, long tolerance, boolean bytes,
      boolean processWide) {
    this(probe, baseline, now, tolerance, bytes, processWide, true);
  }

  /**
   * Whether this counter makes the iteration a leak: judged and beyond tolerance.
   *
   * @return true for a leak
   */
  public boolean alarms() {
    return judged && exceeded();
  }

  /** @return {@code now - baseline} */
  public long delta() {
    return now - baseline;
  }

  /** @return true when the growth is above the tolerance */
  public boolean exceeded() {
    return delta() > tolerance;
  }

  /** @return the growth for reports, for example {@code +25.0 MiB} or {@code +3} */
  public String deltaText() {
    long d = delta();
    return (d >= 0 ? "+" : "-") + amount(Math.abs(d), bytes);
  }

  /**
   * A value as reports show it.
   *
   * @param v the value
   * @param bytes whether it is bytes
   * @return {@code 25.0 MiB}, {@code 512.0 KiB}, {@code 12 B} or {@code 3}
   */
  public static String amount(long v, boolean bytes) {
    if (!bytes) {
      return Long.toString(v);
    }
    if (v < 1024) {
      return v + " B";
    }
    if (v < 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KiB", v / 1024.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f MiB", v / (1024.0 * 1024.0));
  }
}
