package dev.stormproof.device.adb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stormproof.device.DeviceCommandException;
import dev.stormproof.device.DeviceTimeoutException;
import dev.stormproof.device.ShellResult;
import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.LatencyModel;
import dev.stormproof.device.virtual.VirtualDevice;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many callers at once on one handle. The first test is the benchmark's ConcurrentCallsProbe (the
 * storm soak's round start): 300 callers released together on a fresh handle used to open more
 * streams than adbd accepts (the virtual device, like adbd, refuses OPENs beyond 256); the refused
 * OPEN was taken for a lost connection and its discard failed every sibling with
 * DeviceLostException.
 */
class ConcurrentFirstCallsTest {

  private static final int CALLERS = 300;

  private final VirtualDevice vdev = new VirtualDevice(VirtualDeviceOptions.defaults().withSize(new Size(320, 640))
      .withLatency(LatencyModel.fast())).start();
  private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS, r -> {
    Thread t = new Thread(r, "concurrent-first-call");
    t.setDaemon(true);
    return t;
  });
  private AdbDevice device;

  @AfterEach
  void close() throws InterruptedException {
    vdev.faults().clear();
    if (device != null) {
      device.close();
    }
    vdev.close();
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("stormproof-adb-127.0.0.1:" + vdev.port()));
  }

  @Test
  void three_hundred_concurrent_first_calls_on_a_fresh_device_all_succeed() throws Exception {
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Size>> calls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      calls.add(pool.submit(() -> {
        go.await();
        return device.screenSize();
      }));
    }
    go.countDown();
    List<String> failures = new ArrayList<>();
    for (Future<Size> f : calls) {
      try {
        assertThat(f.get()).isEqualTo(new Size(320, 640));
      } catch (ExecutionException e) {
        failures.add(e.getCause().toString());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(device.reconnects()).isZero();
  }

  @Test
  void a_call_beyond_max_streams_waits_and_times_out_without_discarding_the_busy_connection() throws Exception {
    // DeviceCalls over a fake transport, so that the two stream holders outlive the third call's
    // deadline: their bodies ignore the interrupt a timeout sends, as a stranded dadb reader may.
    AdbTransport transport = new AdbTransport() {
      @Override public Channel open(String service) { throw new UnsupportedOperationException(); }
      @Override public boolean supports(String feature) { return true; }
      @Override public String describe() { return "fake"; }
      @Override public void close() { }
    };
    CountDownLatch holding = new CountDownLatch(2);
    CountDownLatch letGo = new CountDownLatch(1);
    try (DeviceCalls calls = new DeviceCalls("fake:1", () -> transport, Duration.ofMillis(300), 2)) {
      List<Future<String>> holders = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        holders.add(pool.submit(() -> calls.call("hold", false, t -> {
          holding.countDown();
          awaitIgnoringInterrupts(letGo);
          return "held";
        })));
      }
      holding.await();
      assertThatThrownBy(() -> calls.call("third", true, t -> "ran"))
          .isInstanceOf(DeviceTimeoutException.class)
          .hasMessage("fake:1: third did not start within 300 ms: all 2 streams of the connection stayed busy; raise "
              + "stormproof.device.timeout or stormproof.adb.maxStreams, or make fewer calls at once");
      letGo.countDown();
      for (Future<String> h : holders) {
        assertThatThrownBy(h::get).hasCauseInstanceOf(DeviceTimeoutException.class);
      }
      // Only the holders' own timeouts discarded the connection (once); the third call did not.
      assertThat(calls.reconnects()).isEqualTo(1);
      String fourth = calls.call("fourth", false, t -> "ran");
      assertThat(fourth).isEqualTo("ran");
    }
  }

  private static void awaitIgnoringInterrupts(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void an_open_refused_by_adbd_fails_only_its_own_call() throws Exception {
    // Above the virtual device's 256-stream limit on purpose: the 257th OPEN is refused.
    device = AdbDevice.direct("127.0.0.1", vdev.port(), AdbOptions.defaults().withMaxStreams(CALLERS).withTimeout(Duration.ofSeconds(30)));
    device.screenSize();
    vdev.faults().hang();
    List<Future<ShellResult>> hung = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      hung.add(pool.submit(echo("x" + i)));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> vdev.faults().hungCommands() == 256);
    assertThatThrownBy(() -> device.shell("echo refused"))
        .isInstanceOf(DeviceCommandException.class)
        .hasMessage("127.0.0.1:" + vdev.port() + ": shell 'echo refused': 127.0.0.1:" + vdev.port() + " refused to open "
            + "'shell,v2,raw:echo refused' (adbd closes an OPEN at once when the service is unknown or it has too many streams open); "
            + "lower stormproof.adb.maxStreams (now 300) if other clients share this device");
    vdev.faults().release();
    for (int i = 0; i < hung.size(); i++) {
      assertThat(hung.get(i).get().stdout()).isEqualTo("x" + i + "\n");
    }
    assertThat(device.reconnects()).isZero();
  }

  private Callable<ShellResult> echo(String s) {
    return () -> device.shell("echo " + s);
  }
}
