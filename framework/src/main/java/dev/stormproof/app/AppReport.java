package dev.stormproof.app;

import dev.stormproof.leak.Growth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the app guard found after one iteration: the crash or ANR text, or which counter grew by
 * how much against baseline and tolerance, the {@code dumpsys meminfo} sections that grew, the
 * iteration's frames, and what the reading cost. Immutable; {@link #text()} is the failing
 * test's message.
 */
public final class AppReport {

  private final String text;
  private final List<Growth> growth;
  private final List<Crash> crashes;

  private AppReport(String text, List<Growth> growth, List<Crash> crashes) {
    this.text = text;
    this.growth = List.copyOf(growth);
    this.crashes = List.copyOf(crashes);
  }

  /**
   * The report as text.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Every judged counter of the iteration (empty for warm-up and crashed iterations).
   *
   * @return the counters with baseline, now and tolerance
   */
  public List<Growth> growth() {
    return growth;
  }

  /**
   * The app's crashes and ANRs found at this iteration.
   *
   * @return the events, empty when none
   */
  public List<Crash> crashes() {
    return crashes;
  }

  @Override
  public String toString() {
    return text;
  }

  /** Assembles a report; used by {@link AppGuardSession}. */
  static final class Builder {
    private final String head;
    private final AppSnapshot now;
    private final boolean testFailed;

    Builder(String name, String pkg, int n, String label, AppSnapshot now, boolean testFailed,
        AppGuardOptions options) {
      this.head = "@AppGuard after iteration " + n + " (" + label + ") of " + name + ": app "
          + pkg + (now.running() ? " (pid " + now.pid() + ")" : " (not running)");
      this.now = now;
      this.testFailed = testFailed;
    }

    AppReport crashed(List<Crash> crashes, String death) {
      StringBuilder out = new StringBuilder();
      boolean anr = crashes.stream().anyMatch(c -> c.kind().equals("ANR"));
      boolean crash = crashes.stream().anyMatch(c -> !c.kind().equals("ANR"));
      out.append(crash ? "APP CRASH: " : anr ? "APP NOT RESPONDING: " : "APP DIED: ").append(head)
          .append('\n');
      if (death != null) {
        out.append("  ").append(death).append('\n');
      }
      for (Crash c : crashes) {
        out.append('\n').append(c.kind().equals("ANR") ? "ANR" : "Crash (" + c.kind() + ")")
            .append(" of ").append(c.process().isEmpty() ? "pid " + c.pid() : c.process())
            .append(":\n").append(c.text().strip().indent(2));
      }
      if (crashes.isEmpty()) {
        out.append("  no crash was logged (killed by the low-memory killer, or by a force-stop in "
            + "the test); see logcat\n");
      }
      tail(out);
      return new AppReport(out.toString(), List.of(), crashes);
    }

    AppReport notFound(int iterations) {
      StringBuilder out = new StringBuilder("APP NOT FOUND: ").append(head).append('\n')
          .append("  no process of ").append(now.packageName()).append(" was found at any boundary of ")
          .append(iterations).append(" iteration(s) (pidof printed nothing); check the package (@AppGuard "
              + "value or stormproof.app.package) and that the test or its @BeforeEach starts the app\n");
      tail(out);
      return new AppReport(out.toString(), List.of(), List.of());
    }

    AppReport warmup(String note) {
      StringBuilder out = new StringBuilder("Measured (not judged): ").append(head).append('\n');
      if (note != null) {
        out.append("  ").append(note).append('\n');
      }
      tail(out);
      return new AppReport(out.toString(), List.of(), List.of());
    }

    AppReport judged(boolean grew, List<Growth> growth, List<String> stairs, AppSnapshot base,
        int reads, long millis) {
      StringBuilder out = new StringBuilder(grew ? "APP GREW: " : "No alarm: ").append(head)
          .append("; baseline pid ").append(base.pid()).append("; counters read ").append(reads)
          .append(" time(s) over ").append(millis).append(" ms while settling\n\nWhat grew:\n");
      boolean any = false;
      for (Growth g : growth) {
        if (g.exceeded()) {
          any = true;
          out.append(String.format(Locale.ROOT, "  %-16s %s (baseline %s, now %s, tolerance %s)%n",
              g.probe(), g.deltaText(), amount(g.baseline(), g.bytes()),
              amount(g.now(), g.bytes()), amount(g.tolerance(), g.bytes())));
        }
      }
      for (String s : stairs) {
        any = true;
        out.append("  ").append(s).append('\n');
      }
      if (!any) {
        out.append("  nothing beyond tolerance\n");
      }
      List<String> steady = new ArrayList<>();
      for (Growth g : growth) {
        if (!g.exceeded()) {
          steady.add(g.probe() + " " + g.deltaText());
        }
      }
      if (!steady.isEmpty()) {
        out.append("Within tolerance: ").append(String.join(", ", steady)).append('\n');
      }
      sections(out, base);
      tail(out);
      return new AppReport(out.toString(), growth, List.of());
    }

    /** The meminfo rows whose PSS changed since the baseline, largest growth first. */
    private void sections(StringBuilder out, AppSnapshot base) {
      if (now.memInfo().isEmpty() || base.memInfo().isEmpty()) {
        return;
      }
      Map<String, Long> before = base.memInfo().get().sections();
      List<Map.Entry<String, Long>> grown = new ArrayList<>();
      for (Map.Entry<String, Long> e : now.memInfo().get().sections().entrySet()) {
        long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
        if (d > 0) {
          grown.add(Map.entry(e.getKey(), d));
        }
      }
      grown.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
      out.append("\nMeminfo sections that grew (PSS since the baseline, as read at the boundary):\n");
      if (grown.isEmpty()) {
        out.append("  none\n");
      }
      for (Map.Entry<String, Long> e : grown.subList(0, Math.min(8, grown.size()))) {
        out.append(String.format(Locale.ROOT, "  %-16s +%s (%s -> %s)%n", e.getKey(),
            amount(e.getValue(), true), amount(before.getOrDefault(e.getKey(), 0L), true),
            amount(now.memInfo().get().sections().get(e.getKey()), true)));
      }
    }

    private void tail(StringBuilder out) {
      now.frames().ifPresent(f -> out.append(String.format(Locale.ROOT,
          "%nFrames of this iteration: %d rendered, %d janky (%d%%), p50 %d ms, p90 %d ms, p95 %d ms, "
              + "p99 %d ms%n", f.totalFrames(), f.jankyFrames(), Math.max(0, f.jankPercent()),
          f.p50Ms(), f.p90Ms(), f.p95Ms(), f.p99Ms())));
      for (String note : now.notes()) {
        out.append("Note: ").append(note).append('\n');
      }
      if (testFailed) {
        out.append("The test itself failed as well; its failure is attached as suppressed.\n");
      }
      out.append(String.format(Locale.ROOT, "Measured at iteration boundaries only: this reading "
          + "took %d adb round trip(s) and %.1f ms (dumpsys meminfo takes hundreds of ms on a "
          + "phone).%n", now.roundTrips(), now.nanos() / 1e6));
    }
  }

  private static String amount(long v, boolean bytes) {
    return Growth.amount(v, bytes);
  }
}
