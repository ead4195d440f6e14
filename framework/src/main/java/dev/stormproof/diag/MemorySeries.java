package dev.stormproof.diag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-iteration memory series of a leak-guarded test: what the sampler recorded after each
 * iteration, exported as CSV ({@link #toCsv()}) and as a PNG line chart ({@link MemoryChart}).
 * Bounded: keeps the first sample and the most recent {@code capacity - 1} so a soak of
 * thousands of iterations stays small. Thread-safe.
 */
public final class MemorySeries {

  /** Default number of samples kept: {@value}. */
  public static final int DEFAULT_CAPACITY = 2000;

  private final int capacity;
  private final List<MemorySample> samples = new ArrayList<>();

  /** An empty series keeping {@value #DEFAULT_CAPACITY} samples. */
  public MemorySeries() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * An empty series.
   *
   * @param capacity samples kept; at least 2
   * @throws IllegalArgumentException when {@code capacity < 2}
   */
  public MemorySeries(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException(
          "MemorySeries capacity must be at least 2, was " + capacity + "; pass 2 or more");
    }
    this.capacity = capacity;
  }

  /**
   * Appends a sample, dropping the second-oldest when full (the first stays as the reference).
   *
   * @param sample the sample
   */
  public synchronized void add(MemorySample sample) {
    if (samples.size() == capacity) {
      samples.remove(1);
    }
    samples.add(sample);
  }

  /** @return the kept samples, oldest first; a copy */
  public synchronized List<MemorySample> samples() {
    return List.copyOf(samples);
  }

  /** CSV with a header row; labels are quoted, unavailable values are empty cells. */
  String toCsv() {
    StringBuilder csv = new StringBuilder(
        "iteration,label,native_bytes,javacpp_count,heap_used_bytes,rss_bytes,threads\n");
    for (MemorySample s : samples()) {
      csv.append(s.iteration()).append(',')
          .append('"').append(s.label().replace("\"", "\"\"")).append('"').append(',')
          .append(cell(s.nativeBytes())).append(',').append(cell(s.javacppCount())).append(',')
          .append(cell(s.heapUsed())).append(',').append(cell(s.rssBytes())).append(',')
          .append(cell(s.threads())).append('\n');
    }
    return csv.toString();
  }

  /** @return the series as UTF-8 CSV with a header row; unavailable values are empty cells */
  public byte[] toCsvBytes() {
    return toCsv().getBytes(StandardCharsets.UTF_8);
  }

  private static String cell(long v) {
    return v < 0 ? "" : Long.toString(v);
  }
}
