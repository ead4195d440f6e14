package dev.stormproof.app;

import dev.stormproof.leak.Growth;
import dev.stormproof.leak.Settling;
import dev.stormproof.leak.StairSteps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The app guard without JUnit: judges the app under test the way
 * {@link dev.stormproof.leak.LeakGuardSession} judges the test. Call {@link #iterationStarted}
 * before and {@link #iterationFinished} after each iteration; each call is one
 * {@link AppProbe#sample} (one or two adb round trips), nothing is read during the iteration.
 *
 * <p>Judging: a crash, an ANR, or a process that died or restarted during the iteration fails
 * it at once, with the crash text. Otherwise the first {@link AppGuardOptions#warmup()}
 * iterations are measured only and the baseline is the app after the last of them; each later
 * iteration's counters are compared with it (frame counters: this iteration's frames with the
 * baseline iteration's). A memory, thread or descriptor counter above its tolerance is re-read
 * with back-off (from 50 ms, doubling up to {@link AppGuardOptions#maxBackoff()}) until it is
 * back or {@link AppGuardOptions#settle()} is over, keeping the lowest reading. Total PSS, native
 * heap, threads and descriptors are also watched for stair-step growth. After a failing
 * iteration the baseline moves to the current values. When the app restarts between iterations
 * (a test that relaunches it), the iteration after the restart becomes the new baseline. An app
 * that was not running at any boundary once warm-up is over fails every iteration (a wrong
 * package would otherwise never be judged).
 *
 * <p>One session per guarded sequence; iterations must not overlap (the methods are
 * synchronized, so a misuse serialises instead of corrupting state).
 */
public final class AppGuardSession {

  private static final AppCounter[] STAIR = {AppCounter.TOTAL_PSS, AppCounter.NATIVE_HEAP,
      AppCounter.THREADS, AppCounter.FDS};
  /** App memory moves by a few hundred KiB between identical screens (GC, caches). */
  private static final long STAIR_NOISE_BYTES = 512 * 1024;

  private final String name;
  private final AppGuardOptions options;
  private final AppProbe probe;
  private final StairSteps stairs;
  private final AppSeries series = new AppSeries();
  private final Set<String> seen = new HashSet<>();
  private boolean primed;
  private boolean seenRunning;
  private int iterations;
  private AppSnapshot baseline;
  private AppSnapshot started;
  private final List<Crash> between = new ArrayList<>();
  private String restartNote;

  /**
   * A session over one app.
   *
   * @param name the guarded sequence's name (a test class, or class and method)
   * @param options the settings
   * @param probe reads the app
   */
  public AppGuardSession(String name, AppGuardOptions options, AppProbe probe) {
    this.name = name;
    this.options = options;
    this.probe = probe;
    long[] noise = new long[STAIR.length];
    boolean[] bytes = new boolean[STAIR.length];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < STAIR.length; i++) {
      names.add(STAIR[i].label());
      bytes[i] = STAIR[i].bytes();
      noise[i] = bytes[i] ? STAIR_NOISE_BYTES : 0;
    }
    this.stairs = new StairSteps(options.stairWindow(), options.stairPercent(), names, noise,
        bytes, " [app " + probe.packageName() + "]");
  }

  /**
   * The settings.
   *
   * @return the options this session judges by
   */
  public AppGuardOptions options() {
    return options;
  }

  /**
   * The guarded sequence's name.
   *
   * @return a test class, or class and method
   */
  public String name() {
    return name;
  }

  /**
   * The counters after every iteration (warm-up included), for charts and CSV.
   *
   * @return the live series
   */
  public AppSeries series() {
    return series;
  }

  /**
   * Reads the app before an iteration (and resets its frame statistics).
   *
   * @param label what is about to run
   * @return the reading
   */
  public synchronized AppSnapshot iterationStarted(String label) {
    AppSnapshot s = probe.sample(true);
    if (!primed) {
      s.crashes().forEach(c -> seen.add(c.key())); // older than the run: not ours
      primed = true;
    }
    between.addAll(fresh(s, s.pid()));
    if (baseline != null && s.running() && s.pid() != baseline.pid()) {
      restartNote = "the app restarted between iterations (pid " + baseline.pid() + " -> "
          + s.pid() + "): this iteration is the new baseline";
      baseline = null;
    }
    if (baseline == null && options.warmup() == 0 && restartNote == null && s.running()) {
      baseline = s;
    }
    seenRunning |= s.running();
    started = s;
    return s;
  }

  /**
   * Reads the app after an iteration and judges it.
   *
   * @param label what ran
   * @param testFailed the test itself failed: still judged, and the report says so
   * @return the verdict
   * @throws IllegalStateException when {@link #iterationStarted} was not called first
   */
  public synchronized AppVerdict iterationFinished(String label, boolean testFailed) {
    if (started == null) {
      throw new IllegalStateException("AppGuardSession " + name + ": iterationFinished without "
          + "iterationStarted; call iterationStarted before each iteration");
    }
    int n = ++iterations;
    AppSnapshot s = probe.sample(true);
    int pidBefore = started.pid();
    List<Crash> crashes = new ArrayList<>(between);
    between.clear();
    crashes.addAll(fresh(s, pidBefore > 0 ? pidBefore : s.pid()));
    String death = pidBefore > 0 && s.pid() != pidBefore ? (s.running()
        ? "the app's process restarted during the iteration (pid " + pidBefore + " -> " + s.pid() + ")"
        : "the app's process (pid " + pidBefore + ") died during the iteration") : null;
    started = null;
    long[] now = values(s);
    series.add(n, label, now);
    AppReport.Builder report = new AppReport.Builder(name, probe.packageName(), n, label, s,
        testFailed, options);
    if (!crashes.isEmpty() || death != null) {
      baseline = null;
      return new AppVerdict(n, AppVerdict.Outcome.CRASHED, report.crashed(crashes, death));
    }
    seenRunning |= s.running();
    if (!seenRunning && n > options.warmup()) {
      return new AppVerdict(n, AppVerdict.Outcome.NOT_FOUND, report.notFound(n));
    }
    String note = restartNote;
    if (baseline == null || n <= options.warmup()) {
      if (n >= options.warmup() || note != null) {
        baseline = s.running() ? s : null;
        restartNote = null;
      }
      return new AppVerdict(n, AppVerdict.Outcome.WARMUP, report.warmup(note));
    }
    long startNanos = System.nanoTime();
    int[] reads = {1};
    List<Growth> growth = growth(now, s);
    if (growth.stream().anyMatch(g -> g.exceeded() && !perIteration(g)) && !options.settle().isZero()) {
      Settling.until("app counters of " + name + " settle", options.settle(), Duration.ofMillis(50),
          options.maxBackoff(), () -> {
            reads[0]++;
            long[] again = values(probe.sample(false));
            for (AppCounter c : AppCounter.values()) {
              if (!c.perIteration() && again[c.ordinal()] >= 0) {
                now[c.ordinal()] = Math.min(now[c.ordinal()], again[c.ordinal()]);
              }
            }
            return growth(now, s).stream().noneMatch(g -> g.exceeded() && !perIteration(g));
          });
      growth = growth(now, s);
    }
    long[] stairNow = new long[STAIR.length];
    long[] stairBase = new long[STAIR.length];
    for (int i = 0; i < STAIR.length; i++) {
      stairNow[i] = now[STAIR[i].ordinal()];
      stairBase[i] = baseline.value(STAIR[i]);
    }
    List<String> stairSteps = stairs.record(stairNow, stairBase);
    boolean grew = !stairSteps.isEmpty() || growth.stream().anyMatch(Growth::exceeded);
    AppReport r = report.judged(grew, growth, stairSteps, baseline, reads[0],
        (System.nanoTime() - startNanos) / 1_000_000);
    if (grew || testFailed) {
      baseline = s;
    }
    return new AppVerdict(n, grew ? AppVerdict.Outcome.GREW : AppVerdict.Outcome.CLEAN, r);
  }

  private boolean perIteration(Growth g) {
    return g.probe().equals(AppCounter.JANK_PERCENT.label())
        || g.probe().equals(AppCounter.FRAME_P90_MS.label());
  }

  private List<Growth> growth(long[] now, AppSnapshot s) {
    List<Growth> out = new ArrayList<>();
    boolean framesJudged = s.frames().map(GfxInfo::totalFrames).orElse(-1L) >= options.minFrames()
        && baseline.frames().map(GfxInfo::totalFrames).orElse(-1L) >= options.minFrames();
    for (AppCounter c : AppCounter.values()) {
      long base = baseline.value(c);
      long v = now[c.ordinal()];
      if (base < 0 || v < 0 || (c.perIteration() && !framesJudged)) {
        continue;
      }
      out.add(new Growth(c.label(), base, v, options.tolerances().get(c), c.bytes(), false));
    }
    return out;
  }

  private static long[] values(AppSnapshot s) {
    long[] v = new long[AppCounter.values().length];
    for (AppCounter c : AppCounter.values()) {
      v[c.ordinal()] = s.value(c);
    }
    return v;
  }

  /** The app's crashes and ANRs in {@code s} not reported before; marks them reported. */
  private List<Crash> fresh(AppSnapshot s, int pid) {
    List<Crash> out = new ArrayList<>();
    for (Crash c : s.crashes()) {
      if (c.of(probe.packageName(), pid) && seen.add(c.key())) {
        out.add(c);
      }
    }
    return out;
  }
}
