package dev.stormproof.bench;

import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reproduces what the storm soak's round start does to a fresh {@link AdbDevice}: {@code --threads}
 * callers released at once, each asking {@code screenSize()} (one {@code wm size} shell stream
 * each until the size is cached). Prints how many succeeded and the failures by kind; exit
 * status 1 when any failed. Options (defaults): {@code --threads 300 --latency phone|fast}.
 */
public final class ConcurrentCallsProbe {
  private ConcurrentCallsProbe() {
  }

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv, Map.of("threads", "300", "latency", "phone"));
    int n = a.integer("threads");
    LatencyModel latency = switch (a.get("latency")) {
      case "phone" -> LatencyModel.phone();
      case "fast" -> LatencyModel.fast();
      default -> throw new IllegalArgumentException("--latency must be phone or fast, got '" + a.get("latency") + "'");
    };
    Map<String, Integer> failures = new TreeMap<>();
    int ok = 0;
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "stormproof-probe-caller");
      t.setDaemon(true);
      return t;
    });
    try (VirtualDevice vd = new VirtualDevice(VirtualDeviceOptions.defaults().withLatency(latency)).start();
        AdbDevice device = AdbDevice.direct("127.0.0.1", vd.port(), AdbOptions.defaults())) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          return device.screenSize();
        }));
      }
      go.countDown();
      for (Future<?> f : calls) {
        try {
          f.get();
          ok++;
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          failures.merge(c.getClass().getSimpleName() + ": " + String.valueOf(c.getMessage()).replaceAll("\\d+", "N"),
              1, Integer::sum);
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    System.out.println(n + " concurrent screenSize() on a fresh AdbDevice, " + a.get("latency") + " latency: " + ok
        + " ok, " + (n - ok) + " failed");
    failures.forEach((k, v) -> System.out.println("  " + v + " x " + k));
    System.exit(failures.isEmpty() ? 0 : 1);
  }
}
