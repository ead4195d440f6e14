package dev.stormproof.device.adb;

import dadb.Dadb;
import dadb.adbserver.AdbServer;
import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.testing.TestAdbServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark, not a test: milliseconds per shell command ({@code echo x}, shell v2) against the
 * virtual device with zero device latency, over each transport; and taps per second over the raw
 * input channel. Writes {@code target/adb-bench.txt}. Run:
 * {@code java -cp target/test-classes:target/classes:DEPS dev.stormproof.device.adb.AdbBench [commands]}
 */
public final class AdbBench {

  interface Command {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    VirtualDeviceOptions vo = VirtualDeviceOptions.defaults().withSize(new Size(400, 800)).withLatency(LatencyModel.fast());
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "# ms per 'echo x' (shell v2), virtual device with zero latency, %d commands after 20 warm-up; %s, %d cpus%n",
        n, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
    report.append(String.format(Locale.ROOT, "%-44s %8s %8s %8s%n", "transport", "mean", "p50", "p99"));
    try (VirtualDevice vdev = new VirtualDevice(vo).start(); TestAdbServer server = new TestAdbServer()) {
      server.connect(vdev.port());
      Dadb plain = Dadb.create("127.0.0.1", vdev.port(), null);
      line(report, "dadb Dadb.create (its own socket, Nagle on)", n, () -> plain.shell("echo x"));
      plain.close();
      Dadb viaServer = AdbServer.createDadb("127.0.0.1", server.port, "host:transport:" + vdev.serial());
      line(report, "dadb AdbServer.createDadb (adb server)", n, () -> viaServer.shell("echo x"));
      try (AdbDevice d = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTcpNoDelay(false))) {
        line(report, "AdbDevice direct, tcpNoDelay=false", n, () -> d.shell("echo x"));
        taps(report, "raw taps/s, direct, tcpNoDelay=false", d, n);
      }
      try (AdbDevice d = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withTcpNoDelay(true))) {
        line(report, "AdbDevice direct, tcpNoDelay=true (default)", n, () -> d.shell("echo x"));
        taps(report, "raw taps/s, direct, tcpNoDelay=true", d, n);
      }
      try (AdbDevice d = AdbDevice.viaServer("127.0.0.1", server.port, vdev.serial(), AdbOptions.defaults())) {
        line(report, "AdbDevice via adb server", n, () -> d.shell("echo x"));
        taps(report, "raw taps/s, via adb server", d, n);
      }
    }
    Path out = Path.of("target", "adb-bench.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static void line(StringBuilder report, String name, int n, Command c) throws Exception {
    for (int i = 0; i < 20; i++) {
      c.run();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      c.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    double mean = Arrays.stream(ms).average().orElse(0);
    report.append(String.format(Locale.ROOT, "%-44s %8.2f %8.2f %8.2f%n", name, mean, ms[n / 2], ms[(int) Math.ceil(0.99 * n) - 1]));
  }

  private static void taps(StringBuilder report, String name, AdbDevice d, int n) throws IOException {
    d.tap(Point.of(1, 1));
    long t0 = System.nanoTime();
    for (int i = 0; i < n * 5; i++) {
      d.tap(Point.of(i % 400, (i / 400) % 800));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    report.append(String.format(Locale.ROOT, "%-44s %8.0f   (%d taps written; backend %s)%n", name, n * 5 / seconds, n * 5, d.touchBackend()));
  }

  private AdbBench() {}
}
