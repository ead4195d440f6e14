package dev.stormproof.bench;

import java.util.Arrays;

/**
 * Order statistics of a set of timings (nearest-rank percentiles, so every reported figure is a
 * time that was actually observed). Immutable; thread-safe.
 */
public record Stats(int n, double medianMs, double p90Ms, double p99Ms, double minMs, double maxMs) {

  /** Statistics of {@code nanos} (one entry per timed run); the array is not modified. */
  public static Stats ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no timings: need at least one run, got 0; run with --runs 1 or more");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Stats(sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)),
        ms(rank(sorted, 0.99)), ms(sorted[0]), ms(sorted[sorted.length - 1]));
  }

  /** The nearest-rank percentile {@code q} (0 &lt; q &le; 1) of sorted values. */
  static long rank(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
