package dev.stormproof.app;

import dev.stormproof.diag.MemoryChart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's counters after each iteration: CSV and a PNG chart for the report. Bounded like
 * {@link dev.stormproof.diag.MemorySeries}: the first row and the latest ones are kept.
 * Thread-safe.
 */
public final class AppSeries {

  private static final int CAPACITY = 2000;
  private static final AppCounter[] CHARTED = {AppCounter.TOTAL_PSS, AppCounter.NATIVE_HEAP,
      AppCounter.JAVA_HEAP, AppCounter.GRAPHICS, AppCounter.THREADS, AppCounter.FDS,
      AppCounter.JANK_PERCENT};

  private record Row(int iteration, String label, long[] values) {}

  private final List<Row> rows = new ArrayList<>();

  synchronized void add(int iteration, String label, long[] values) {
    if (rows.size() == CAPACITY) {
      rows.remove(1);
    }
    rows.add(new Row(iteration, label, values.clone()));
  }

  /**
   * How many iterations are recorded.
   *
   * @return the number of rows
   */
  public synchronized int size() {
    return rows.size();
  }

  /**
   * One counter's values, in iteration order (-1 where unavailable).
   *
   * @param counter the counter
   * @return its values
   */
  public synchronized long[] values(AppCounter counter) {
    return rows.stream().mapToLong(r -> r.values()[counter.ordinal()]).toArray();
  }

  /**
   * The series as CSV with a header row; unavailable values are empty cells.
   *
   * @return UTF-8 bytes
   */
  public synchronized byte[] toCsvBytes() {
    StringBuilder csv = new StringBuilder("iteration,label");
    for (AppCounter c : AppCounter.values()) {
      csv.append(',').append(c.name().toLowerCase(java.util.Locale.ROOT));
    }
    csv.append('\n');
    for (Row r : rows) {
      csv.append(r.iteration()).append(",\"").append(r.label().replace("\"", "\"\"")).append('"');
      for (long v : r.values()) {
        csv.append(',').append(v < 0 ? "" : Long.toString(v));
      }
      csv.append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A PNG line chart: memory in MiB on the left axis, threads, descriptors and janky-frame
   * percent on the right.
   *
   * @param title the chart's title
   * @return the PNG
   */
  public synchronized byte[] chartPng(String title) {
    int[] its = rows.stream().mapToInt(Row::iteration).toArray();
    List<MemoryChart.Line> lines = new ArrayList<>();
    for (AppCounter c : CHARTED) {
      lines.add(new MemoryChart.Line(c.label() + (c.bytes() ? " (MiB)" : ""), c.bytes(),
          values(c)));
    }
    return MemoryChart.png(title, its, lines, 900, 480);
  }
}
