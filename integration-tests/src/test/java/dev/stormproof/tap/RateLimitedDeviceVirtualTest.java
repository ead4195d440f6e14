package dev.stormproof.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.device.adb.AdbDevice;
import dev.stormproof.device.adb.AdbOptions;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.TapLog;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Many producers through one queue to the virtual device: its tap log shows each tap exactly once, per-producer order kept. */
class RateLimitedDeviceVirtualTest {

  @Test
  void concurrent_producers_lose_and_duplicate_no_tap_on_the_device() throws Exception {
    int producers = 100;
    int each = 10;
    try (VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(200, 400)).withLatency(LatencyModel.fast())).start();
        RateLimitedDevice device = RateLimitedDevice.owning(AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults()),
            TapOptions.defaults().withRate(1_000_000).withCapacity(32))) {
      Map<Integer, Throwable> errors = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int id = p;
        Thread t = new Thread(() -> {
          try {
            for (int i = 0; i < each; i++) {
              device.tap(Point.of(id, i));
            }
          } catch (Throwable e) {
            errors.put(id, e);
          }
        }, "producer-" + p);
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(errors).isEmpty();
      await().until(() -> vdev.tapLog().count() == producers * each);
      List<TapLog.Tap> log = vdev.tapLog().snapshot();
      assertThat(new HashSet<>(log.stream().map(t -> t.x() * 1000 + t.y()).toList())).hasSize(producers * each);
      int[] next = new int[producers];
      for (TapLog.Tap t : log) {
        assertThat(t.y()).as("order of producer %d", t.x()).isEqualTo(next[t.x()]++);
      }
      assertThat(device.queue().metrics().delivered()).isEqualTo(producers * each);
    }
  }
}
