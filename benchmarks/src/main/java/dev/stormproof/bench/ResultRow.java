package dev.stormproof.bench;

import java.util.Locale;

/**
 * One line of a results file: what was measured ({@code bench}, {@code scenario}, {@code impl}),
 * how fast, and whether the answer was right. Written as tab-separated values under
 * {@code benchmarks/target/results/} and read back by {@link BenchReport}.
 *
 * @param found {@code yes}, {@code no} (wrong place or nothing), or {@code -} when not applicable
 * @param note  free text: what the timed section includes, or why a row is missing
 */
public record ResultRow(String bench, String scenario, String impl, Stats stats, String found,
    String where, String note) {

  static final String HEADER =
      "bench\tscenario\timpl\tn\tmedian_ms\tp90_ms\tp99_ms\tfound\twhere\tnote";

  /** A row for something that could not be measured, with the reason. */
  public static ResultRow missing(String bench, String scenario, String impl, String why) {
    return new ResultRow(bench, scenario, impl, null, "-", "-", why);
  }

  String toTsv() {
    String n = stats == null ? "0" : Integer.toString(stats.n());
    return String.join("\t", bench, scenario, impl, n, fmt(stats == null ? Double.NaN : stats.medianMs()),
        fmt(stats == null ? Double.NaN : stats.p90Ms()), fmt(stats == null ? Double.NaN : stats.p99Ms()),
        found, where, clean(note));
  }

  static ResultRow fromTsv(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 10) {
      throw new IllegalArgumentException("results line has " + f.length
          + " tab-separated fields, expected 10 (" + HEADER + "): '" + line + "'");
    }
    Stats s = f[3].equals("0") ? null
        : new Stats(Integer.parseInt(f[3]), parse(f[4]), parse(f[5]), parse(f[6]), Double.NaN, Double.NaN);
    return new ResultRow(f[0], f[1], f[2], s, f[7], f[8], f[9]);
  }

  private static double parse(String s) {
    return s.equals("-") ? Double.NaN : Double.parseDouble(s);
  }

  static String fmt(double ms) {
    if (Double.isNaN(ms)) {
      return "-";
    }
    return String.format(Locale.ROOT, ms < 10 ? "%.3f" : "%.1f", ms);
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
  }
}
