package dev.stormproof.bench;

import dev.stormproof.device.Point;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.function.IntConsumer;

/**
 * Milliseconds per tap command over each way of reaching a device, against the embedded
 * {@link VirtualDevice} on loopback with zero latency (so transport cost is what is measured):
 * dadb straight to adbd with and without TCP_NODELAY, dadb through a real adb server of our own,
 * one {@code adb shell input tap} process per tap (what simple scripts do), and for reference the
 * persistent raw input-event channel. Every path's taps are checked against the device's tap log
 * (the ground truth). Writes {@code adb.tsv} into {@code --out}.
 *
 * <p>Options (defaults): {@code --taps 200 --warmup 10 --adb adb --out benchmarks/target/results}.
 */
public final class AdbBench {
  private AdbBench() {
  }

  public static void main(String[] argv) throws IOException {
    Args a = new Args(argv, Map.of("taps", "200", "warmup", "10", "adb", "adb", "out", "benchmarks/target/results"));
    int taps = a.integer("taps");
    int warmup = a.integer("warmup");
    Path out = a.path("out");
    Files.createDirectories(out);
    Results results = new Results(out.resolve("adb.tsv"));
    String scenario = "input tap X Y, virtual device on loopback, zero device latency";
    AdbOptions input = AdbOptions.defaults().withTouch(AdbOptions.Touch.INPUT);

    try (VirtualDevice vd = new VirtualDevice(VirtualDeviceOptions.defaults().withLatency(LatencyModel.fast())).start()) {
      measure(results, vd, scenario, "dadb direct, TCP_NODELAY on (Stormproof default)", taps, warmup,
          "AdbDevice.direct(...).tap(): one shell v2 stream per tap",
          AdbDevice.direct("127.0.0.1", vd.port(), input.withTcpNoDelay(true)));
      measure(results, vd, scenario, "dadb direct, client TCP_NODELAY off", taps, warmup,
          "AdbDevice.direct(...).tap() with stormproof.adb.tcpNoDelay=false (dadb's own socket has none); "
              + "the virtual device sets TCP_NODELAY on its side, which a real adbd may not",
          AdbDevice.direct("127.0.0.1", vd.port(), input.withTcpNoDelay(false)));
      try (AdbServerProcess server = AdbServerProcess.start(a.get("adb"), out.resolve("adb-server.log"))) {
        String serial = server.connect("127.0.0.1", vd.port());
        measure(results, vd, scenario, "dadb through adb server " + adbVersion(server), taps, warmup,
            "AdbDevice.viaServer(127.0.0.1, own server port, serial).tap()",
            AdbDevice.viaServer("127.0.0.1", server.port(), serial, input));
        int processTaps = Math.max(5, taps / 4);
        timed(results, vd, scenario, "adb -s SERIAL shell input tap X Y, one process per tap", processTaps,
            Math.min(warmup, 3), "a new adb client process per tap (fewer taps: " + processTaps + ")",
            i -> server.run("-s", serial, "shell", "input", "tap", Integer.toString(100 + i % 800), "500"));
      } catch (RuntimeException e) {
        results.add(ResultRow.missing("adb", scenario, "adb server paths", "not measured: " + e.getMessage()));
      }
      measure(results, vd, scenario, "raw input-event channel (dadb direct, TCP_NODELAY)", taps, warmup,
          "AdbDevice with stormproof.adb.touch=raw: events written to /dev/input/eventN over one stream",
          AdbDevice.direct("127.0.0.1", vd.port(), AdbOptions.defaults().withTouch(AdbOptions.Touch.RAW)));
    }
  }

  private static String adbVersion(AdbServerProcess server) {
    // "Android Debug Bridge version 1.0.41" then "Version 29.0.6-debian": the second is the release.
    String v = server.run("version").lines().filter(l -> l.startsWith("Version ")).findFirst().orElse("")
        .replace("Version ", "");
    return v.isEmpty() ? "" : "(adb " + v + ")";
  }

  private static void measure(Results results, VirtualDevice vd, String scenario, String impl, int taps,
      int warmup, String note, AdbDevice device) {
    try (device) {
      timed(results, vd, scenario, impl, taps, warmup, note, i -> device.tap(new Point(100 + i % 800, 500)));
    } catch (RuntimeException e) {
      results.add(ResultRow.missing("adb", scenario, impl, "not measured: " + e));
    }
  }

  private static void timed(Results results, VirtualDevice vd, String scenario, String impl, int taps,
      int warmup, String note, IntConsumer tap) {
    long start = vd.tapLog().count();
    for (int i = 0; i < warmup; i++) {
      tap.accept(i);
    }
    // Raw taps arrive asynchronously: let the warm-up's land before counting the timed ones.
    awaitDelivered(vd, start, warmup);
    long before = vd.tapLog().count();
    long[] nanos = new long[taps];
    for (int i = 0; i < taps; i++) {
      long t0 = System.nanoTime();
      tap.accept(i);
      nanos[i] = System.nanoTime() - t0;
    }
    awaitDelivered(vd, before, taps);
    long delivered = vd.tapLog().count() - before;
    String verdict = delivered == taps ? "yes" : "no";
    results.add(new ResultRow("adb", scenario, impl, Stats.ofNanos(nanos), verdict,
        "delivered " + delivered + "/" + taps, note + "; taps per second " + (long) (taps / (sum(nanos) / 1e9))));
  }

  /** Waits up to 5 s for {@code n} taps after {@code from}; a shortfall is judged by the caller. */
  private static void awaitDelivered(VirtualDevice vd, long from, long n) {
    try {
      Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
          .until(() -> vd.tapLog().count() - from >= n);
    } catch (ConditionTimeoutException e) {
      // Fewer taps delivered than sent: the verdict column says so.
    }
  }

  private static double sum(long[] nanos) {
    double s = 0;
    for (long n : nanos) {
      s += n;
    }
    return Math.max(1, s);
  }
}
