package dev.stormproof.leak;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.junit.LeakGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Overhead of the leak guard per clean iteration (a benchmark, not a unit test: run its main;
 * figures go to target/leak-bench.txt). Two views: the core session alone (what a game script
 * pays), and a whole JUnit iteration with and without {@code @LeakGuard}.
 */
public final class LeakGuardBench {

  static final int REPS = 1000;

  /** Tiny clean work: one Mat allocated and closed. */
  static final class Unguarded {
    @RepeatedTest(REPS)
    void work() {
      new Mat(8, 8, CV_8UC1).close();
    }
  }

  @LeakGuard
  static final class Guarded {
    @RepeatedTest(REPS)
    void work() {
      new Mat(8, 8, CV_8UC1).close();
    }
  }

  public static void main(String[] args) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("Leak guard overhead per clean iteration (").append(java.time.Instant.now())
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
        .append(Runtime.version()).append(")\n");

    Ledger ledger = new Ledger();
    int n = 3000;
    long[] nanos = new long[n];
    int retried = 0;
    String retriedExample = null;
    try (LeakGuardSession session = new LeakGuardSession("bench", LeakOptions.DEFAULTS, ledger)) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        session.iterationStarted("it" + i);
        long t1 = System.nanoTime();
        try (TrackingPointerScope scope = new TrackingPointerScope(ledger, "bench", true)) {
          new Mat(8, 8, CV_8UC1).close();
        }
        long t2 = System.nanoTime();
        Verdict v = session.iterationFinished("bench", "it" + i, false);
        long t3 = System.nanoTime();
        if (!v.report().text().contains("counters read 1 time(s)") && i >= 2) {
          retried++;
          if (retriedExample == null) {
            retriedExample = v.report().text();
          }
        }
        if (v.leaked()) {
          out.append("unexpected leak at ").append(i).append(":\n").append(v.report().text());
        }
        nanos[i] = (t1 - t0) + (t3 - t2);
      }
    }
    out.append("iterations that needed more than one settle attempt (GC + back-off): ")
        .append(retried).append(" of ").append(n).append('\n');
    if (retriedExample != null) {
      out.append("first of them:\n").append(retriedExample, 0,
          Math.min(600, retriedExample.length())).append('\n');
    }
    long[] probe = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Snapshot.take(LeakOptions.DEFAULTS);
      probe[i] = System.nanoTime() - t0;
    }
    Arrays.sort(probe);
    out.append(String.format(Locale.ROOT, "one probe reading (Snapshot.take: mallinfo2, javacpp,"
            + " threads, heap, direct, RSS): median %.1f us, p99 %.1f us%n",
        probe[n / 2] / 1e3, probe[n * 99 / 100] / 1e3));
    long[] judged = Arrays.copyOfRange(nanos, 100, n); // after JIT warm-up
    Arrays.sort(judged);
    out.append(String.format(Locale.ROOT,
        "core session (iterationStarted + iterationFinished), %d iterations after 100 warm-up:"
            + " median %.1f us, p90 %.1f us, p99 %.1f us, mean %.1f us%n", judged.length,
        judged[judged.length / 2] / 1e3, judged[judged.length * 9 / 10] / 1e3,
        judged[judged.length * 99 / 100] / 1e3, Arrays.stream(judged).average().orElse(0) / 1e3));

    run(Unguarded.class);
    run(Guarded.class); // JIT warm-up of both paths
    long plain = Long.MAX_VALUE;
    long guarded = Long.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      plain = Math.min(plain, run(Unguarded.class));
      guarded = Math.min(guarded, run(Guarded.class));
    }
    out.append(String.format(Locale.ROOT,
        "JUnit @RepeatedTest(%d), best of 3: without guard %.1f ms (%.1f us/iteration), with"
            + " @LeakGuard %.1f ms (%.1f us/iteration); overhead %.1f us per iteration%n", REPS,
        plain / 1e6, plain / 1e3 / REPS, guarded / 1e6, guarded / 1e3 / REPS,
        (guarded - plain) / 1e3 / REPS));
    out.append("(the JUnit figure includes the per-class session set-up, two GCs for the baseline,"
        + " amortised over the repetitions; 2 shared CPUs, so expect noise)\n");
    Path file = Path.of("target/leak-bench.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out.toString());
    System.out.print(out);
  }

  private static long run(Class<?> c) {
    long t0 = System.nanoTime();
    EngineExecutionResults r = EngineTestKit.engine("junit-jupiter").selectors(selectClass(c))
        .execute();
    long t = System.nanoTime() - t0;
    if (r.testEvents().failed().count() > 0) {
      throw new IllegalStateException(c.getSimpleName() + " failed: " + r.testEvents().failed()
          .stream().findFirst().orElseThrow());
    }
    return t;
  }
}
