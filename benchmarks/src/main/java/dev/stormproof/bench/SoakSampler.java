package dev.stormproof.bench;

import dev.stormproof.leak.NativeMemory;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Samples the process once a second on its own named daemon thread: RSS, glibc in-use native
 * bytes ({@link NativeMemory}, -1 where mallinfo2 is missing), javacpp's live pointer count,
 * JVM thread count and the device's delivered-tap count. {@link #close()} stops and joins it.
 */
final class SoakSampler implements AutoCloseable {
  /** One sample. */
  record Sample(long millis, long rssBytes, long nativeBytes, long javacppPointers, int threads, long taps,
      String phase) {}

  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer;
  private final long start = System.nanoTime();
  private final LongSupplier taps;
  private volatile String phase = "start";

  SoakSampler(LongSupplier taps) {
    this.taps = taps;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stormproof-soak-sampler");
      t.setDaemon(true);
      return t;
    });
    sample();
    timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
  }

  void phase(String name) {
    phase = name;
    sample();
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  private void sample() {
    Sample s = new Sample((System.nanoTime() - start) / 1_000_000, NativeMemory.residentBytes(),
        NativeMemory.available() ? NativeMemory.inUse() : -1, Pointer.totalCount(),
        ManagementFactory.getThreadMXBean().getThreadCount(), taps.getAsLong(), phase);
    synchronized (this) {
      samples.add(s);
    }
  }

  String csv() {
    StringBuilder b = new StringBuilder("millis,rss_bytes,native_inuse_bytes,javacpp_pointers,threads,taps_delivered,phase\n");
    for (Sample s : samples()) {
      b.append(s.millis()).append(',').append(s.rssBytes()).append(',').append(s.nativeBytes()).append(',')
          .append(s.javacppPointers()).append(',').append(s.threads()).append(',').append(s.taps()).append(',')
          .append(s.phase()).append('\n');
    }
    return b.toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("stormproof-soak-sampler did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
