package dev.stormproof.bench.jmh;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.TrackingPointerScope;
import dev.stormproof.vision.LedgerScope;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per native allocation (a 96x96 gray Mat allocated and closed) of the ledger's allocation
 * tracking against a plain javacpp scope: the leak guard's watching {@link TrackingPointerScope}
 * (with and without allocation sites) and Vision's owning {@link LedgerScope} (ledger entry with
 * site per allocation, freed at close), against a plain
 * javacpp {@link PointerScope} and no scope at all. One invocation is a batch of {@value #BATCH}
 * allocations inside one scope, then the scope's close and the ledger sweep a test's end does, so
 * the figures include the bookkeeping a test pays, amortised per allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AllocationTrackingBench {
  static final int BATCH = 100;

  private final Ledger ledger = new Ledger();

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long noScope() {
    return allocateBatch();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long plainPointerScope() {
    try (PointerScope scope = new PointerScope()) {
      return allocateBatch();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long trackingScopeWithSites() {
    long n;
    try (TrackingPointerScope scope = new TrackingPointerScope(ledger, "bench", true)) {
      n = allocateBatch();
    }
    TrackingPointerScope.sweep(ledger);
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long trackingScopeWithoutSites() {
    long n;
    try (TrackingPointerScope scope = new TrackingPointerScope(ledger, "bench", false)) {
      n = allocateBatch();
    }
    TrackingPointerScope.sweep(ledger);
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long visionLedgerScope() {
    try (LedgerScope scope = new LedgerScope(ledger, "bench")) {
      return allocateBatch();
    }
  }

  private static long allocateBatch() {
    long sum = 0;
    for (int i = 0; i < BATCH; i++) {
      try (Mat m = new Mat(96, 96, CV_8UC1)) {
        sum += m.address();
      }
    }
    return sum;
  }
}
