package dev.stormproof.tap;

import dev.stormproof.device.Point;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.TapLog;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark, not a test: {@code producers} threads tap as fast as the queue lets them through one
 * device's {@link TapQueue} at {@code rate} taps/s for {@code seconds}, on the virtual device
 * with its phone-like latency model; the device's tap log is the ground truth for rate, loss and
 * duplicates. Writes {@code target/tap-bench.txt}. Arguments: producers rate seconds (default 300 20 60).
 */
public final class TapBench {

  public static void main(String[] args) throws Exception {
    int producers = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 20;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    TapOptions options = TapOptions.defaults().withRate(rate);
    AtomicLong failures = new AtomicLong();
    AtomicLong submittedOk = new AtomicLong();
    String result;
    try (VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults()).start();
        RateLimitedDevice device = RateLimitedDevice.owning(AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults()), options)) {
      device.tap(Point.of(1079, 2399)); // connect and choose the touch backend before timing
      long warmTaps = vdev.tapLog().count();
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int id = p;
        Thread t = new Thread(() -> {
          int seq = 0;
          while (System.nanoTime() < deadline) {
            try {
              device.tap(Point.of(id, seq++));
              submittedOk.incrementAndGet();
            } catch (RuntimeException e) {
              failures.incrementAndGet();
            }
          }
        }, "bench-producer-" + p);
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      List<TapLog.Tap> log = vdev.tapLog().snapshot().subList((int) warmTaps, (int) vdev.tapLog().count());
      Set<Long> unique = new HashSet<>();
      for (TapLog.Tap t : log) {
        unique.add((long) t.x() << 32 | t.y());
      }
      double span = (log.get(log.size() - 1).timeMillis() - log.get(0).timeMillis()) / 1000.0;
      double measured = (log.size() - 1) / span;
      TapMetrics m = device.queue().metrics();
      result = String.format(Locale.ROOT,
          "# TapQueue benchmark: %d producers, rate %.1f taps/s, burst %d, %d s, virtual device with phone latency, backend %s%n"
              + "taps delivered (device tap log)   %d%n"
              + "taps acknowledged to producers    %d%n"
              + "failed taps                       %d%n"
              + "duplicates in tap log             %d%n"
              + "measured rate (tap log)           %.3f taps/s%n"
              + "rate error                        %.2f %%%n"
              + "queue metrics                     %s%n",
          producers, rate, options.burst(), seconds, ((AdbDevice) device.delegate()).touchBackend(), log.size(), submittedOk.get(),
          failures.get(), log.size() - unique.size(), measured, 100 * Math.abs(measured - rate) / rate, m);
    }
    Path out = Path.of("target", "tap-bench.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, result);
    System.out.print(result);
  }

  private TapBench() {}
}
