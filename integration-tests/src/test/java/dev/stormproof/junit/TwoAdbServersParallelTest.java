package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import dev.stormproof.testing.TestAdbServer;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.TapLog;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Two real adb servers, each with its own virtual device, form one pool for a parallel suite. */
class TwoAdbServersParallelTest {

  static final int TESTS = 12;
  static final Map<String, AtomicInteger> inUse = new ConcurrentHashMap<>();
  static final Map<Integer, String> ranOn = new ConcurrentHashMap<>();
  static final AtomicInteger overlaps = new AtomicInteger();
  static CountDownLatch twoAtOnce;

  @OnDevice
  static class Suite {
    @RepeatedTest(TESTS)
    void tapsOnItsOwnDevice(Device device, RepetitionInfo info) throws InterruptedException {
      String serial = device.serial();
      if (inUse.computeIfAbsent(serial, k -> new AtomicInteger()).incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      try {
        // The first two tests hold their leases together, so both devices are certainly used.
        twoAtOnce.countDown();
        assertThat(twoAtOnce.await(30, TimeUnit.SECONDS)).isTrue();
        ranOn.put(info.getCurrentRepetition(), serial);
        device.tap(Point.of(info.getCurrentRepetition(), 7));
      } finally {
        inUse.get(serial).decrementAndGet();
      }
    }
  }

  @Test
  void a_parallel_suite_uses_both_servers_devices_one_test_at_a_time() throws Exception {
    VirtualDeviceOptions vo = VirtualDeviceOptions.defaults().withSize(new Size(100, 200)).withLatency(LatencyModel.fast());
    twoAtOnce = new CountDownLatch(2);
    try (VirtualDevice d1 = new VirtualDevice(vo).start();
        VirtualDevice d2 = new VirtualDevice(vo).start();
        TestAdbServer s1 = new TestAdbServer();
        TestAdbServer s2 = new TestAdbServer()) {
      s1.connect(d1.port());
      s2.connect(d2.port());
      EngineTestKit.engine("junit-jupiter")
          .configurationParameter("stormproof.adb.servers", "127.0.0.1:" + s1.port + ",127.0.0.1:" + s2.port)
          .configurationParameter("stormproof.device", "any")
          .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
          .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
          .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
          .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
          .selectors(selectClass(Suite.class))
          .execute()
          .testEvents().assertStatistics(s -> s.succeeded(TESTS).failed(0));

      assertThat(overlaps).hasValue(0);
      assertThat(Set.copyOf(ranOn.values())).containsExactlyInAnyOrder(d1.serial(), d2.serial());
      for (VirtualDevice d : new VirtualDevice[] {d1, d2}) {
        Set<Integer> expected = ranOn.entrySet().stream().filter(e -> e.getValue().equals(d.serial()))
            .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        await().until(() -> d.tapLog().count() == expected.size());
        Set<Integer> tapped = d.tapLog().snapshot().stream().map(TapLog.Tap::x).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tapped).as("taps on %s", d.serial()).isEqualTo(expected);
      }
    }
  }
}
