package dev.stormproof.tap;

import java.time.Duration;
import java.util.Arrays;

/**
 * Counters and recent queue waits of one {@link TapQueue}. Not thread-safe: the queue guards it
 * with its lock. Percentiles are computed on demand from a ring of the last
 * {@value TapQueue#WAIT_SAMPLES} waits (hand-written: a histogram library is not worth a
 * dependency for two percentiles).
 */
final class TapStats {

  long submitted;
  long delivered;
  long failed;
  long rejected;
  long cancelled;
  private final long[] waits = new long[TapQueue.WAIT_SAMPLES];
  private int waitCount;
  private long firstDelivery = -1;
  private long lastDelivery;

  void dispatched(long waitNanos, long startedAt, boolean ok) {
    waits[waitCount % waits.length] = waitNanos;
    waitCount++;
    if (ok) {
      delivered++;
      if (firstDelivery < 0) {
        firstDelivery = startedAt;
      }
      lastDelivery = startedAt;
    } else {
      failed++;
    }
  }

  TapMetrics snapshot(int depth) {
    int n = Math.min(waitCount, waits.length);
    long[] sorted = Arrays.copyOf(waits, n);
    Arrays.sort(sorted);
    Duration p50 = n == 0 ? Duration.ZERO : Duration.ofNanos(sorted[(int) Math.ceil(0.50 * n) - 1]);
    Duration p99 = n == 0 ? Duration.ZERO : Duration.ofNanos(sorted[(int) Math.ceil(0.99 * n) - 1]);
    double span = (lastDelivery - firstDelivery) / 1e9;
    double rate = delivered < 2 || span <= 0 ? 0 : (delivered - 1) / span;
    return new TapMetrics(depth, submitted, delivered, failed, rejected, cancelled, p50, p99, rate);
  }
}
