package dev.stormproof.leak;

import dev.stormproof.diag.JfrCapture;
import dev.stormproof.diag.MemorySample;
import dev.stormproof.diag.MemorySeries;
import dev.stormproof.diag.ThreadDump;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The leak guard without JUnit: call {@link #iterationStarted} before and
 * {@link #iterationFinished} after each iteration of the guarded work (a repeated test, the tests
 * of a class, the loop of a game script). The first {@link LeakOptions#warmup()} iterations are
 * measured only; the baseline is taken after them. Each later iteration is judged after settling:
 * counters are re-read with back-off (doubling from 1 ms up to {@link LeakOptions#maxBackoff()},
 * a GC between attempts, like goleak) until they are back within tolerance or
 * {@link LeakOptions#settle()} is over. Then:
 * <ul>
 *   <li>process-wide counters (native bytes, javacpp pointers, threads) are compared with the
 *       baseline, and with the last {@link LeakOptions#stairWindow()} iterations to catch
 *       stair-step growth that stays under the tolerance each time;</li>
 *   <li>ledger entries owned by the iteration (native buffers, tasks) must be gone.</li>
 * </ul>
 * After a leaking iteration the baseline moves to the current values, so the next iteration is
 * blamed only for its own growth. Owned entries are released from the ledger once reported.
 *
 * <p>One session per guarded sequence. Iterations of one sequence must not overlap (their
 * process-wide counters would mix); the methods are synchronized so that a misuse degrades to
 * serialised bookkeeping instead of corrupt state. Close it to discard a running JFR recording.
 */
public final class LeakGuardSession implements AutoCloseable {

  /**
   * A native-bytes step must exceed this to count as a rise. The JVM's own malloc churn (JIT
   * arenas, class metadata, GC bookkeeping) climbs in steps of a few hundred KiB: clean runs on a
   * loaded 2-core machine rose in 8 of 10 iterations by +3.8 MiB in all with a 256 KiB floor. A
   * leak below 1 MiB per iteration still exceeds the tolerance itself after enough iterations.
   */
  private static final long STAIR_NOISE_BYTES = 1024 * 1024;

  private final String name;
  private final LeakOptions options;
  private final Ledger ledger;
  private final boolean parallel;
  private final MemorySeries series = new MemorySeries();
  private final List<long[]> history = new ArrayList<>();
  /** Per counter, (iteration, value) after each judged iteration: what the charts draw. */
  private final java.util.Map<String, List<long[]>> judged = new java.util.LinkedHashMap<>();
  private final StairSteps stairs;
  private int iterations;
  private Snapshot baseline;
  private Set<Thread> baselineThreads = Set.of();
  private JfrCapture jfr;

  /**
   * A session; no baseline yet.
   *
   * @param name the guarded sequence's name, for reports
   * @param options tolerances, settling and reporting
   * @param ledger where the guarded work's native buffers and tasks are tracked
   */
  public LeakGuardSession(String name, LeakOptions options, Ledger ledger) {
    this(name, options, ledger, false);
  }

  /**
   * A session whose process-wide counters are context only when {@code parallel} and not
   * {@link LeakOptions#strict()}: other tests running at the same time grow them too.
   *
   * @param name the guarded sequence's name
   * @param options the settings
   * @param ledger the run's ledger (owners of buffers, tasks and threads)
   * @param parallel whether other tests may run at the same time
   */
  public LeakGuardSession(String name, LeakOptions options, Ledger ledger, boolean parallel) {
    this.name = name;
    this.options = options;
    this.ledger = ledger;
    this.parallel = parallel;
    this.stairs = new StairSteps(options.stairWindow(), options.stairPercent(),
        List.of("native bytes", "javacpp pointers", "threads"),
        new long[] {STAIR_NOISE_BYTES, 0, 0}, new boolean[] {true, false, false},
        " [process-wide]");
  }

  /** Process-wide counters decide the verdict: serial runs, or strict mode. */
  private boolean judgesProcessWide() {
    return !parallel || options.strict();
  }

  /** @return the guarded sequence's name (a test class, or class and method) */
  public String name() {
    return name;
  }

  /** @return the options this session judges with */
  public LeakOptions options() {
    return options;
  }

  /** @return the per-iteration series (every iteration, warm-up included) */
  public MemorySeries series() {
    return series;
  }

  /**
   * Marks the start of an iteration; takes the baseline when there is no warm-up.
   *
   * @param label names the iteration in reports and in the JFR recording
   */
  public synchronized void iterationStarted(String label) {
    if (baseline == null && options.warmup() == 0) {
      rebaseline(Snapshot.take(options));
    }
    if (options.jfr() && iterations >= options.warmup() && jfr == null) {
      jfr = JfrCapture.start("stormproof-" + label, options.jfrMaxBytes());
    }
  }

  /**
   * Judges the iteration that {@code owner} (the test id carried by its ledger entries) just
   * finished. Settles first, so it may take up to {@link LeakOptions#nativeSettle()}.
   *
   * @param owner the owner id the iteration's resources carry
   * @param label names the iteration in reports
   * @param testFailed the test itself failed: still judged (what a failing test leaves behind is
   *     worth knowing, and JUnit adds it to the test's failure as a suppressed error), and the
   *     report says so
   * @return the verdict; its report is the failure message when it leaked
   */
  public synchronized Verdict iterationFinished(String owner, String label, boolean testFailed) {
    int n = ++iterations;
    if (n <= options.warmup() || baseline == null) {
      TrackingPointerScope.sweep(ledger);
      ledger.live(owner).forEach(Ledger.Entry::release);
      Snapshot s = n == options.warmup() ? settledBaseline() : Snapshot.take(options);
      if (n >= options.warmup()) {
        rebaseline(s);
      }
      sample(n, label, s);
      return new Verdict(n, Verdict.Outcome.WARMUP, report(n, label, owner, s, List.of(), 0, 0,
          false, testFailed), Optional.empty());
    }
    long start = System.nanoTime();
    AtomicInteger attempts = new AtomicInteger();
    AtomicReference<Snapshot> last = new AtomicReference<>();
    settle(owner, attempts, last);
    Snapshot s = last.get();
    List<String> stairs = judgesProcessWide() ? stairSteps(s) : List.of();
    LeakReport report = report(n, label, owner, s, stairs, attempts.get(),
        (System.nanoTime() - start) / 1_000_000, true, testFailed);
    sample(n, label, s);
    for (Growth g : report.growth()) {
      judged.computeIfAbsent(g.probe(), k -> new ArrayList<>()).add(new long[] {n, g.now()});
    }
    boolean leaked = report.leaked();
    Optional<Path> kept = Optional.empty();
    if (jfr != null) {
      if (leaked) {
        kept = Optional.of(jfr.dump(options.dir().resolve(fileName(label) + "-" + n + ".jfr")));
      } else {
        jfr.close();
      }
      jfr = null;
    }
    if (leaked || testFailed) {
      rebaseline(s);
    }
    ledger.live(owner).forEach(Ledger.Entry::release);
    Verdict.Outcome outcome = leaked ? Verdict.Outcome.LEAKED : Verdict.Outcome.CLEAN;
    return new Verdict(n, outcome, report, kept);
  }

  private void settle(String owner, AtomicInteger attempts, AtomicReference<Snapshot> last) {
    java.util.concurrent.Callable<Boolean> attempt = () -> {
      if (attempts.incrementAndGet() > 1) {
        System.gc(); // lets javacpp's deallocator and the ledger see unreachable pointers
      }
      TrackingPointerScope.sweep(ledger);
      Snapshot s = lowest(last.get(), Snapshot.take(options));
      last.set(s);
      return settled(owner, s);
    };
    try {
      if (options.settle().isZero()) {
        attempt.call();
      } else {
        awaitSettled(options.settle(), attempt);
      }
      Snapshot s = last.get();
      if (!settled(owner, s) && onlyNativeBytesExceeded(owner, s)
          && options.nativeSettle().compareTo(options.settle()) > 0) {
        // Possibly HotSpot's pool of JIT arena chunks (emptied every 5 s): wait it out.
        awaitSettled(options.nativeSettle().minus(options.settle()), attempt);
      }
    } catch (ConditionTimeoutException e) {
      // Did not settle: the last snapshot is the evidence.
    } catch (Exception e) {
      throw new IllegalStateException("leak probes failed for " + name + ": " + e, e);
    }
  }

  private void awaitSettled(Duration atMost, java.util.concurrent.Callable<Boolean> attempt) {
    // Not settled within this stretch: the caller decides whether to go on.
    Settling.until("leak counters of " + name + " settle", atMost, Duration.ofMillis(1),
        options.maxBackoff(), attempt);
  }

  private boolean onlyNativeBytesExceeded(String owner, Snapshot s) {
    boolean nativeExceeded = false;
    for (Growth g : growth(owner, s)) {
      if (g.alarms()) {
        if (!g.probe().equals("native bytes")) {
          return false;
        }
        nativeExceeded = true;
      }
    }
    return nativeExceeded;
  }

  /**
   * The new snapshot, but with the lowest byte and pointer counts seen while settling: JIT and GC
   * malloc and free native memory in the background, and what persists through every attempt is
   * the evidence (like goleak, which reports what is still there at the end of its retries).
   */
  private static Snapshot lowest(Snapshot before, Snapshot now) {
    if (before == null) {
      return now;
    }
    long nativeBytes = now.nativeBytes() < 0 ? now.nativeBytes()
        : Math.min(before.nativeBytes(), now.nativeBytes());
    return new Snapshot(nativeBytes, Math.min(before.javacppCount(), now.javacppCount()),
        now.javacppPhysicalBytes(), now.heapUsed(), now.directBytes(), now.rssBytes(),
        now.threads());
  }

  /** Clean, or only collected buffers are left (they can never come back, waiting is futile). */
  private boolean settled(String owner, Snapshot s) {
    for (Growth g : growth(owner, s)) {
      if (g.alarms() && !g.probe().equals("native buffers")) {
        return false;
      }
    }
    return owned(owner, Ledger.Kind.NATIVE_BUFFER).stream()
        .allMatch(Ledger.Entry::collected);
  }

  private List<Growth> growth(String owner, Snapshot s) {
    ThreadAttribution t = threads(owner, s);
    return growth(owner, s, t, t.judged(judgesProcessWide()).size());
  }

  /** {@code judgedThreads}: how many of the judged threads were alive at the dump. */
  private List<Growth> growth(String owner, Snapshot s, ThreadAttribution threads,
      int judgedThreads) {
    boolean judged = judgesProcessWide();
    List<Growth> g = new ArrayList<>();
    if (s.nativeBytes() >= 0 && baseline.nativeBytes() >= 0) {
      g.add(new Growth("native bytes", baseline.nativeBytes(), s.nativeBytes(),
          options.nativeBytesTolerance(), true, true, judged));
    }
    g.add(new Growth("javacpp pointers", baseline.javacppCount(), s.javacppCount(),
        options.javacppTolerance(), false, true, judged));
    if (judged) {
      g.add(new Growth("threads", 0, judgedThreads, options.threadTolerance(), false, true));
    } else {
      g.add(new Growth("threads", 0, judgedThreads, options.threadTolerance(), false, false));
      g.add(new Growth("unowned threads", 0, threads.unowned().size(),
          options.threadTolerance(), false, true, false));
    }
    g.add(new Growth("native buffers", 0, owned(owner, Ledger.Kind.NATIVE_BUFFER).size(),
        options.bufferTolerance(), false, false));
    g.add(new Growth("tasks", 0, owned(owner, Ledger.Kind.TASK).size(), options.taskTolerance(),
        false, false));
    return g;
  }

  private ThreadAttribution threads(String owner, Snapshot s) {
    return ThreadAttribution.of(owner, s.threads(), baselineThreads, ledger);
  }

  private List<Ledger.Entry> owned(String owner, Ledger.Kind kind) {
    List<Ledger.Entry> out = new ArrayList<>();
    for (Ledger.Entry e : ledger.live(owner)) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }

  private List<String> stairSteps(Snapshot s) {
    return stairs.record(new long[] {s.nativeBytes(), s.javacppCount(), s.threads().size()},
        new long[] {baseline.nativeBytes(), baseline.javacppCount(), baseline.threads().size()});
  }

  private LeakReport report(int n, String label, String owner, Snapshot s, List<String> stairs,
      int attempts, long millis, boolean judged, boolean testFailed) {
    ThreadAttribution attribution = baseline == null ? null : threads(owner, s);
    List<Thread> fresh = attribution == null ? List.of()
        : attribution.judged(judgesProcessWide());
    ThreadDump threads = ThreadDump.of(fresh, t -> ledger.find(t).map(Ledger.Entry::site)
        .orElse(null));
    List<Growth> growth = baseline == null ? List.of()
        : growth(owner, s, attribution, threads.threads().size());
    boolean leaked = judged && (!stairs.isEmpty()
        || growth.stream().anyMatch(Growth::alarms));
    List<String> context = new ArrayList<>();
    if (attribution != null && attribution.others() > 0) {
      context.add("other tests' threads: " + attribution.others()
          + " (owned by tests running at the same time; not this test's growth)");
    }
    if (!judgesProcessWide()) {
      context.add("process-wide counters are context, not a verdict, under parallel execution"
          + " (other tests grow them too); stormproof.leak.strict=true or"
          + " @LeakGuard(strict = true) judges them");
    }
    String header = (leaked ? "LEAK: " : "No leak: ") + "@LeakGuard after iteration " + n
        + " (" + label + ") of " + name + "; baseline after " + options.warmup()
        + " warm-up iteration(s); counters read " + attempts + " time(s) over " + millis
        + " ms while settling"
        + (testFailed ? "; the test itself failed, this is what it left behind" : "");
    return new LeakReport(header, growth, stairs, owned(owner, Ledger.Kind.NATIVE_BUFFER),
        owned(owner, Ledger.Kind.TASK), threads, s, options, leaked, context);
  }

  /** Two GC-separated readings, lowest counts kept: background native churn inflates one. */
  private Snapshot settledBaseline() {
    System.gc();
    TrackingPointerScope.sweep(ledger);
    Snapshot first = Snapshot.take(options);
    System.gc();
    return lowest(first, Snapshot.take(options));
  }

  private void rebaseline(Snapshot s) {
    baseline = s;
    baselineThreads = new HashSet<>(s.threads());
  }

  private void sample(int n, String label, Snapshot s) {
    series.add(new MemorySample(n, label, s.nativeBytes(), s.javacppCount(), s.heapUsed(),
        s.rssBytes(), Snapshot.allThreads().size()));
  }

  private static String fileName(String label) {
    return label.replaceAll("[^A-Za-z0-9_.-]+", "_");
  }

  /**
   * Chart panels for {@code growth} (as judged in iteration {@code iteration}): each counter's
   * value after every judged iteration so far, with the baseline and tolerance the report names.
   *
   * @param growth the counters to draw
   * @param leakedAt the iteration to mark as leaking, or 0
   * @return one panel per counter
   */
  public synchronized List<dev.stormproof.diag.GrowthChart.Panel> panels(List<Growth> growth, int leakedAt) {
    List<dev.stormproof.diag.GrowthChart.Panel> out = new ArrayList<>();
    for (Growth g : growth) {
      List<long[]> points = judged.getOrDefault(g.probe(), List.of());
      int[] its = points.stream().mapToInt(pt -> (int) pt[0]).toArray();
      long[] values = points.stream().mapToLong(pt -> pt[1]).toArray();
      out.add(new dev.stormproof.diag.GrowthChart.Panel(g.probe() + (g.processWide() ? " (process-wide)" : ""), g.bytes(),
          g.baseline(), g.tolerance(), its, values, leakedAt));
    }
    return out;
  }

  @Override
  public synchronized void close() {
    if (jfr != null) {
      jfr.close();
      jfr = null;
    }
  }
}
