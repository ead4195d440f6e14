package dev.stormproof.device.virtual;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground truth of the {@link VirtualDevice}: every tap delivered to its app, in delivery
 * order, with a sequence number starting at 1. Keeps the most recent {@link #capacity()} taps
 * (older ones are dropped, their sequence numbers are not reused), so memory stays bounded in
 * long soaks. Thread-safe.
 */
public final class TapLog {

  /** Where a tap came from. */
  public enum Source {
    /** The {@code input tap} shell command. */
    INPUT,
    /** Raw multi-touch events written to the touchscreen device. */
    RAW
  }

  /**
   * One delivered tap.
   *
   * @param seq 1-based, increasing without gaps in delivery order
   * @param timeMillis the device clock when it was delivered
   */
  public record Tap(long seq, int x, int y, Source source, long timeMillis) {
    @Override
    public String toString() {
      return "#" + seq + " " + source.name().toLowerCase() + " (" + x + ", " + y + ") @" + timeMillis;
    }
  }

  private final int capacity;
  private final ArrayDeque<Tap> taps = new ArrayDeque<>();
  private long total;

  TapLog(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("TapLog capacity " + capacity + " must be positive");
    }
    this.capacity = capacity;
  }

  synchronized Tap record(int x, int y, Source source, long timeMillis) {
    Tap tap = new Tap(++total, x, y, source, timeMillis);
    if (taps.size() == capacity) {
      taps.removeFirst();
    }
    taps.addLast(tap);
    return tap;
  }

  /** @return how many taps were ever recorded (the sequence number of the last one) */
  public synchronized long count() {
    return total;
  }

  /** @return the retained taps, oldest first; a copy */
  public synchronized List<Tap> snapshot() {
    return new ArrayList<>(taps);
  }

  /**
   * The retained taps after a point, for "what did my test tap" checks.
   *
   * @param afterSeq a {@link #count()} taken earlier
   * @return retained taps with {@code seq > afterSeq}, oldest first
   */
  public synchronized List<Tap> since(long afterSeq) {
    List<Tap> out = new ArrayList<>();
    for (Tap t : taps) {
      if (t.seq() > afterSeq) {
        out.add(t);
      }
    }
    return out;
  }

  /** @return how many recent taps are retained */
  public int capacity() {
    return capacity;
  }

  /** @return the form {@code dumpsys stormproof} prints: a count line, then one line per retained tap */
  public synchronized String format() {
    StringBuilder sb = new StringBuilder("taps: ").append(total).append('\n');
    for (Tap t : taps) {
      sb.append("  ").append(t).append('\n');
    }
    return sb.toString();
  }
}
