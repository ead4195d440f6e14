package dev.stormproof.bench.jmh;

import dev.stormproof.device.Point;
import dev.stormproof.tap.TapClock;
import dev.stormproof.tap.TapOptions;
import dev.stormproof.tap.TapQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the TapQueue itself costs per tap, with the token bucket out of the way (a rate of 10^9
 * taps/s) and a deliverer that only counts: {@code directCall} is the deliverer called in place,
 * {@code queueTapBlocking} one producer's blocking {@code tap} (hand-off to the dispatcher thread
 * and back), {@code queueSubmitBatch} {@value #BATCH} {@code submit}s then waiting for the last
 * (pipelined throughput). The queue and its dispatcher thread are closed in tear-down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TapQueueBench {
  static final int BATCH = 100;

  private final AtomicLong delivered = new AtomicLong();
  private final Point point = new Point(540, 1200);
  private TapQueue queue;
  private TapQueue.Deliverer deliverer;

  @Setup(Level.Trial)
  public void setUp() {
    deliverer = p -> delivered.incrementAndGet();
    TapOptions options = TapOptions.defaults().withRate(1e9).withBurst(1_000_000).withCapacity(10_000);
    queue = new TapQueue("jmh", options, deliverer, TapClock.system());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    queue.close();
  }

  @Benchmark
  public long directCall() throws Exception {
    deliverer.deliver(point);
    return delivered.get();
  }

  @Benchmark
  public long queueTapBlocking() {
    queue.tap(point);
    return delivered.get();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long queueSubmitBatch() {
    CompletableFuture<Void> last = null;
    for (int i = 0; i < BATCH; i++) {
      last = queue.submit(point);
    }
    last.join();
    return delivered.get();
  }
}
