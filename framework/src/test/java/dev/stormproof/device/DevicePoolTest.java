package dev.stormproof.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.Device;
import dev.stormproof.device.DeviceTimeoutException;
import dev.stormproof.device.Point;
import dev.stormproof.device.Screenshot;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DevicePoolTest {

  /** A device that only has a serial and counts closes; the pool never calls anything else. */
  record NamedDevice(String serial, AtomicInteger closes) implements Device {
    NamedDevice(String serial) { this(serial, new AtomicInteger()); }
    @Override public String model() { throw new UnsupportedOperationException(); }
    @Override public Size screenSize() { throw new UnsupportedOperationException(); }
    @Override public void tap(Point point) { throw new UnsupportedOperationException(); }
    @Override public void swipe(Point from, Point to, Duration duration) { throw new UnsupportedOperationException(); }
    @Override public void longPress(Point point, Duration duration) { throw new UnsupportedOperationException(); }
    @Override public void text(String text) { throw new UnsupportedOperationException(); }
    @Override public void key(int keyCode) { throw new UnsupportedOperationException(); }
    @Override public ShellResult shell(String command) { throw new UnsupportedOperationException(); }
    @Override public Screenshot screenshot() { throw new UnsupportedOperationException(); }
    @Override public void startApp(String component) { throw new UnsupportedOperationException(); }
    @Override public void stopApp(String packageName) { throw new UnsupportedOperationException(); }
    @Override public void close() { closes.incrementAndGet(); }
  }

  @Test
  void leases_are_exclusive_and_a_waiter_gets_the_released_device() throws Exception {
    NamedDevice a = new NamedDevice("a");
    try (DevicePool pool = new DevicePool(List.of(a), Duration.ofMinutes(1))) {
      DevicePool.Lease first = pool.lease("t");
      AtomicReference<DevicePool.Lease> second = new AtomicReference<>();
      Thread waiter = new Thread(() -> second.set(pool.lease("t")), "waiter");
      waiter.start();
      await().until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
      assertThat(second.get()).isNull();
      first.close();
      waiter.join();
      assertThat(second.get().device()).isSameAs(a);
      second.get().close();
    }
    assertThat(a.closes().get()).isEqualTo(1);
  }

  @Test
  void waiting_too_long_names_the_devices_and_their_holders() {
    try (DevicePool pool = new DevicePool(List.of(new NamedDevice("a"), new NamedDevice("b")), Duration.ofMillis(20))) {
      pool.lease("[test:one]");
      pool.lease("[test:two]");
      assertThatThrownBy(() -> pool.lease("[test:three]")).isInstanceOf(DeviceTimeoutException.class)
          .hasMessage("no device was free within 20 ms for [test:three]: all 2 are leased (a by [test:one], b by [test:two]); "
              + "raise stormproof.device.leaseTimeout, add devices (stormproof.adb.servers, stormproof.device.virtualCount) "
              + "or lower junit.jupiter.execution.parallel parallelism");
    }
  }

  @Test
  void many_threads_never_share_a_device() throws Exception {
    List<NamedDevice> devices = List.of(new NamedDevice("a"), new NamedDevice("b"), new NamedDevice("c"));
    Map<String, AtomicInteger> inUse = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    try (DevicePool pool = new DevicePool(devices, Duration.ofMinutes(1))) {
      List<Thread> threads = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        Thread th = new Thread(() -> {
          for (int i = 0; i < 200; i++) {
            try (DevicePool.Lease lease = pool.lease("t")) {
              AtomicInteger n = inUse.computeIfAbsent(lease.device().serial(), k -> new AtomicInteger());
              if (n.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              Thread.yield();
              n.decrementAndGet();
            }
          }
        }, "leaser-" + t);
        th.start();
        threads.add(th);
      }
      for (Thread th : threads) {
        th.join();
      }
    }
    assertThat(overlaps).hasValue(0);
    assertThat(inUse.keySet()).containsExactlyInAnyOrder("a", "b", "c");
  }
}
