package dev.stormproof.bench;

import dev.stormproof.app.AppProbe;
import dev.stormproof.app.AppSnapshot;
import dev.stormproof.device.Device;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.device.virtual.arena.ArenaGame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What the app guard costs per iteration boundary: adb round trips and milliseconds of one
 * {@link AppProbe#sample} (pid, /proc status and fds, meminfo, gfxinfo reset, activity
 * processes, crash log) against Arena on the virtual device, with zero device latency and with
 * the default phone-like latency. An iteration has two boundaries. Writes the rows of a Markdown
 * table to {@code app-guard.md} in the output directory (and prints them) for
 * {@link Sections#appGuard}.
 *
 * <p>Options (defaults): {@code --samples 200 --warmup 20 --out benchmarks/target/results}.
 */
public final class AppGuardCost {
  private AppGuardCost() {
  }

  /**
   * Measures both latencies and writes {@code app-guard.md}.
   *
   * @param argv {@code --samples N --warmup N --out DIR}
   * @throws IOException when the output cannot be written
   */
  public static void main(String[] argv) throws IOException {
    Args a = new Args(argv, Map.of("samples", "200", "warmup", "20", "out", "benchmarks/target/results"));
    int samples = a.integer("samples");
    int warmup = a.integer("warmup");
    Path out = a.path("out");
    Files.createDirectories(out);
    String rows = measure("zero (`LatencyModel.fast()`)",
        VirtualDeviceOptions.defaults().withLatency(LatencyModel.fast()), samples, warmup)
        + measure("phone-like (virtual device default)", VirtualDeviceOptions.defaults(), samples,
            warmup);
    Files.writeString(out.resolve("app-guard.md"), "samples per row: " + samples + "\n" + rows);
    System.out.print(rows);
  }

  private static String measure(String name, VirtualDeviceOptions options, int samples, int warmup) {
    try (VirtualDevice vd = new VirtualDevice(options.withApp(new ArenaGame())).start();
        Device device = AdbDevice.direct("127.0.0.1", vd.port(), AdbOptions.defaults())) {
      device.startApp(ArenaGame.COMPONENT);
      AppProbe probe = new AppProbe(device, ArenaGame.PACKAGE);
      for (int i = 0; i < warmup; i++) {
        probe.sample(true);
      }
      double[] ms = new double[samples];
      int trips = 0;
      for (int i = 0; i < samples; i++) {
        AppSnapshot s = probe.sample(true);
        if (!s.running() || s.memInfo().isEmpty()) {
          throw new IllegalStateException("Arena was not read: " + s.notes());
        }
        ms[i] = s.nanos() / 1e6;
        trips = Math.max(trips, s.roundTrips());
      }
      Arrays.sort(ms);
      return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |%n", name, trips,
          ms[samples / 2], ms[(int) Math.ceil(samples * 0.95) - 1], ms[samples - 1]);
    }
  }
}
