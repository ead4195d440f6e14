package dev.stormproof.bench;

import dev.stormproof.device.Point;
import dev.stormproof.device.virtual.TapLog;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the soak's producers were told about each tap, to compare with the device's tap log: every
 * tap gets a unique screen point from a global sequence, so the log says exactly which taps
 * arrived, and how often. Thread-safe.
 */
final class TapLedger {
  /** How a producer's tap call ended. */
  enum Fate { ACKNOWLEDGED, CANCELLED, REJECTED, FAILED }

  /** The comparison with the tap log. */
  record Check(long acknowledged, long delivered, long lost, long duplicated, long unexpected,
      long cancelledButDelivered, long cancelled, long rejected, long failed) {
    boolean clean() {
      return lost == 0 && duplicated == 0 && unexpected == 0 && cancelledButDelivered == 0;
    }
  }

  static final int COLUMNS = 1000;
  private final AtomicLong next = new AtomicLong();
  private final ConcurrentHashMap<Long, Fate> fates = new ConcurrentHashMap<>();
  private final LongAdder cancelled = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder failed = new LongAdder();

  /** A fresh sequence number; its point is {@link #point(long)}. */
  long nextId() {
    return next.getAndIncrement();
  }

  static Point point(long id) {
    return new Point(40 + (int) (id % COLUMNS), 100 + (int) (id / COLUMNS));
  }

  static long id(int x, int y) {
    return (long) (y - 100) * COLUMNS + (x - 40);
  }

  private final ConcurrentHashMap<String, LongAdder> failures = new ConcurrentHashMap<>();

  /** Records a failed tap with what failed it (class and message, numbers stripped). */
  void failed(long id, RuntimeException e) {
    record(id, Fate.FAILED);
    String what = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("\\d+", "N");
    failures.computeIfAbsent(what.length() > 160 ? what.substring(0, 160) : what, k -> new LongAdder()).increment();
  }

  /** Failure kinds with counts, most frequent first. */
  String failureKinds() {
    return failures.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue().sum(), x.getValue().sum()))
        .map(e -> e.getValue().sum() + " x " + e.getKey()).reduce((x, y) -> x + "; " + y).orElse("none");
  }

  void record(long id, Fate fate) {
    fates.put(id, fate);
    switch (fate) {
      case CANCELLED -> cancelled.increment();
      case REJECTED -> rejected.increment();
      case FAILED -> failed.increment();
      default -> { }
    }
  }

  /** Compares with the taps the device logged (all of them since this ledger started). */
  Check check(List<TapLog.Tap> logged) {
    ConcurrentHashMap<Long, Integer> seen = new ConcurrentHashMap<>();
    long unexpected = 0;
    for (TapLog.Tap t : logged) {
      long id = id(t.x(), t.y());
      if (t.x() < 40 || t.y() < 100 || !fates.containsKey(id)) {
        unexpected++;
      } else {
        seen.merge(id, 1, Integer::sum);
      }
    }
    long acknowledged = 0;
    long lost = 0;
    long cancelledDelivered = 0;
    for (var e : fates.entrySet()) {
      int n = seen.getOrDefault(e.getKey(), 0);
      if (e.getValue() == Fate.ACKNOWLEDGED) {
        acknowledged++;
        if (n == 0) {
          lost++;
        }
      } else if (e.getValue() == Fate.CANCELLED && n > 0) {
        cancelledDelivered++;
      }
    }
    long duplicated = seen.values().stream().filter(n -> n > 1).count();
    return new Check(acknowledged, logged.size(), lost, duplicated, unexpected, cancelledDelivered,
        cancelled.sum(), rejected.sum(), failed.sum());
  }
}
