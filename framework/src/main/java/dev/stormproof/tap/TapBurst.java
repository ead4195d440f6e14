package dev.stormproof.tap;

import dev.stormproof.device.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Taps made from task threads (or queued with {@code tapAsync}) since the last report step of the
 * test thread, kept to be reported as one step instead of one step per tap. Thread-safe.
 */
final class TapBurst {

  enum Result { DELIVERED, REJECTED, CANCELLED, FAILED }

  private record Tap(Point point, long startNanos, long endNanos, Result result) {}

  private final List<Tap> taps = new ArrayList<>();

  synchronized void add(Point point, long startNanos, long endNanos, Result result) {
    taps.add(new Tap(point, startNanos, endNanos, result));
  }

  /** What was collected, and forgets it; null when nothing was. */
  synchronized Summary drain() {
    if (taps.isEmpty()) {
      return null;
    }
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int[] counts = new int[Result.values().length];
    List<Point> points = new ArrayList<>(taps.size());
    for (Tap t : taps) {
      start = Math.min(start, t.startNanos());
      end = Math.max(end, t.endNanos());
      counts[t.result().ordinal()]++;
      if (t.result() == Result.DELIVERED) {
        points.add(t.point());
      }
    }
    taps.clear();
    return new Summary(points, counts, end - start);
  }

  /** One burst: delivered points, counts per result, and the time from first start to last end. */
  record Summary(List<Point> delivered, int[] counts, long nanos) {

    int count(Result r) {
      return counts[r.ordinal()];
    }

    int total() {
      int n = 0;
      for (int c : counts) {
        n += c;
      }
      return n;
    }

    /** {@code burst: 300 taps from tasks in 14.95 s (20.1 taps/s delivered), 0 rejected, 0 cancelled}. */
    String title() {
      double seconds = nanos / 1e9;
      double rate = seconds > 0 ? count(Result.DELIVERED) / seconds : 0;
      String s = String.format(Locale.ROOT, "burst: %d taps from tasks in %.2f s (%.1f taps/s delivered), %d rejected, %d cancelled",
          total(), seconds, rate, count(Result.REJECTED), count(Result.CANCELLED));
      return count(Result.FAILED) > 0 ? s + ", " + count(Result.FAILED) + " failed" : s;
    }
  }
}
