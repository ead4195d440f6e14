package dev.stormproof.bench.jmh;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.stormproof.leak.LeakGuardSession;
import dev.stormproof.leak.LeakOptions;
import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.TrackingPointerScope;
import dev.stormproof.leak.Verdict;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The leak guard's cost per iteration when nothing leaks: an "iteration" allocates and frees a
 * 1080x2400 BGR Mat (every page written) inside a ledger-tracking scope (what a clean test does), with and without
 * the {@link LeakGuardSession} judging it (snapshot after a GC, compare, stair-step history).
 * Nothing leaks, so every leak verdict is a false alarm: counted ({@code falseAlarms} beside the
 * time, the first report printed) rather than thrown, because long clean runs do drift.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LeakGuardBench {
  private Ledger ledger;
  private LeakGuardSession guard;
  private int iteration;

  @Setup(Level.Trial)
  public void setUp() {
    ledger = new Ledger();
    guard = new LeakGuardSession("jmh", LeakOptions.DEFAULTS, ledger);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    guard.close();
  }

  @Benchmark
  public long cleanIterationWithoutGuard() {
    return work("plain");
  }

  /** Judged iterations and false alarms, reported by JMH beside the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Alarms {
    public long judged;
    public long falseAlarms;

    @Setup(Level.Iteration)
    public void reset() {
      judged = 0;
      falseAlarms = 0;
    }
  }

  @Benchmark
  public long cleanIterationWithGuard(Alarms alarms) {
    String owner = "it-" + (++iteration);
    guard.iterationStarted(owner);
    long r = work(owner);
    Verdict v = guard.iterationFinished(owner, owner, false);
    if (v.outcome() != Verdict.Outcome.WARMUP) {
      alarms.judged++;
    }
    if (v.leaked()) {
      // Nothing leaks here, so any verdict is a false alarm: counted, the first one shown.
      if (alarms.falseAlarms++ == 0) {
        System.err.println("false alarm in a clean iteration: " + v.report().text());
      }
    }
    return r;
  }

  private long work(String owner) {
    try (TrackingPointerScope scope = new TrackingPointerScope(ledger, owner, false);
        Mat m = new Mat(2400, 1080, CV_8UC3);
        Scalar grey = new Scalar(128, 128, 128, 0)) {
      m.put(grey); // touch every page, as a real frame does
      return m.address();
    } finally {
      TrackingPointerScope.sweep(ledger);
    }
  }
}
